import type { Actor } from "@/lib/auth/actor";
import { requireParticipant } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * The actor's own, still published comment: the condition for editing and
 * withdrawing (whether its consultation is still open is decided on the
 * database's clock by the transaction that writes: openAtDatabaseTime).
 * Ownership is compared on ids that are both known to exist, never by
 * filtering on a possibly missing id.
 */
export async function ownOpenComment(actor: Actor | null, commentId: string) {
  const user = requireParticipant(actor);
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    include: { message: { select: { consultationId: true } } },
  });
  if (!comment) throw new AppError("NOT_FOUND");
  if (comment.authorId !== user.userId) throw new AppError("FORBIDDEN");
  if (comment.status !== "PUBLISHED") throw new AppError("CONFLICT", { fieldErrors: { form: "errors.commentNotEditable" } });
  return { user, comment };
}
