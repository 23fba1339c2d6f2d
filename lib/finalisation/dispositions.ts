import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { correctionFor, lockFinalisable } from "./finalisable";
import { dispositionSchema } from "./schemas";

/** Only these are answered: a public top-level comment. Replies, hidden, withdrawn and held ones are not. */
export const ANSWERABLE = { parentId: null, status: "PUBLISHED" } as const;

/**
 * One disposition (outcome and rationale) for one or many comments of a
 * consultation, in one transaction: all of them or none. Each gets a new
 * Disposition row (the latest is current; earlier ones stay) and an audit
 * event. After publication this is a correction, with its public note.
 */
export async function disposeComments(actor: Actor | null, input: unknown, now = new Date()) {
  const secretariat = requireSecretariat(actor);
  const { consultationId, commentIds, outcome, rationale, correctionNote } = parseInput(dispositionSchema, input);
  const ids = [...new Set(commentIds)];
  return db.$transaction(async (tx) => {
    const consultation = await lockFinalisable(tx, consultationId, now);
    const comments = await tx.comment.findMany({ where: { id: { in: ids }, message: { consultationId } }, select: { id: true, parentId: true, status: true, messageId: true } });
    if (comments.length !== ids.length) throw new AppError("NOT_FOUND", { fieldErrors: { commentIds: "finalise.errors.commentsElsewhere" } });
    if (comments.some((comment) => comment.parentId !== null || comment.status !== "PUBLISHED")) {
      throw new AppError("CONFLICT", { fieldErrors: { commentIds: "finalise.errors.notAnswerable" } });
    }
    const messageIds = new Set(comments.map((comment) => comment.messageId));
    const correctionId = await correctionFor(tx, {
      consultation, actorId: secretariat.userId, correctionNote, now, what: "dispositions",
      messageId: messageIds.size === 1 ? [...messageIds][0]! : null,
    });
    await tx.disposition.createMany({
      data: ids.map((commentId) => ({ commentId, outcome, rationale, byId: secretariat.userId, correctionId, createdAt: now })),
    });
    await tx.auditEvent.createMany({
      data: ids.map((commentId) => ({
        actorId: secretariat.userId, action: "comment.disposed", subjectType: "Comment", subjectId: commentId,
        data: { outcome, rationale, correctionId, bulk: ids.length }, createdAt: now,
      })),
    });
    return { disposed: ids.length, correctionId };
  });
}
