import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import type { Tx } from "@/lib/db/client";
import { AppError, asAppError } from "@/lib/errors";
import { PARKED_UNTIL_APPROVED } from "@/lib/db/notification-queue";
import { textFingerprint } from "@/lib/text/fingerprint";
import { parseInput } from "@/lib/validation";
import { tellAuthor } from "./notices";
import { decide, record, resolveOpenFlags } from "./record";
import { bulkDecisionSchema, commentDecisionSchema, hideSchema, hiddenAutomatically } from "./schemas";

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
  return decide(moderator.userId, commentId, ["PUBLISHED", "PENDING", "HIDDEN"], async (tx) => {
    const { body } = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: { body: true } });
    // The fingerprint is written again here, so that comments written before fingerprints existed are matched once hidden.
    await tx.comment.update({
      where: { id: commentId },
      data: { status: "HIDDEN", moderatedAt: now, moderationReason: reason, moderationNote: publicNote, bodyFingerprint: textFingerprint(body) },
    });
    const flags = await resolveOpenFlags(tx, commentId, "UPHELD", moderator.userId, now);
    await dropHeldReplies(tx, commentId, now);
    const action = await record(tx, { kind: "HIDE_COMMENT", commentId, moderatorId: moderator.userId, now, reason, publicNote, audit: "comment.hidden", data: { flagsUpheld: flags } });
    await tellAuthor(tx, { kind: "COMMENT_HIDDEN", commentId, key: action.id, now });
    return action;
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
  return decide(moderator.userId, commentId, ["PUBLISHED", "PENDING", "HIDDEN"], async (tx, status, comment) => {
    if (status === "HIDDEN" && !hiddenAutomatically(comment)) {
      // A moderator hid it: bringing it back is a restoration, said as such.
      throw new AppError("CONFLICT", { fieldErrors: { form: "errors.restoreInstead" } });
    }
    await tx.comment.update({ where: { id: commentId }, data: { status: "PUBLISHED", moderatedAt: now, moderationReason: null, moderationNote: null } });
    const flags = await resolveOpenFlags(tx, commentId, "DISMISSED", moderator.userId, now);
    if (status === "PENDING") await releaseHeldReplies(tx, commentId, now);
    return record(tx, { kind: "APPROVE_COMMENT", commentId, moderatorId: moderator.userId, now, audit: "comment.approved", data: { from: status, flagsDismissed: flags } });
  });
}

/** Brings back a hidden comment; open flags are dismissed (a moderator has looked at them). */
export async function restoreComment(actor: Actor | null, input: unknown, now = new Date()) {
  const moderator = requireSecretariat(actor);
  const { commentId } = parseInput(commentDecisionSchema, input);
  return decide(moderator.userId, commentId, ["HIDDEN"], (tx) => restoreWithin(tx, commentId, moderator.userId, now));
}

/** Publishes a hidden comment again, in a decision's transaction (a restoration, or an appeal that reversed the hiding). */
export async function restoreWithin(tx: Tx, commentId: string, moderatorId: string, now: Date, data: Record<string, string> = {}) {
  await tx.comment.update({ where: { id: commentId }, data: { status: "PUBLISHED", moderatedAt: now, moderationReason: null, moderationNote: null } });
  const flags = await resolveOpenFlags(tx, commentId, "DISMISSED", moderatorId, now);
  return record(tx, { kind: "RESTORE_COMMENT", commentId, moderatorId, now, audit: "comment.restored", data: { flagsDismissed: flags, ...data } });
}

/**
 * The same decision on many comments: each is decided on its own (in its own
 * transaction, with its own action and audit event), so one that another
 * moderator decided meanwhile is reported, not a reason to undo the rest.
 */
export async function decideMany(actor: Actor | null, input: unknown, now = new Date()) {
  requireSecretariat(actor);
  const bulk = parseInput(bulkDecisionSchema, input);
  const refused: { commentId: string; code: string }[] = [];
  let decided = 0;
  for (const commentId of new Set(bulk.commentIds)) {
    try {
      if (bulk.decision === "hide") await hideComment(actor, { commentId, reason: bulk.reason, publicNote: bulk.publicNote }, now);
      else await approveComment(actor, { commentId }, now);
      decided++;
    } catch (error) {
      const known = asAppError(error);
      if (!known) throw error;
      refused.push({ commentId, code: known.code });
    }
  }
  return { decided, refused };
}

/** A held comment is approved: the reply notifications queued (parked) when it was written become due. */
async function releaseHeldReplies(tx: Tx, commentId: string, now: Date) {
  await tx.notification.updateMany({ where: { commentId, kind: "REPLY", runAfter: PARKED_UNTIL_APPROVED, sentAt: null, failedAt: null }, data: { runAfter: now } });
}

/** A held comment is hidden instead: its parked reply notifications are given up (kept, marked, never sent). */
export async function dropHeldReplies(tx: Tx, commentId: string, now: Date) {
  await tx.notification.updateMany({
    where: { commentId, kind: "REPLY", runAfter: PARKED_UNTIL_APPROVED, sentAt: null, failedAt: null },
    data: { failedAt: now, lastError: "not approved: the comment was hidden" },
  });
}
