import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { REPOST_HELD_REASONS } from "@/lib/db/insert-comment";
import { AppError } from "@/lib/errors";
import { holdWithin } from "@/lib/moderation/hold";
import { textFingerprint } from "@/lib/text/fingerprint";
import { enforceRateLimits } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import { openAtDatabaseTime } from "./open-for-comment";
import { ownOpenComment } from "./own-comment";
import { commentIdSchema, editCommentSchema } from "./schemas";
import { WRITTEN_ON } from "./written-on";

export const EDIT_LIMIT = { limit: 30, windowSeconds: 60 };

/** A new body; the earlier one is kept as a revision and the comment shows "edited". */
export async function editComment(actor: Actor | null, input: unknown, now = new Date()) {
  const { commentId, body } = parseInput(editCommentSchema, input);
  const { user, comment } = await ownOpenComment(actor, commentId);
  if (comment.body === body) return db.comment.findUniqueOrThrow({ where: { id: commentId }, include: WRITTEN_ON });
  await enforceRateLimits([{ key: `comment-edit:${user.userId}`, ...EDIT_LIMIT }], now);
  const bodyFingerprint = textFingerprint(body);
  return db.$transaction(async (tx) => {
    const at = await openAtDatabaseTime(tx, comment.message.consultationId);
    // Only if nothing changed since it was read: a parallel edit or a moderator's hiding wins.
    const changed = await tx.comment.updateMany({
      where: { id: commentId, status: "PUBLISHED", body: comment.body },
      data: { body, bodyFingerprint, editedAt: at },
    });
    if (changed.count === 0) throw new AppError("CONFLICT", { fieldErrors: { form: "errors.commentChangedMeanwhile" } });
    await tx.commentRevision.create({ data: { commentId, body: comment.body, createdAt: comment.editedAt ?? comment.createdAt } });
    await recordAudit(tx, { actorId: user.userId, action: "comment.edited", subjectType: "Comment", subjectId: commentId });
    // Edited into the text of a comment hidden for hate or extremism: held for review, like such a re-post.
    const match = await tx.comment.findFirst({
      where: { bodyFingerprint, status: "HIDDEN", moderationReason: { in: [...REPOST_HELD_REASONS] }, id: { not: commentId } },
      select: { moderationReason: true },
    });
    if (match) await holdWithin(tx, commentId, match.moderationReason!, at);
    return tx.comment.findUniqueOrThrow({ where: { id: commentId }, include: WRITTEN_ON });
  });
}

/** The author takes a comment back: the thread keeps a placeholder, the text stays in the record. */
export async function withdrawComment(actor: Actor | null, input: unknown) {
  const { commentId } = parseInput(commentIdSchema, input);
  const { user, comment } = await ownOpenComment(actor, commentId);
  return db.$transaction(async (tx) => {
    const at = await openAtDatabaseTime(tx, comment.message.consultationId);
    const changed = await tx.comment.updateMany({ where: { id: commentId, status: "PUBLISHED" }, data: { status: "WITHDRAWN", withdrawnAt: at } });
    if (changed.count === 0) throw new AppError("CONFLICT", { fieldErrors: { form: "errors.commentNotEditable" } });
    await recordAudit(tx, { actorId: user.userId, action: "comment.withdrawn", subjectType: "Comment", subjectId: commentId });
    return tx.comment.findUniqueOrThrow({ where: { id: commentId }, include: WRITTEN_ON });
  });
}
