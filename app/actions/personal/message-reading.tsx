"use server";

import type { PersonalAnswer } from "@/components/personal/personal-part";
import { getMessage } from "@/lib/consultations/get-consultation";
import { messageLanguages } from "@/lib/translations/read-translations";
import { MessageReading } from "@/app/[locale]/(site)/(public)/consultations/[slug]/messages/[number]/message-reading";
import { forReader, reference } from "./for-reader";

/**
 * The message's text, versions and discussion as the signed-in reader sees
 * them (see ./for-reader.ts): the first page of threads on the current
 * version, as the cached page has it.
 */
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
