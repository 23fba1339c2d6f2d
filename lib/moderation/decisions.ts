import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { recordAudit } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import type { CommentStatus, FlagReason, FlagResolution, ModerationActionKind } from "@/lib/db/generated/enums";
import { lockComment } from "@/lib/db/moderation";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { commentDecisionSchema, hideSchema } from "./schemas";

/**
 * A moderator's decisions on one comment. Nothing is deleted: the comment,
 * its revisions and its flags stay as evidence; each decision is a
 * ModerationAction and an audit event, written in one transaction with the
 * change, after the comment's row is locked (two moderators deciding at once
 * decide one after the other, each on the state the other left).
 */

/** Hides a comment (published, pending, or hidden automatically) with a category and a note the public sees; its open flags are upheld. */
export async function hideComment(actor: Actor | null, input: unknown, now = new Date()) {
  const moderator = requireSecretariat(actor);
  const { commentId, reason, publicNote } = parseInput(hideSchema, input);
  return decide(commentId, ["PUBLISHED", "PENDING", "HIDDEN"], async (tx) => {
    await tx.comment.update({ where: { id: commentId }, data: { status: "HIDDEN", moderatedAt: now, moderationReason: reason, moderationNote: publicNote } });
    const flags = await resolveOpenFlags(tx, commentId, "UPHELD", moderator.userId, now);
    return record(tx, { kind: "HIDE_COMMENT", commentId, moderatorId: moderator.userId, now, reason, publicNote, audit: "comment.hidden", data: { flagsUpheld: flags } });
  });
}

/**
 * Keeps a flagged comment, or approves one waiting for review (pre-moderation,
 * a held re-post, or hidden automatically after flags): it is published and
 * its open flags are dismissed.
 */
export async function approveComment(actor: Actor | null, input: unknown, now = new Date()) {
  const moderator = requireSecretariat(actor);
  const { commentId } = parseInput(commentDecisionSchema, input);
  return decide(commentId, ["PUBLISHED", "PENDING", "HIDDEN"], async (tx, status) => {
    if (status === "HIDDEN" && !(await hiddenAutomatically(tx, commentId))) {
      // A moderator hid it: bringing it back is a restoration, said as such.
      throw new AppError("CONFLICT", { fieldErrors: { form: "errors.restoreInstead" } });
    }
    await tx.comment.update({ where: { id: commentId }, data: { status: "PUBLISHED", moderatedAt: now, moderationReason: null, moderationNote: null } });
    const flags = await resolveOpenFlags(tx, commentId, "DISMISSED", moderator.userId, now);
    return record(tx, { kind: "APPROVE_COMMENT", commentId, moderatorId: moderator.userId, now, audit: "comment.approved", data: { from: status, flagsDismissed: flags } });
  });
}

/** Brings back a hidden comment; open flags are dismissed (a moderator has looked at them). */
export async function restoreComment(actor: Actor | null, input: unknown, now = new Date()) {
  const moderator = requireSecretariat(actor);
  const { commentId } = parseInput(commentDecisionSchema, input);
  return decide(commentId, ["HIDDEN"], async (tx) => {
    await tx.comment.update({ where: { id: commentId }, data: { status: "PUBLISHED", moderatedAt: now, moderationReason: null, moderationNote: null } });
    const flags = await resolveOpenFlags(tx, commentId, "DISMISSED", moderator.userId, now);
    return record(tx, { kind: "RESTORE_COMMENT", commentId, moderatorId: moderator.userId, now, audit: "comment.restored", data: { flagsDismissed: flags } });
  });
}

async function decide<T>(commentId: string, allowed: CommentStatus[], work: (tx: Tx, status: CommentStatus) => Promise<T>) {
  return db.$transaction(async (tx) => {
    if (!(await lockComment(tx, commentId))) throw new AppError("NOT_FOUND");
    const { status } = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: { status: true } });
    if (!allowed.includes(status)) throw new AppError("CONFLICT", { fieldErrors: { form: "errors.commentNotAvailable" } });
    return work(tx, status);
  });
}

async function hiddenAutomatically(tx: Tx, commentId: string) {
  const last = await tx.moderationAction.findFirst({
    where: { commentId, action: { in: ["HIDE_COMMENT", "AUTO_HIDE_COMMENT", "HOLD_COMMENT"] } },
    orderBy: { createdAt: "desc" },
    select: { action: true },
  });
  return last?.action !== "HIDE_COMMENT";
}

async function resolveOpenFlags(tx: Tx, commentId: string, resolution: FlagResolution, moderatorId: string, now: Date) {
  const { count } = await tx.flag.updateMany({ where: { commentId, resolution: null }, data: { resolution, resolvedById: moderatorId, resolvedAt: now } });
  return count;
}

type Decision = {
  kind: ModerationActionKind;
  commentId: string;
  moderatorId: string;
  now: Date;
  reason?: FlagReason;
  publicNote?: string;
  audit: string;
  data: Record<string, string | number>;
};

async function record(tx: Tx, decision: Decision) {
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
