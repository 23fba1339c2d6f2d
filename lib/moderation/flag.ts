import type { Actor } from "@/lib/auth/actor";
import { requireParticipant } from "@/lib/auth/guards";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import type { FlagReason } from "@/lib/db/generated/enums";
import { lockComment } from "@/lib/db/moderation";
import { AppError } from "@/lib/errors";
import { enforceRateLimits, limitFromEnvironment, type RateLimit } from "@/lib/rate-limit";
import { textFingerprint } from "@/lib/text/fingerprint";
import { parseInput } from "@/lib/validation";
import { tellAuthor } from "./notices";
import { AUTO_HIDE_FLAGS, FLAG_REASONS, flagSchema } from "./schemas";

/** Flags are limited like comments: per person, and per network address when it is known. */
export const FLAG_LIMITS = {
  perMinute: { limit: limitFromEnvironment("FLAG_LIMIT_PER_MINUTE", 10), windowSeconds: 60 },
  perDay: { limit: limitFromEnvironment("FLAG_LIMIT_PER_DAY", 100), windowSeconds: 24 * 60 * 60 },
  perAddressPerHour: { limit: limitFromEnvironment("FLAG_LIMIT_PER_ADDRESS_PER_HOUR", 200), windowSeconds: 60 * 60 },
};

export type FlagOutcome = { hidden: boolean; openFlags: number };

/**
 * Reports a published comment to the moderators, once per person, with a
 * category of the code of participation. The text as it stands is kept with
 * the flag. When enough different people's flags are open, the comment is
 * hidden pending review, exactly once even when the flags arrive together.
 */
export async function flagComment(actor: Actor | null, input: unknown, context: { address?: string | null; now?: Date } = {}): Promise<FlagOutcome> {
  const user = requireParticipant(actor);
  const { commentId, reason, note } = parseInput(flagSchema, input);
  const now = context.now ?? new Date();
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { authorId: true, status: true } });
  if (!comment) throw new AppError("NOT_FOUND");
  if (comment.authorId === user.userId) throw new AppError("CONFLICT", { fieldErrors: { form: "errors.flagOwnComment" } });
  if (comment.status !== "PUBLISHED") throw new AppError("CONFLICT", { fieldErrors: { form: "errors.commentNotAvailable" } });
  const limits: RateLimit[] = [
    { key: `flag:minute:${user.userId}`, ...FLAG_LIMITS.perMinute },
    { key: `flag:day:${user.userId}`, ...FLAG_LIMITS.perDay },
    ...(context.address ? [{ key: `flag:address:${context.address}`, ...FLAG_LIMITS.perAddressPerHour }] : []),
  ];
  await enforceRateLimits(limits, now);

  return db.$transaction(async (tx) => {
    await lockComment(tx, commentId);
    const current = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: { status: true, body: true } });
    if (current.status !== "PUBLISHED") throw new AppError("CONFLICT", { fieldErrors: { form: "errors.commentNotAvailable" } });
    const created = await tx.flag.createMany({
      data: [{ commentId, reporterId: user.userId, reason, note: note || null, bodySnapshot: current.body, createdAt: now }],
      skipDuplicates: true,
    });
    if (created.count === 0) throw new AppError("CONFLICT", { fieldErrors: { form: "errors.alreadyFlagged" } });
    await recordAudit(tx, { actorId: user.userId, action: "comment.flagged", subjectType: "Comment", subjectId: commentId, data: { reason } });

    const open = await tx.flag.groupBy({ by: ["reason"], where: { commentId, resolution: null }, _count: { _all: true } });
    const openFlags = open.reduce((sum, group) => sum + group._count._all, 0);
    if (openFlags < AUTO_HIDE_FLAGS) return { hidden: false, openFlags };

    const category = mostReported(open.map((group) => ({ reason: group.reason, count: group._count._all })));
    await tx.comment.update({
      where: { id: commentId },
      data: { status: "HIDDEN", moderatedAt: now, moderationReason: category, moderationNote: null, bodyFingerprint: textFingerprint(current.body) },
    });
    const action = await tx.moderationAction.create({
      data: { action: "AUTO_HIDE_COMMENT", commentId, moderatorId: null, reasonCategory: category, createdAt: now },
    });
    await recordAudit(tx, {
      actorId: null,
      action: "comment.auto_hidden",
      subjectType: "Comment",
      subjectId: commentId,
      data: { moderationActionId: action.id, openFlags, threshold: AUTO_HIDE_FLAGS, reason: category },
    });
    await tellAuthor(tx, { kind: "COMMENT_HIDDEN", commentId, key: action.id, now });
    return { hidden: true, openFlags };
  });
}

/** The category most flags gave (ties: the code of participation's order). */
function mostReported(groups: { reason: FlagReason; count: number }[]): FlagReason {
  const ordered = [...groups].sort((a, b) => FLAG_REASONS.indexOf(a.reason) - FLAG_REASONS.indexOf(b.reason));
  return ordered.reduce((best, group) => (group.count > best.count ? group : best)).reason;
}
