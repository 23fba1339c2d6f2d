"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { formError, type FormState } from "@/lib/actions/form-state";
import { READER_VIEW_COOKIE } from "@/lib/auth/reader-view";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { endSession } from "@/lib/auth/session-store";
import { getActor } from "@/lib/auth/session";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { callbackPathField } from "@/lib/auth/schemas";
import { profileFormValues } from "@/lib/profiles/schemas";
import { saveProfile } from "@/lib/profiles/save-profile";

export async function saveProfileAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = profileFormValues(form);
  let saved;
  try {
    saved = await saveProfile(await getActor(), values);
  } catch (error) {
    return formError(error, values);
  }
  (await cookies()).set(LOCALE_COOKIE, saved.preferredLanguage, { path: "/", maxAge: 31_536_000, sameSite: "lax" });
  const callbackUrl = callbackPathField.parse(form.get("callbackUrl") ?? undefined);
  redirect(callbackUrl === "/" ? "/account?saved=1" : callbackUrl);
}

export async function signOutAction() {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (token) await endSession(token);
    jar.delete(name);
  }
  // Signed out, this browser gets the cached pages as everyone does (lib/auth/reader-view.ts).
  jar.delete(READER_VIEW_COOKIE);
  redirect("/");
}
