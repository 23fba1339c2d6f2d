"use server";

import type { PersonalAnswer } from "@/components/personal/personal-part";
import { getMessage } from "@/lib/consultations/get-consultation";
import { messageLanguages } from "@/lib/translations/read-translations";
import { MessageReading } from "@/app/[locale]/(site)/(public)/consultations/[slug]/messages/[number]/message-reading";
import { forReader, reference } from "./for-reader";

/**
 * The message's text, versions and discussion as the signed-in reader sees
 * them (see ./for-reader.ts): the first page of threads on the current
 * version, in the document language the cached page shows (null: the
 * original; a translation's page is cached per language).
 */
export async function personalMessageReading(slug: unknown, number: unknown, language: unknown): Promise<PersonalAnswer> {
  const [consultation, message] = [reference.parse(slug), reference.parse(number)];
  const asked = reference.nullable().parse(language) ?? undefined;
  return forReader(async (actor) => {
    const found = await getMessage(actor, consultation, message);
    const current = found?.message.versions.at(-1);
    if (!found || !current) return null;
    const { languages } = await messageLanguages(found.consultation.id, found.message.id, asked);
    return <MessageReading actor={actor} found={found} shown={current} query={{}} languages={languages} />;
  });
}
