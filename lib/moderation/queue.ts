import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { FlagReason } from "@/lib/db/generated/enums";
import { queueCount, queuePage, type QueueFilter } from "@/lib/db/moderation-queue";
import { pageSlice } from "@/lib/http/pagination";
import { searchParam } from "@/lib/http/search-params";
import { storableText } from "@/lib/text/user-text";

export const QUEUE_PAGE_SIZE = 25;
export const QUEUE_STATES = ["flagged", "pending", "appealed"] as const;

/** The queue's filters as they come from a URL: anything unknown is no filter, not an error. */
const filterSchema = z.object({
  consultation: storableText.optional().catch(undefined),
  reason: z.enum(FlagReason).optional().catch(undefined),
  state: z.enum(QUEUE_STATES).optional().catch(undefined),
});

export type QueueQuery = { consultation?: string; reason?: FlagReason; state?: (typeof QUEUE_STATES)[number]; page: number };

export function queueQuery(params: Record<string, string | string[] | undefined>, page: number): QueueQuery {
  return { ...filterSchema.parse({ consultation: searchParam(params.consultation), reason: searchParam(params.reason), state: searchParam(params.state) }), page };
}

/**
 * One page of the moderation queue with what a moderator needs to decide
 * without leaving it: the comment and what it answers, the open flags (with
 * the text each saw), the appeal, and the author's history.
 */
export async function moderationQueue(actor: Actor | null, query: QueueQuery) {
  requireSecretariat(actor);
  const consultation = query.consultation
    ? await db.consultation.findUnique({ where: { slug: query.consultation }, select: { id: true } })
    : null;
  if (query.consultation && !consultation) return { items: [], total: 0, page: 1, pageCount: 1 };
  const filter: QueueFilter = { consultationId: consultation?.id, reason: query.reason, state: query.state };

  let { rows, total } = await queuePage(filter, QUEUE_PAGE_SIZE, (query.page - 1) * QUEUE_PAGE_SIZE);
  if (rows.length === 0 && query.page > 1) total = await queueCount(filter);
  const slice = pageSlice(total, query.page, QUEUE_PAGE_SIZE);
  if (rows.length === 0 && total > 0) rows = (await queuePage(filter, QUEUE_PAGE_SIZE, slice.skip)).rows;

  const ids = rows.map((row) => row.id);
  const comments = await db.comment.findMany({
    where: { id: { in: ids } },
    include: {
      message: { select: { number: true, consultation: { select: { slug: true, title: true } } } },
      version: { select: { text: true } },
      flags: { where: { resolution: null }, orderBy: { createdAt: "asc" }, select: { id: true, reason: true, note: true, bodySnapshot: true, createdAt: true } },
      appeals: { where: { outcome: null }, select: { id: true, text: true, createdAt: true, action: { select: { moderatorId: true } } } },
    },
  });
  const authorIds = [...new Set(comments.map((comment) => comment.authorId))];
  const [history, authors] = await Promise.all([
    db.comment.groupBy({ by: ["authorId", "status"], where: { authorId: { in: authorIds } }, _count: { _all: true } }),
    db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, suspendedAt: true } }),
  ]);
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const items = rows.flatMap((row) => {
    const comment = byId.get(row.id);
    if (!comment) return [];
    const counts = history.filter((group) => group.authorId === comment.authorId);
    const count = (status?: string) => counts.filter((group) => !status || group.status === status).reduce((sum, group) => sum + group._count._all, 0);
    return [
      {
        ...row,
        comment,
        author: {
          id: comment.authorId,
          name: comment.authorName,
          suspended: Boolean(authors.find((author) => author.id === comment.authorId)?.suspendedAt),
          comments: count(),
          hidden: count("HIDDEN"),
        },
      },
    ];
  });
  return { items, total, page: slice.page, pageCount: slice.pageCount };
}
