import { AppError } from "@/lib/errors";
import { consultationPhase, type PhaseInput } from "@/lib/consultations/phase";

/**
 * The server's clock decides: writes are accepted from opensAt until (not
 * including) closesAt. After the deadline the error carries the closing time,
 * so the person is told exactly when it closed.
 */
export function requireOpenConsultation(consultation: PhaseInput, now: Date) {
  const phase = consultationPhase(consultation, now);
  if (phase === "OPEN") return;
  if (phase === "DRAFT") throw new AppError("NOT_FOUND");
  if (phase === "UPCOMING") throw new AppError("CONFLICT", { fieldErrors: { form: "errors.notYetOpen" } });
  throw new AppError("DEADLINE_PASSED", { closedAt: (consultation.closesAt ?? now).toISOString() });
}
