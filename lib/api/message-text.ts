import { publicVersions, versionNamed } from "@/lib/consultations/public-history";
import { db } from "@/lib/db/client";
import { isStorableText } from "@/lib/text/user-text";

export const TEXT_MEDIA_TYPE = "text/plain; charset=utf-8";

/** The address of a version's plain text: the `source` the W3C export's selectors count in. */
export function versionTextUrl(baseUrl: string, messageId: string, versionNumber: number) {
  return `${baseUrl}/api/v1/messages/${encodeURIComponent(messageId)}/versions/${versionNumber}/text`;
}

/**
 * Exactly the text of version `versionNumber` of a published consultation's
 * message, or null when there is no such public version. Versions are never
 * edited, so the answer for a given address never changes.
 */
export async function publicVersionText(messageId: string, versionParam: string): Promise<string | null> {
  if (!isStorableText(messageId)) return null;
  const message = await db.message.findUnique({
    where: { id: messageId },
    select: {
      consultation: { select: { publishedAt: true, firstPublishedAt: true, finalisedAt: true } },
      versions: { orderBy: { number: "asc" }, select: { number: true, kind: true, text: true, createdAt: true } },
    },
  });
  if (!message?.consultation.publishedAt) return null;
  return versionNamed(publicVersions(message.versions, message.consultation), versionParam)?.text ?? null;
}

/** The address of a message's text in a translation (its `number`th import): the source of the annotations made on it. */
export function translatedTextUrl(baseUrl: string, messageId: string, language: string, number: number) {
  return `${baseUrl}/api/v1/messages/${encodeURIComponent(messageId)}/translations/${encodeURIComponent(language)}/${number}/text`;
}

/** Exactly that text of a published consultation's translation, or null. Never edited, like versions. */
export async function publicTranslatedText(messageId: string, language: string, numberParam: string): Promise<string | null> {
  const number = Number(numberParam);
  if (!isStorableText(messageId) || !isStorableText(language) || !Number.isSafeInteger(number) || number < 1) return null;
  const row = await db.translatedText.findFirst({
    where: { messageId, number, translation: { language }, message: { consultation: { publishedAt: { not: null } } } },
    select: { text: true },
  });
  return row?.text ?? null;
}
