import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { reanchor } from "@/lib/annotations/anchoring";
import { consultationState } from "@/lib/consultations/state";
import { db } from "@/lib/db/client";
import { findMessagePlace } from "@/lib/db/message-sequence";
import { isStorableText } from "@/lib/text/user-text";
import { ANSWERABLE } from "./dispositions";
import { duplicateGroupsIn } from "./duplicate-groups";
import { byNumber } from "./message-order";

/** A passage commented on, placed in the last draft's text (UTF-16 offsets, end exclusive). */
export type PassageRange = { id: string; start: number; end: number; number: number };

/**
 * The workspace for one message: its last draft with the annotated passages,
 * every answerable comment with its current disposition, the duplicate groups
 * among them, its final text and fate, the messages it can be merged into,
 * and its neighbours. Null when there is no such message.
 */
export async function messageWorkspace(actor: Actor | null, slug: string, number: string, now = new Date()) {
  requireSecretariat(actor);
  if (!isStorableText(slug) || !isStorableText(number)) return null;
  const consultation = await db.consultation.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, language: true, publishedAt: true, opensAt: true, closesAt: true, finalisedAt: true, referenceTimeZone: true },
  });
  if (!consultation) return null;
  const message = await db.message.findUnique({
    where: { consultationId_number: { consultationId: consultation.id, number } },
    select: {
      id: true, number: true, fate: true, mergedIntoId: true, fateNote: true,
      section: { select: { number: true, heading: true } },
      versions: { orderBy: { number: "desc" }, select: { id: true, number: true, kind: true, text: true, createdAt: true } },
    },
  });
  if (!message) return null;
  const draft = message.versions.find((version) => version.kind === "DRAFT") ?? null;
  const final = message.versions.find((version) => version.kind === "FINAL") ?? null;
  const [comments, duplicates, others, place] = await Promise.all([
    db.comment.findMany({
      where: { ...ANSWERABLE, messageId: message.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true, body: true, language: true, createdAt: true, authorName: true, authorStakeholderGroup: true, authorRegion: true, authorCountry: true, authorOrganisation: true,
        messageVersionId: true, translatedTextId: true, quoteExact: true, quotePrefix: true, quoteSuffix: true, positionStart: true, positionEnd: true,
        anchors: draft ? { where: { messageVersionId: draft.id }, select: { status: true, start: true, end: true } } : false,
        dispositions: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { outcome: true, rationale: true, createdAt: true, correctionId: true } },
        _count: { select: { replies: { where: { status: "PUBLISHED" } } } },
      },
    }),
    duplicateGroupsIn({ messageId: message.id }),
    db.message.findMany({ where: { consultationId: consultation.id }, orderBy: [{ number: "asc" }], select: { id: true, number: true, fate: true } }),
    findMessagePlace(consultation.id, message.number),
  ]);
  const passages = draft ? placePassages(comments, draft) : [];
  const numberOf = new Map(passages.map((passage) => [passage.id, passage.number]));
  return {
    consultation,
    state: consultationState(consultation, now),
    message: { id: message.id, number: message.number, fate: message.fate, mergedIntoId: message.mergedIntoId, fateNote: message.fateNote, section: message.section },
    draft: draft ? { number: draft.number, text: draft.text } : null,
    final: final ? { number: final.number, text: final.text, createdAt: final.createdAt } : null,
    passages,
    comments: comments.map((comment) => ({
      id: comment.id, body: comment.body, language: comment.language, createdAt: comment.createdAt,
      author: { name: comment.authorName, stakeholderGroup: comment.authorStakeholderGroup, region: comment.authorRegion, country: comment.authorCountry, organisation: comment.authorOrganisation },
      quote: comment.quoteExact, passageNumber: numberOf.get(comment.id) ?? null, replies: comment._count.replies,
      disposition: comment.dispositions[0] ?? null,
    })),
    duplicates,
    mergeTargets: others.sort(byNumber).filter((other) => other.id !== message.id && other.fate === "KEPT").map((other) => ({ id: other.id, number: other.number })),
    previous: place?.previous ?? null,
    next: place?.next ?? null,
    position: { index: place?.position ?? 0, count: place?.total ?? others.length },
  };
}

type Annotated = {
  id: string; messageVersionId: string; translatedTextId: string | null; quoteExact: string | null; quotePrefix: string | null; quoteSuffix: string | null;
  positionStart: number | null; positionEnd: number | null; anchors?: { status: string; start: number | null; end: number | null }[];
};

/**
 * Where each annotation sits in the last draft: its own positions, its
 * re-anchoring, or found again now. Numbered in text order. An annotation of
 * a translation quotes another text: its quote is shown with the comment only.
 */
function placePassages(comments: Annotated[], draft: { id: string; text: string }): PassageRange[] {
  const placed = comments.flatMap((comment): { id: string; start: number; end: number }[] => {
    if (comment.quoteExact === null || comment.translatedTextId !== null) return [];
    if (comment.messageVersionId === draft.id && comment.positionStart !== null && comment.positionEnd !== null) {
      return [{ id: comment.id, start: comment.positionStart, end: comment.positionEnd }];
    }
    const anchor =
      comment.anchors?.[0] ??
      reanchor({ exact: comment.quoteExact, prefix: comment.quotePrefix ?? "", suffix: comment.quoteSuffix ?? "", start: comment.positionStart ?? 0 }, draft.text);
    const { start, end } = anchor;
    return anchor.status !== "ORPHANED" && typeof start === "number" && typeof end === "number" ? [{ id: comment.id, start, end }] : [];
  });
  placed.sort((a, b) => a.start - b.start || a.end - b.end);
  return placed.map((range, index) => ({ ...range, number: index + 1 }));
}
