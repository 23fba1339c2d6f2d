import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { enforceRateLimits } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import { ownOpenComment } from "./own-comment";
import { commentIdSchema, editCommentSchema } from "./schemas";

export const EDIT_LIMIT = { limit: 30, windowSeconds: 60 };

/** A new body; the earlier one is kept as a revision and the comment shows "edited". */
export async function editComment(actor: Actor | null, input: unknown, now = new Date()) {
  const { commentId, body } = parseInput(editCommentSchema, input);
  const { user, comment } = await ownOpenComment(actor, commentId, now);
  if (comment.body === body) return comment;
  await enforceRateLimits([{ key: `comment-edit:${user.userId}`, ...EDIT_LIMIT }], now);
  const [, updated] = await db.$transaction([
    db.commentRevision.create({ data: { commentId, body: comment.body, createdAt: comment.editedAt ?? comment.createdAt } }),
    db.comment.update({ where: { id: commentId }, data: { body, editedAt: now } }),
    db.auditEvent.create({ data: { actorId: user.userId, action: "comment.edited", subjectType: "Comment", subjectId: commentId } }),
  ]);
  return updated;
}

/** The author takes a comment back: the thread keeps a placeholder, the text stays in the record. */
export async function withdrawComment(actor: Actor | null, input: unknown, now = new Date()) {
  const { commentId } = parseInput(commentIdSchema, input);
  const { user } = await ownOpenComment(actor, commentId, now);
  const [updated] = await db.$transaction([
    db.comment.update({ where: { id: commentId }, data: { status: "WITHDRAWN", withdrawnAt: now } }),
    db.auditEvent.create({ data: { actorId: user.userId, action: "comment.withdrawn", subjectType: "Comment", subjectId: commentId } }),
  ]);
  return updated;
}
