import type { Actor } from "@/lib/auth/actor";
import { reanchor } from "@/lib/annotations/anchoring";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { pageSlice } from "@/lib/http/pagination";
import { hiddenAutomatically } from "@/lib/moderation/schemas";
import type { AnchorStatus, CommentStatus, FlagReason, Region, StakeholderGroup } from "@/lib/db/generated/enums";

export const THREADS_PAGE_SIZE = 50;

/** How threads are ordered: the oldest first (the default), the newest first, or the most agreed with first. */
export const THREAD_ORDERS = ["oldest", "newest", "agreed"] as const;
export type ThreadOrder = (typeof THREAD_ORDERS)[number];

export function threadOrder(value: unknown): ThreadOrder {
  return THREAD_ORDERS.find((order) => order === value) ?? "oldest";
}

const ORDER_BY = {
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  agreed: [{ agreements: { _count: "desc" } }, { createdAt: "asc" }, { id: "asc" }],
} satisfies Record<ThreadOrder, Prisma.CommentOrderByWithRelationInput[]>;

export type Anchor = { start: number; end: number; status: "CURRENT" | AnchorStatus } | { start: null; end: null; status: "ORPHANED" };

export type CommentView = {
  id: string;
  status: CommentStatus;
  /** Null unless published (or the viewer's own, waiting for approval): withdrawn and hidden comments leave a placeholder. */
  body: string | null;
  /** The language the body is written in (BCP 47), when known. */
  language: string | null;
  /** The language of the translation it was written on; null: on the original. */
  madeOn: string | null;
  /** `secretariat`: written by someone of the secretariat (or an administrator), shown with a badge. */
  author: { name: string; stakeholderGroup: StakeholderGroup; region: Region; country: string; organisation: string | null; secretariat: boolean };
  createdAt: Date;
  editedAt: Date | null;
  /** The passage annotated; null for a whole-message comment, and for a withdrawn or hidden one (only its placeholder shows). */
  quote: { exact: string; anchor: Anchor } | null;
  agreementCount: number;
  agreedByViewer: boolean;
  mine: boolean;
  /**
   * For a hidden comment, what its placeholder says: when and why the
   * moderators hid it, with their public note; `automatic` when it was hidden
   * pending review after readers' reports (no moderator has decided yet).
   */
  moderation: { at: Date | null; reason: FlagReason | null; note: string | null; automatic: boolean } | null;
  replies: CommentView[];
};

/**
 * A published annotation's passage in the current text, with its note number
 * and the page of threads it is on. Notes are numbered in text order among
 * every annotation placed on the text, withdrawn and hidden ones included,
 * so that the numbers of the others stay put when one is taken down.
 */
export type Highlight = { id: string; start: number; end: number; page: number; number: number };

const commentFields = {
  id: true, parentId: true, authorId: true, status: true, body: true, language: true, messageVersionId: true,
  authorName: true, authorStakeholderGroup: true, authorRegion: true, authorCountry: true, authorOrganisation: true,
  createdAt: true, editedAt: true, quoteExact: true, positionStart: true, positionEnd: true,
  moderatedAt: true, moderationReason: true, moderationNote: true,
  author: { select: { role: true } },
  translatedText: { select: { translation: { select: { language: true } } } },
} as const;

/**
 * Everything the message page shows below the text: one page of threads (in
 * the order asked for, replies inline, oldest first) and the highlights of
 * every annotation on the version shown (the current one unless an earlier
 * `versionNumber` is given), each pointing at the page its thread is on. An
 * earlier version carries the annotations written on it and, through their
 * anchors, those written before it: never those written on a later one.
 * Read in a translation (`translation`: its newest text of the message),
 * the highlights are the annotations written on that translation's texts;
 * the threads are the same in every language.
 */
export async function getMessageDiscussion(
  actor: Actor | null,
  messageId: string,
  versionId: string,
  {
    page = 1,
    order = "oldest",
    versionText,
    versionNumber,
    translation,
  }: { page?: number; order?: ThreadOrder; versionText?: string; versionNumber?: number; translation?: { language: string; textId: string; text: string } } = {},
) {
  // Comments waiting for approval are nobody's business but their author's (and the moderators', in their queue).
  const visible: Prisma.CommentWhereInput = actor ? { OR: [{ status: { not: "PENDING" } }, { authorId: actor.userId }] } : { status: { not: "PENDING" } };
  const threadIds = await db.comment.findMany({ where: { messageId, parentId: null, ...visible }, orderBy: ORDER_BY[order], select: { id: true } });
  const pageOf = new Map(threadIds.map((row, index) => [row.id, Math.floor(index / THREADS_PAGE_SIZE) + 1]));
  const { page: current, pageCount, skip, take } = pageSlice(threadIds.length, page, THREADS_PAGE_SIZE);
  const shown = threadIds.slice(skip, skip + take).map((row) => row.id);

  const [threads, replies, annotations] = await Promise.all([
    db.comment.findMany({ where: { id: { in: shown } }, select: commentFields }),
    db.comment.findMany({ where: { parentId: { in: shown }, ...visible }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: commentFields }),
    db.comment.findMany({
      // Held annotations take no note number until approved: a gap would tell others that something waits.
      where: {
        messageId,
        parentId: null,
        quoteExact: { not: null },
        status: { not: "PENDING" },
        ...(translation
          ? { translatedText: { translation: { language: translation.language } } }
          : { translatedTextId: null, ...(versionNumber === undefined ? {} : { version: { number: { lte: versionNumber } } }) }),
      },
      select: {
        id: true, status: true, messageVersionId: true, translatedTextId: true,
        positionStart: true, positionEnd: true, quoteExact: true, quotePrefix: true, quoteSuffix: true,
      },
    }),
  ]);
  const visibleIds = [...threads, ...replies].map((comment) => comment.id);
  const [anchors, agreementCounts, viewerAgreements] = await Promise.all([
    // Anchors are kept for the original's versions; a translation's annotations are placed as the page is read.
    translation
      ? Promise.resolve([])
      : db.commentAnchor.findMany({
          where: { messageVersionId: versionId, commentId: { in: annotations.map((a) => a.id) } },
          select: { commentId: true, status: true, start: true, end: true },
        }),
    db.commentAgreement.groupBy({ by: ["commentId"], where: { commentId: { in: visibleIds } }, _count: { _all: true } }),
    actor
      ? db.commentAgreement.findMany({ where: { userId: actor.userId, commentId: { in: visibleIds } }, select: { commentId: true } })
      : Promise.resolve([]),
  ]);

  const anchorOf = new Map<string, Anchor>();
  const reanchored = new Map(anchors.map((anchor) => [anchor.commentId, anchor]));
  const placedOn = translation ? { id: translation.textId, text: translation.text } : { id: versionId, text: versionText };
  for (const annotation of annotations) {
    if ((translation ? annotation.translatedTextId : annotation.messageVersionId) === placedOn.id) {
      anchorOf.set(annotation.id, { start: annotation.positionStart!, end: annotation.positionEnd!, status: "CURRENT" });
      continue;
    }
    // Written on an older version (or an older text of the translation), and not re-anchored: place it now.
    const anchor =
      reanchored.get(annotation.id) ??
      (placedOn.text !== undefined
        ? reanchor({ exact: annotation.quoteExact!, prefix: annotation.quotePrefix ?? "", suffix: annotation.quoteSuffix ?? "", start: annotation.positionStart ?? 0 }, placedOn.text)
        : undefined);
    anchorOf.set(
      annotation.id,
      anchor && anchor.status !== "ORPHANED" && anchor.start !== null && anchor.end !== null
        ? { start: anchor.start, end: anchor.end, status: anchor.status }
        : { start: null, end: null, status: "ORPHANED" },
    );
  }
  const countOf = new Map(agreementCounts.map((row) => [row.commentId, row._count._all]));
  const agreed = new Set(viewerAgreements.map((row) => row.commentId));

  const readable = (comment: (typeof threads)[number]) => comment.status === "PUBLISHED" || (comment.status === "PENDING" && actor?.userId === comment.authorId);
  const view = (comment: (typeof threads)[number]): CommentView => ({
    id: comment.id,
    status: comment.status,
    body: readable(comment) ? comment.body : null,
    language: comment.language,
    madeOn: comment.translatedText?.translation.language ?? null,
    author: {
      name: comment.authorName,
      stakeholderGroup: comment.authorStakeholderGroup,
      region: comment.authorRegion,
      country: comment.authorCountry,
      organisation: comment.authorOrganisation,
      secretariat: comment.author.role !== "PARTICIPANT",
    },
    createdAt: comment.createdAt,
    editedAt: comment.editedAt,
    quote:
      comment.quoteExact !== null && readable(comment)
        ? { exact: comment.quoteExact, anchor: anchorOf.get(comment.id) ?? { start: null, end: null, status: "ORPHANED" } }
        : null,
    agreementCount: countOf.get(comment.id) ?? 0,
    agreedByViewer: agreed.has(comment.id),
    mine: actor?.userId === comment.authorId,
    // A moderator's hiding always carries a public note; the automatic one never does.
    moderation:
      comment.status === "HIDDEN"
        ? { at: comment.moderatedAt, reason: comment.moderationReason, note: comment.moderationNote, automatic: hiddenAutomatically(comment) }
        : null,
    replies: replies.filter((reply) => reply.parentId === comment.id).map(view),
  });

  const placed = [...anchorOf].flatMap(([id, anchor]) => (anchor.start !== null ? [{ id, start: anchor.start, end: anchor.end }] : []));
  placed.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
  const published = new Set(annotations.filter((annotation) => annotation.status === "PUBLISHED").map((annotation) => annotation.id));
  const highlights: Highlight[] = placed.flatMap((range, index) =>
    published.has(range.id) ? [{ ...range, page: pageOf.get(range.id) ?? 1, number: index + 1 }] : [],
  );
  const position = new Map(shown.map((id, index) => [id, index]));
  threads.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return { threads: threads.map(view), highlights, page: current, pageCount, order, threadCount: threadIds.length };
}
