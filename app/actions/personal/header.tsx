"use server";

import { SiteHeader } from "@/components/layout/site-header";
import type { PersonalAnswer } from "@/components/personal/personal-part";
import { signOutAction } from "@/app/[locale]/(site)/(auth)/account/actions";
import { setLanguage } from "../set-language";
import { forReader } from "./for-reader";

/** The site's header as the signed-in reader sees it (see ./for-reader.ts). */
export async function personalHeader(): Promise<PersonalAnswer> {
  return forReader((actor) => <SiteHeader actor={actor} setLanguageAction={setLanguage} signOutAction={signOutAction} />);
}
