import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { recordAudit } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { correctionFor, lockFinalisable } from "./finalisable";
import { finaliseAsDrafted, messageForFinalising } from "./final-text";
import { fateSchema } from "./schemas";

const refuse = (field: string, key: string) => new AppError("CONFLICT", { fieldErrors: { [field]: key } });

/**
 * Whether a message is kept, dropped or merged into another one, with the
 * public note that explains it. A merge goes into a kept message of the same
 * consultation, never a chain: a message others are merged into stays kept.
 */
export async function setMessageFate(actor: Actor | null, input: unknown, now = new Date()) {
  const secretariat = requireSecretariat(actor);
  const { messageId, fate, mergedIntoId, fateNote, correctionNote } = parseInput(fateSchema, input);
  return db.$transaction(async (tx) => {
    const { consultationId } = await messageForFinalising(tx, messageId);
    const consultation = await lockFinalisable(tx, consultationId, now);
    const message = await messageForFinalising(tx, messageId);
    if (message.fate === fate && message.mergedIntoId === mergedIntoId && message.fateNote === fateNote) return { message, changed: false };
    if (fate !== "KEPT" && (await tx.message.count({ where: { mergedIntoId: messageId } })) > 0) {
      throw refuse("fate", "finalise.errors.othersMergedHere");
    }
    if (mergedIntoId) await checkMergeTarget(tx, consultationId, messageId, mergedIntoId);
    const correctionId = await correctionFor(tx, { consultation, actorId: secretariat.userId, correctionNote, messageId, now, what: "fate" });
    const updated = await tx.message.update({ where: { id: messageId }, data: { fate, mergedIntoId, fateNote }, select: { id: true, number: true, fate: true, mergedIntoId: true, fateNote: true } });
    // Kept again after publication: like every kept message of a published outcome, it has a final text (as drafted, until corrected).
    if (consultation.state === "FINAL" && fate === "KEPT") await finaliseAsDrafted(tx, { id: messageId }, secretariat.userId, correctionId, now);
    await recordAudit(tx, {
      actorId: secretariat.userId, action: "message.fate_set", subjectType: "Message", subjectId: messageId,
      data: { from: message.fate, to: fate, mergedIntoId, fateNote, correctionId },
    });
    return { message: updated, changed: true };
  });
}

async function checkMergeTarget(tx: Tx, consultationId: string, messageId: string, targetId: string) {
  if (targetId === messageId) throw refuse("mergedIntoId", "finalise.errors.mergeIntoItself");
  const target = await tx.message.findUnique({ where: { id: targetId }, select: { consultationId: true, fate: true } });
  if (!target || target.consultationId !== consultationId) throw refuse("mergedIntoId", "finalise.errors.mergeTargetElsewhere");
  if (target.fate !== "KEPT") throw refuse("mergedIntoId", "finalise.errors.mergeTargetNotKept");
}
