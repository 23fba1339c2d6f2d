import type { Actor } from "@/lib/auth/actor";
import { requireParticipant } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { requireOpenConsultation } from "./open-for-comment";

/**
 * The actor's own, still published comment on an open consultation: the
 * condition for editing and withdrawing. Ownership is compared on ids that are
 * both known to exist, never by filtering on a possibly missing id.
 */
export async function ownOpenComment(actor: Actor | null, commentId: string, now: Date) {
  const user = requireParticipant(actor);
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    include: { message: { select: { consultation: { select: { publishedAt: true, opensAt: true, closesAt: true, finalisedAt: true, referenceTimeZone: true } } } } },
  });
  if (!comment) throw new AppError("NOT_FOUND");
  if (comment.authorId !== user.userId) throw new AppError("FORBIDDEN");
  requireOpenConsultation(comment.message.consultation, now);
  if (comment.status !== "PUBLISHED") throw new AppError("CONFLICT", { fieldErrors: { form: "errors.commentNotEditable" } });
  return { user, comment };
}
