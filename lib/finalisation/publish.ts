import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { notifyOutcomePublished } from "@/lib/notifications/outcome";
import { parseInput } from "@/lib/validation";
import { lockFinalisable } from "./finalisable";
import { finaliseAsDrafted } from "./final-text";
import { answerProgress } from "./progress";
import { publishOutcomeSchema } from "./schemas";

/**
 * Publishes the outcome: the consultation becomes FINAL at `now`. Refused
 * while comments are unanswered, unless an administrator gives a reason,
 * which is stored and audited. A kept message without a final text is
 * published as drafted: its last draft text becomes its FINAL version, and
 * the audit event lists those messages. Followers are told afterwards.
 */
export async function publishOutcome(actor: Actor | null, input: unknown, now = new Date()) {
  const secretariat = requireSecretariat(actor);
  const { consultationId, overrideReason } = parseInput(publishOutcomeSchema, input);
  const published = await db.$transaction(async (tx) => {
    const consultation = await lockFinalisable(tx, consultationId, now);
    if (consultation.state === "FINAL") throw new AppError("CONFLICT", { fieldErrors: { form: "finalise.errors.alreadyPublished" } });
    const { overall } = await answerProgress(tx, consultationId);
    const unanswered = overall.total - overall.answered;
    if (unanswered > 0 && !overrideReason) throw new AppError("CONFLICT", { fieldErrors: { form: "finalise.errors.unanswered" } });
    if (unanswered > 0 && secretariat.role !== "ADMIN") {
      throw new AppError("FORBIDDEN", { fieldErrors: { overrideReason: "finalise.errors.overrideAdminOnly" } });
    }
    const keptAsDrafted = await finaliseAsDrafted(tx, { consultationId }, secretariat.userId, null, now);
    const reason = unanswered > 0 ? overrideReason! : null;
    await tx.consultation.update({ where: { id: consultationId }, data: { finalisedAt: now, outcomeOverrideReason: reason } });
    await recordAudit(tx, {
      actorId: secretariat.userId, action: "consultation.outcome_published", subjectType: "Consultation", subjectId: consultationId,
      data: { answered: overall.answered, total: overall.total, overrideReason: reason, keptAsDrafted },
    });
    return { consultationId, slug: consultation.slug, finalisedAt: now, unanswered, keptAsDrafted };
  });
  // Its own statement, after the commit: followers are never told of an outcome that was rolled back.
  await notifyOutcomePublished(consultationId, now);
  return published;
}
