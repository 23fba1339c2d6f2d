import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { recordAudit } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { correctionFor, lockFinalisable } from "./finalisable";
import { byNumber } from "./message-order";
import { finalTextSchema } from "./schemas";

/** A message of the consultation being finalised, with its newest version of each kind. */
export async function messageForFinalising(tx: Tx, messageId: string) {
  const message = await tx.message.findUnique({
    where: { id: messageId },
    select: { id: true, number: true, consultationId: true, fate: true, mergedIntoId: true, fateNote: true },
  });
  if (!message) throw new AppError("NOT_FOUND");
  const [latest, final] = await Promise.all([
    tx.messageVersion.findFirst({ where: { messageId }, orderBy: { number: "desc" }, select: { number: true } }),
    tx.messageVersion.findFirst({ where: { messageId, kind: "FINAL" }, orderBy: { number: "desc" }, select: { id: true, number: true, text: true } }),
  ]);
  return { ...message, lastNumber: latest?.number ?? 0, final };
}

/**
 * Saves the final text of a kept message as a new FINAL version (the draft
 * versions stay as they were). The same text as the current final one
 * changes nothing; after publication a change is a correction.
 */
export async function saveFinalText(actor: Actor | null, input: unknown, now = new Date()) {
  const secretariat = requireSecretariat(actor);
  const { messageId, text, correctionNote } = parseInput(finalTextSchema, input);
  return db.$transaction(async (tx) => {
    const { consultationId } = await messageForFinalising(tx, messageId);
    const consultation = await lockFinalisable(tx, consultationId, now);
    // Read again under the lock: two people saving at once write versions n+1 and n+2.
    const message = await messageForFinalising(tx, messageId);
    if (message.fate !== "KEPT") throw new AppError("CONFLICT", { fieldErrors: { form: "finalise.errors.finalTextNotKept" } });
    if (message.final?.text === text) return { version: message.final, changed: false };
    const correctionId = await correctionFor(tx, { consultation, actorId: secretariat.userId, correctionNote, messageId, now, what: "finalText" });
    const version = await tx.messageVersion.create({
      data: { messageId, number: message.lastNumber + 1, kind: "FINAL", text, authorId: secretariat.userId, correctionId, createdAt: now },
      select: { id: true, number: true, text: true },
    });
    await recordAudit(tx, {
      actorId: secretariat.userId, action: "message.final_text_saved", subjectType: "Message", subjectId: messageId,
      data: { version: version.number, previousFinal: message.final?.number ?? null, correctionId },
    });
    return { version, changed: true };
  });
}

/**
 * Kept messages without a FINAL version (of the consultation, or the one
 * message) get their last draft's text as their final text: a published
 * outcome has a final text for every kept message. Returns their numbers.
 */
export async function finaliseAsDrafted(
  tx: Tx,
  scope: { consultationId: string } | { id: string },
  authorId: string,
  correctionId: string | null,
  now: Date,
) {
  const kept = await tx.message.findMany({
    where: { ...scope, fate: "KEPT", versions: { none: { kind: "FINAL" } } },
    select: { id: true, number: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, text: true } } },
  });
  const drafted = kept.filter((message) => message.versions[0]).sort(byNumber);
  await tx.messageVersion.createMany({
    data: drafted.map(({ id, versions: [last] }) => ({ messageId: id, number: last!.number + 1, kind: "FINAL" as const, text: last!.text, authorId, correctionId, createdAt: now })),
  });
  return drafted.map((message) => message.number);
}
