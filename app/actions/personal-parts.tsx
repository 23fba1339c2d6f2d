"use server";

import type { ReactNode } from "react";
import { z } from "zod";
import { SiteHeader } from "@/components/layout/site-header";
import { FollowConsultation } from "@/components/notifications/follow-consultation";
import type { PersonalAnswer } from "@/components/personal/personal-part";
import type { Actor } from "@/lib/auth/actor";
import { isReader } from "@/lib/auth/guards";
import { getActor } from "@/lib/auth/session";
import { getMessage } from "@/lib/consultations/get-consultation";
import { isFollowing } from "@/lib/notifications/settings";
import { messageLanguages } from "@/lib/translations/read-translations";
import { signOutAction } from "@/app/[locale]/(site)/(auth)/account/actions";
import { followAction } from "@/app/[locale]/(site)/(public)/consultations/[slug]/actions";
import { MessageReading } from "@/app/[locale]/(site)/(public)/consultations/[slug]/messages/[number]/message-reading";
import { setLanguage } from "./set-language";

/**
 * The personal parts of the cached pages, rendered for the signed-in reader
 * who asks (components/personal/personal-part.tsx): the same components the
 * pages rendered for the request use. Read-only: each reads the session and
 * the public data, and writes nothing.
 */

const reference = z.string().min(1).max(200);

export async function personalHeader(): Promise<PersonalAnswer> {
  return forReader((actor) => <SiteHeader actor={actor} setLanguageAction={setLanguage} signOutAction={signOutAction} />);
}

export async function personalFollow(consultationId: unknown, slug: unknown): Promise<PersonalAnswer> {
  const [id, path] = [reference.parse(consultationId), reference.parse(slug)];
  return forReader(async (actor) => <FollowConsultation consultationId={id} slug={path} signedIn following={await isFollowing(actor, id)} action={followAction} />);
}

/** The message's text, versions and discussion: the first page of threads on the current version, as the cached page has it. */
export async function personalMessageReading(slug: unknown, number: unknown): Promise<PersonalAnswer> {
  const [consultation, message] = [reference.parse(slug), reference.parse(number)];
  return forReader(async (actor) => {
    const found = await getMessage(actor, consultation, message);
    const current = found?.message.versions.at(-1);
    if (!found || !current) return null;
    // The cached page is the original's: a translation is read on pages rendered for the request.
    const { languages } = await messageLanguages(found.consultation.id, found.message.id, undefined);
    return <MessageReading actor={actor} found={found} shown={current} query={{}} languages={languages} />;
  });
}

async function forReader(render: (actor: Actor) => ReactNode | Promise<ReactNode>): Promise<PersonalAnswer> {
  const actor = await getActor();
  if (!actor) return { signedIn: false };
  if (!isReader(actor)) return { signedIn: true, reader: false };
  return { signedIn: true, reader: true, part: await render(actor) };
}
