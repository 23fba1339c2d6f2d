import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { pageSlice } from "@/lib/http/pagination";

/** How many of one's own comments the account page shows at a time. */
export const OWN_COMMENTS_PAGE_SIZE = 20;

/**
 * Every comment and reply the person wrote, in every consultation, newest
 * first, a page at a time: where it is, its state, and once the consultation's
 * outcome is published, how it was handled (the current disposition of a
 * public top-level comment, as the outcome shows it; before publication a
 * disposition is the secretariat's draft and is not shown).
 */
export async function listOwnComments(actor: Actor | null, requestedPage = 1) {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const where = { authorId: actor.userId };
  const total = await db.comment.count({ where });
  const { page, pageCount, skip, take } = pageSlice(total, requestedPage, OWN_COMMENTS_PAGE_SIZE);
  const rows = await db.comment.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take,
    select: {
      id: true,
      parentId: true,
      status: true,
      body: true, language: true,
      quoteExact: true,
      createdAt: true,
      message: {
        select: {
          number: true,
          consultation: { select: { slug: true, title: true, language: true, referenceTimeZone: true, finalisedAt: true } },
        },
      },
      dispositions: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { outcome: true, rationale: true, createdAt: true } },
    },
  });
  const comments = rows.map(({ dispositions, ...comment }) => {
    const outcomePublished = comment.message.consultation.finalisedAt !== null;
    // The outcome answers public top-level comments only; the same rule decides what is shown here.
    const inOutcome = outcomePublished && comment.parentId === null && comment.status === "PUBLISHED";
    const current = inOutcome ? dispositions[0] : undefined;
    return {
      ...comment,
      outcomePublished,
      inOutcome,
      disposition: current ? { outcome: current.outcome, rationale: current.rationale, decidedAt: current.createdAt } : null,
    };
  });
  return { comments, page, pageCount, total };
}

export type OwnComment = Awaited<ReturnType<typeof listOwnComments>>["comments"][number];
