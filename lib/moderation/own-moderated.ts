import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** How many of one's own held or hidden comments the account page lists (the newest decisions first). */
export const OWN_MODERATED_MAX = 100;

/**
 * The person's own comments the moderators hold or hid, for their account
 * page: what, where, since when and why (category and public note), and for
 * a hidden one whether it may still be appealed, or the appeal's state and outcome.
 */
export async function listOwnModeratedComments(actor: Actor | null) {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const rows = await db.comment.findMany({
    where: { authorId: actor.userId, status: { in: ["HIDDEN", "PENDING"] } },
    orderBy: [{ moderatedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
    take: OWN_MODERATED_MAX,
    select: {
      id: true, status: true, body: true, language: true, createdAt: true, moderatedAt: true, moderationReason: true, moderationNote: true,
      message: { select: { number: true, consultation: { select: { slug: true, title: true, language: true } } } },
      moderation: {
        where: { action: { in: ["HIDE_COMMENT", "AUTO_HIDE_COMMENT"] } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, appeal: { select: { createdAt: true, outcome: true, decisionNote: true, decidedAt: true } } },
      },
    },
  });
  return rows.map(({ moderation, ...comment }) => {
    const appeal = comment.status === "HIDDEN" ? (moderation[0]?.appeal ?? null) : null;
    return { ...comment, appeal, canAppeal: comment.status === "HIDDEN" && moderation.length > 0 && !appeal };
  });
}
