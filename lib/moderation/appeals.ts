import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat, SECRETARIAT_ROLES } from "@/lib/auth/guards";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { lockComment } from "@/lib/db/moderation";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { restoreWithin } from "./decisions";
import { tellAuthor } from "./notices";
import { appealDecisionSchema, appealSchema } from "./schemas";

const HIDINGS = ["HIDE_COMMENT", "AUTO_HIDE_COMMENT"] as const;

/**
 * The author of a hidden comment asks, once, for the hiding to be looked at
 * again, with a short text. The appeal goes to the moderation queue.
 */
export async function appealHiding(actor: Actor | null, input: unknown, now = new Date()) {
  // A suspended author may still appeal: the hiding may be why they were suspended.
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const { commentId, text } = parseInput(appealSchema, input);
  return db.$transaction(async (tx) => {
    if (!(await lockComment(tx, commentId))) throw new AppError("NOT_FOUND");
    const comment = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: { authorId: true, status: true } });
    if (comment.authorId !== actor.userId) throw new AppError("FORBIDDEN");
    if (comment.status !== "HIDDEN") throw new AppError("CONFLICT", { fieldErrors: { form: "errors.nothingToAppeal" } });
    const hiding = await tx.moderationAction.findFirstOrThrow({
      where: { commentId, action: { in: [...HIDINGS] } },
      orderBy: { createdAt: "desc" },
      select: { id: true, appeal: { select: { id: true } } },
    });
    if (hiding.appeal) throw new AppError("CONFLICT", { fieldErrors: { form: "errors.alreadyAppealed" } });
    const appeal = await tx.appeal.create({ data: { commentId, moderationActionId: hiding.id, authorId: actor.userId, text, createdAt: now } });
    await recordAudit(tx, { actorId: actor.userId, action: "comment.appealed", subjectType: "Comment", subjectId: commentId, data: { appealId: appeal.id } });
    return appeal;
  });
}

/**
 * A moderator decides an appeal: the hiding is upheld, or reversed (the
 * comment is published again), with a note the author is told. Nobody
 * decides an appeal against their own action while another moderator exists.
 */
export async function decideAppeal(actor: Actor | null, input: unknown, now = new Date()) {
  const moderator = requireSecretariat(actor);
  const { appealId, outcome, note } = parseInput(appealDecisionSchema, input);
  const appeal = await db.appeal.findUnique({ where: { id: appealId }, select: { commentId: true, authorId: true, outcome: true, action: { select: { moderatorId: true } } } });
  if (!appeal) throw new AppError("NOT_FOUND");
  if (appeal.authorId === moderator.userId) throw new AppError("FORBIDDEN", { messageKey: "errors.moderateOwnComment", fieldErrors: { form: "errors.moderateOwnComment" } });
  if (appeal.action.moderatorId === moderator.userId && (await otherModeratorExists(moderator.userId))) {
    throw new AppError("FORBIDDEN", { messageKey: "errors.appealAgainstOwnAction", fieldErrors: { form: "errors.appealAgainstOwnAction" } });
  }
  return db.$transaction(async (tx) => {
    await lockComment(tx, appeal.commentId);
    // Decided once: a second moderator deciding at the same time finds it decided.
    const decided = await tx.appeal.updateMany({
      where: { id: appealId, outcome: null },
      data: { outcome, decisionNote: note, decidedById: moderator.userId, decidedAt: now },
    });
    if (decided.count === 0) throw new AppError("CONFLICT", { fieldErrors: { form: "errors.appealAlreadyDecided" } });
    const { status } = await tx.comment.findUniqueOrThrow({ where: { id: appeal.commentId }, select: { status: true } });
    if (outcome === "REVERSED" && status === "HIDDEN") await restoreWithin(tx, appeal.commentId, moderator.userId, now, { appealId });
    await recordAudit(tx, {
      actorId: moderator.userId,
      action: outcome === "REVERSED" ? "appeal.reversed" : "appeal.upheld",
      subjectType: "Comment",
      subjectId: appeal.commentId,
      data: { appealId, note },
    });
    await tellAuthor(tx, { kind: "APPEAL_DECIDED", commentId: appeal.commentId, key: appealId, now });
    return { outcome };
  });
}

async function otherModeratorExists(userId: string) {
  const other = await db.user.findFirst({ where: { id: { not: userId }, role: { in: [...SECRETARIAT_ROLES] }, suspendedAt: null }, select: { id: true } });
  return other !== null;
}
