import type { Actor } from "@/lib/auth/actor";
import { requireParticipant } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enforceRateLimits } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import { requireOpenConsultation } from "./open-for-comment";
import { commentIdSchema } from "./schemas";

export const AGREE_LIMIT = { limit: 60, windowSeconds: 60 };

/** "I agree" with someone else's published comment (once), or undo it. */
export async function setAgreement(actor: Actor | null, input: unknown, agree: boolean, now = new Date()) {
  const user = requireParticipant(actor);
  const { commentId } = parseInput(commentIdSchema, input);
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { authorId: true, status: true, message: { select: { consultation: { select: { publishedAt: true, opensAt: true, closesAt: true, finalisedAt: true } } } } },
  });
  if (!comment) throw new AppError("NOT_FOUND");
  requireOpenConsultation(comment.message.consultation, now);
  if (comment.authorId === user.userId) throw new AppError("CONFLICT", { fieldErrors: { form: "errors.agreeOwnComment" } });
  if (comment.status !== "PUBLISHED") throw new AppError("CONFLICT", { fieldErrors: { form: "errors.commentNotAvailable" } });
  await enforceRateLimits([{ key: `agree:${user.userId}`, ...AGREE_LIMIT }], now);
  const key = { commentId_userId: { commentId, userId: user.userId } };
  await db.$transaction(async (tx) => {
    const existing = await tx.commentAgreement.findUnique({ where: key });
    if (agree === Boolean(existing)) return;
    if (agree) await tx.commentAgreement.create({ data: { commentId, userId: user.userId, createdAt: now } });
    else await tx.commentAgreement.delete({ where: key });
    await tx.auditEvent.create({
      data: { actorId: user.userId, action: agree ? "comment.agreed" : "comment.agreement_withdrawn", subjectType: "Comment", subjectId: commentId },
    });
  });
  return { agreed: agree, count: await db.commentAgreement.count({ where: { commentId } }) };
}
