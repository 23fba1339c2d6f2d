import { AppError } from "@/lib/errors";
import { consultationState, type StateInput } from "@/lib/consultations/state";
import { consultationAtDatabaseTime } from "@/lib/db/consultation-clock";
import type { Tx } from "@/lib/db/client";

/**
 * The database's clock decides (callers pass its time): writes are accepted from opensAt until (not
 * including) closesAt. After the deadline the error carries the closing time
 * and the consultation's reference zone, so the person is told exactly when it
 * closed, on the same clock as the rest of the page.
 */
export function requireOpenConsultation(consultation: StateInput & { referenceTimeZone: string }, now: Date) {
  const state = consultationState(consultation, now);
  if (state === "OPEN") return;
  if (state === "DRAFT") throw new AppError("NOT_FOUND");
  if (state === "UPCOMING") throw new AppError("CONFLICT", { fieldErrors: { form: "errors.notYetOpen" } });
  throw new AppError("DEADLINE_PASSED", { closedAt: (consultation.closesAt ?? now).toISOString(), timeZone: consultation.referenceTimeZone });
}

/**
 * In the transaction that changes a comment: refuses unless the consultation
 * is open on the database's clock, and returns that instant (the change's
 * time), so that app instances whose clocks disagree decide alike.
 */
export async function openAtDatabaseTime(tx: Tx, consultationId: string): Promise<Date> {
  const consultation = await consultationAtDatabaseTime(tx, consultationId);
  if (!consultation) throw new AppError("NOT_FOUND");
  requireOpenConsultation(consultation, consultation.at);
  return consultation.at;
}
