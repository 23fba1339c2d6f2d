import { recordAudit } from "@/lib/db/audit";
import type { Tx } from "@/lib/db/client";
import { lockConsultationStructure } from "@/lib/db/structure";
import { consultationState, type ConsultationState } from "@/lib/consultations/state";
import { AppError } from "@/lib/errors";

/** Why finalising is refused before the deadline: the form shows it, tests look for it. */
export const NOT_CLOSED = "finalise.errors.notClosed";

/** Refused while comments may still come in, or before anyone could comment. */
export function notClosedError() {
  return new AppError("CONFLICT", { messageKey: NOT_CLOSED, fieldErrors: { form: NOT_CLOSED } });
}

/**
 * The consultation of a finalisation step, locked until the transaction ends
 * (the same lock as structure edits, so steps and publication happen one
 * after the other), when it is CLOSED or FINAL at `now`.
 */
export async function lockFinalisable(tx: Tx, consultationId: string, now: Date) {
  await lockConsultationStructure(tx, consultationId);
  const consultation = await tx.consultation.findUnique({
    where: { id: consultationId },
    select: { id: true, slug: true, publishedAt: true, opensAt: true, closesAt: true, finalisedAt: true },
  });
  if (!consultation) throw new AppError("NOT_FOUND");
  const state = consultationState(consultation, now);
  if (state !== "CLOSED" && state !== "FINAL") throw notClosedError();
  return { ...consultation, state };
}

type Change = {
  consultation: { id: string; state: ConsultationState };
  actorId: string;
  correctionNote: string | undefined;
  messageId: string | null;
  now: Date;
  /** What the correction changes, for the audit trail. */
  what: string;
};

/**
 * Before publication a change is plain work in progress (null). Once the
 * outcome is published it is a correction: a public note is required, and
 * the OutcomeCorrection row it writes is the one the new rows point at.
 */
export async function correctionFor(tx: Tx, change: Change): Promise<string | null> {
  if (change.consultation.state !== "FINAL") return null;
  if (!change.correctionNote) {
    throw new AppError("VALIDATION", { fieldErrors: { correctionNote: "finalise.errors.correctionNoteRequired" } });
  }
  const correction = await tx.outcomeCorrection.create({
    data: { consultationId: change.consultation.id, messageId: change.messageId, note: change.correctionNote, byId: change.actorId, createdAt: change.now },
  });
  await recordAudit(tx, {
    actorId: change.actorId,
    action: "outcome.corrected",
    subjectType: "Consultation",
    subjectId: change.consultation.id,
    data: { correctionId: correction.id, what: change.what, messageId: change.messageId, note: change.correctionNote },
  });
  return correction.id;
}
