import { recordAudit } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import type { CommentStatus, FlagReason, FlagResolution, ModerationActionKind } from "@/lib/db/generated/enums";
import { lockComment } from "@/lib/db/moderation";
import { AppError } from "@/lib/errors";

/**
 * Runs a moderator's decision on one comment in a transaction, with its row
 * locked, when its status is one of `allowed`. Nobody decides on their own
 * comment: another moderator does.
 */
export async function decide<T>(
  moderatorId: string,
  commentId: string,
  allowed: CommentStatus[],
  work: (tx: Tx, status: CommentStatus, comment: { status: CommentStatus; moderationNote: string | null }) => Promise<T>,
) {
  return db.$transaction(async (tx) => {
    if (!(await lockComment(tx, commentId))) throw new AppError("NOT_FOUND");
    const comment = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: { status: true, authorId: true, moderationNote: true } });
    const { status, authorId } = comment;
    if (authorId === moderatorId) throw new AppError("FORBIDDEN", { messageKey: "errors.moderateOwnComment", fieldErrors: { form: "errors.moderateOwnComment" } });
    if (!allowed.includes(status)) throw new AppError("CONFLICT", { fieldErrors: { form: "errors.commentNotAvailable" } });
    return work(tx, status, comment);
  });
}

export async function resolveOpenFlags(tx: Tx, commentId: string, resolution: FlagResolution, moderatorId: string, now: Date) {
  const { count } = await tx.flag.updateMany({ where: { commentId, resolution: null }, data: { resolution, resolvedById: moderatorId, resolvedAt: now } });
  return count;
}

export type Decision = {
  kind: ModerationActionKind;
  commentId: string;
  moderatorId: string;
  now: Date;
  reason?: FlagReason;
  publicNote?: string;
  audit: string;
  data: Record<string, string | number>;
};

/** The decision as a ModerationAction and its audit event, in the transaction of the change. */
export async function record(tx: Tx, decision: Decision) {
  const action = await tx.moderationAction.create({
    data: {
      action: decision.kind,
      commentId: decision.commentId,
      moderatorId: decision.moderatorId,
      reasonCategory: decision.reason ?? null,
      publicReason: decision.publicNote ?? null,
      createdAt: decision.now,
    },
  });
  await recordAudit(tx, {
    actorId: decision.moderatorId,
    action: decision.audit,
    subjectType: "Comment",
    subjectId: decision.commentId,
    data: { moderationActionId: action.id, ...(decision.reason ? { reason: decision.reason } : {}), ...decision.data },
  });
  return action;
}
