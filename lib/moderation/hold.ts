import { recordAudit } from "@/lib/db/audit";
import type { Tx } from "@/lib/db/client";
import type { FlagReason } from "@/lib/db/generated/enums";
import { tellAuthor } from "./notices";

/**
 * Holds a comment for review outside the insert statement (an edit that turns
 * it into the text of a comment hidden for hate or extremism): PENDING, a
 * HOLD_COMMENT action by nobody with the category matched, its audit event,
 * and the author told, in the caller's transaction.
 */
export async function holdWithin(tx: Tx, commentId: string, reason: FlagReason, now: Date) {
  await tx.comment.update({ where: { id: commentId }, data: { status: "PENDING", moderatedAt: now, moderationReason: reason, moderationNote: null } });
  const action = await tx.moderationAction.create({ data: { action: "HOLD_COMMENT", commentId, moderatorId: null, reasonCategory: reason, createdAt: now } });
  await recordAudit(tx, { actorId: null, action: "comment.held", subjectType: "Comment", subjectId: commentId, data: { moderationActionId: action.id, cause: "repost", reason } });
  await tellAuthor(tx, { kind: "COMMENT_HELD", commentId, key: action.id, now });
  return action;
}
