import type { Actor } from "@/lib/auth/actor";
import { requireParticipant } from "@/lib/auth/guards";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enforceRateLimits } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import { openAtDatabaseTime } from "./open-for-comment";
import { commentIdSchema } from "./schemas";

export const AGREE_LIMIT = { limit: 60, windowSeconds: 60 };

/** "I agree" with someone else's published comment (once), or undo it. */
export async function setAgreement(actor: Actor | null, input: unknown, agree: boolean, now = new Date()) {
  const user = requireParticipant(actor);
  const { commentId } = parseInput(commentIdSchema, input);
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { authorId: true, status: true, message: { select: { consultationId: true } } },
  });
  if (!comment) throw new AppError("NOT_FOUND");
  if (comment.authorId === user.userId) throw new AppError("CONFLICT", { fieldErrors: { form: "errors.agreeOwnComment" } });
  if (comment.status !== "PUBLISHED") throw new AppError("CONFLICT", { fieldErrors: { form: "errors.commentNotAvailable" } });
  await enforceRateLimits([{ key: `agree:${user.userId}`, ...AGREE_LIMIT }], now);
  await db.$transaction(async (tx) => {
    // Open on the database's clock, and the agreement dated by it.
    const at = await openAtDatabaseTime(tx, comment.message.consultationId);
    // Idempotent also when two requests arrive at once: only a real change is audited.
    const changed = agree
      ? await tx.commentAgreement.createMany({ data: [{ commentId, userId: user.userId, createdAt: at }], skipDuplicates: true })
      : await tx.commentAgreement.deleteMany({ where: { commentId, userId: user.userId } });
    if (changed.count === 0) return;
    await recordAudit(tx, { actorId: user.userId, action: agree ? "comment.agreed" : "comment.agreement_withdrawn", subjectType: "Comment", subjectId: commentId });
  });
  return { agreed: agree, count: await db.commentAgreement.count({ where: { commentId } }) };
}
