import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { recordAudit } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { notifyOutcomePublished } from "@/lib/notifications/outcome";
import { parseInput } from "@/lib/validation";
import { lockFinalisable } from "./finalisable";
import { byNumber } from "./message-order";
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
    const keptAsDrafted = await finaliseDraftsOfKeptMessages(tx, consultationId, secretariat.userId, now);
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

/** Kept messages without a FINAL version: their last draft text becomes their final text. Returns their numbers. */
async function finaliseDraftsOfKeptMessages(tx: Tx, consultationId: string, authorId: string, now: Date) {
  const kept = await tx.message.findMany({
    where: { consultationId, fate: "KEPT", versions: { none: { kind: "FINAL" } } },
    select: { id: true, number: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, text: true } } },
  });
  const drafted = kept.filter((message) => message.versions[0]).sort(byNumber);
  await tx.messageVersion.createMany({
    data: drafted.map(({ id, versions: [last] }) => ({ messageId: id, number: last!.number + 1, kind: "FINAL" as const, text: last!.text, authorId, createdAt: now })),
  });
  return drafted.map((message) => message.number);
}
