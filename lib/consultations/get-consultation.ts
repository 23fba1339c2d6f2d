import type { Actor } from "@/lib/auth/actor";
import { isSecretariat } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { findMessagePlace } from "@/lib/db/message-sequence";
import { publicVersions } from "./public-history";
import { isStorableText } from "@/lib/text/user-text";
import { consultationState } from "./state";
import { countTree, readTree } from "./read-tree";

const consultationFields = {
  id: true,
  slug: true,
  title: true,
  introduction: true,
  language: true,
  opensAt: true,
  closesAt: true,
  referenceTimeZone: true,
  publishedAt: true,
  firstPublishedAt: true,
  finalisedAt: true,
  updatedAt: true,
} as const;

/**
 * A consultation as its reader sees it, or null when there is none to show:
 * unpublished drafts exist only for the secretariat. A slug PostgreSQL could
 * not even compare (a NUL from the address) names nothing.
 */
export async function getConsultation(actor: Actor | null, slug: string, now = new Date()) {
  if (!isStorableText(slug)) return null;
  const consultation = await db.consultation.findUnique({ where: { slug }, select: consultationFields });
  if (!consultation) return null;
  if (!consultation.publishedAt && !isSecretariat(actor)) return null;
  const sections = await readTree(consultation.id, { finalTexts: consultation.finalisedAt !== null });
  return {
    ...consultation,
    state: consultationState(consultation, now),
    sections,
    counts: countTree(sections),
  };
}

export type ConsultationView = NonNullable<Awaited<ReturnType<typeof getConsultation>>>;

/**
 * One message with its public versions (from the first publication on),
 * oldest first, and its place among the document's messages (for previous /
 * next), for the message page.
 */
export async function getMessage(actor: Actor | null, slug: string, number: string, now = new Date()) {
  if (!isStorableText(slug) || !isStorableText(number)) return null;
  const consultation = await db.consultation.findUnique({ where: { slug }, select: consultationFields });
  if (!consultation || (!consultation.publishedAt && !isSecretariat(actor))) return null;
  const [message, place] = await Promise.all([
    db.message.findUnique({
      where: { consultationId_number: { consultationId: consultation.id, number } },
      select: {
        id: true,
        number: true,
        section: { select: { id: true, number: true, heading: true } },
        versions: {
          orderBy: { number: "asc" },
          select: { id: true, number: true, kind: true, text: true, createdAt: true },
        },
        _count: { select: { comments: { where: { status: "PUBLISHED" } } } },
      },
    }),
    findMessagePlace(consultation.id, number),
  ]);
  if (!message || !place) return null;
  return {
    consultation: { ...consultation, state: consultationState(consultation, now) },
    message: { ...message, versions: publicVersions(message.versions, consultation) },
    place,
  };
}
