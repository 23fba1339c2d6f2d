import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { pageSlice } from "@/lib/http/pagination";
import { isStorableText } from "@/lib/text/user-text";
import { wallTimeToInstant } from "@/lib/time/zoned";
import { parseInput } from "@/lib/validation";
import { readTree } from "./read-tree";
import { consultationState, numbersFrozen } from "./state";
import { consultationDetailsSchema, idSchema, moderationSettingsSchema, scheduleSchema } from "./schemas";

export const ADMIN_PAGE_SIZE = 50;

/** Every consultation, drafts included, for the secretariat's list: the newest first, a page at a time. */
export async function listConsultationsForSecretariat(actor: Actor | null, page = 1, now = new Date()) {
  requireSecretariat(actor);
  const { skip, take, ...shown } = pageSlice(await db.consultation.count(), page, ADMIN_PAGE_SIZE);
  const rows = await db.consultation.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take,
    select: {
      id: true, slug: true, title: true, language: true, opensAt: true, closesAt: true, referenceTimeZone: true,
      publishedAt: true, finalisedAt: true, _count: { select: { messages: true } },
    },
  });
  return { consultations: rows.map((row) => ({ ...row, state: consultationState(row, now) })), ...shown };
}

/** The secretariat's page of a consultation: the consultation, its state, and its whole tree of sections and messages. */
export async function getConsultationForSecretariat(actor: Actor | null, slug: string, now = new Date()) {
  requireSecretariat(actor);
  const consultation = isStorableText(slug) ? await db.consultation.findUnique({ where: { slug } }) : null;
  if (!consultation) return null;
  return { consultation, state: consultationState(consultation, now), numbersFrozen: numbersFrozen(consultation), sections: await readTree(consultation.id) };
}

/** Title, introduction and language. */
export async function updateConsultationDetails(actor: Actor | null, input: unknown) {
  const secretariat = requireSecretariat(actor);
  const { consultationId, ...details } = parseInput(consultationDetailsSchema, input);
  return db.$transaction(async (tx) => {
    const updated = await tx.consultation.update({ where: { id: consultationId }, data: details });
    await recordAudit(tx, { actorId: secretariat.userId, action: "consultation.details_updated", subjectType: "Consultation", subjectId: consultationId, data: details });
    return updated;
  });
}

/** Pre-moderation: when on, the consultation's new comments wait for a moderator's approval before anyone else sees them. */
export async function setModerationSettings(actor: Actor | null, input: unknown) {
  const secretariat = requireSecretariat(actor);
  const { consultationId, preModeration } = parseInput(moderationSettingsSchema, input);
  return db.$transaction(async (tx) => {
    const found = await tx.consultation.updateMany({ where: { id: consultationId }, data: { preModeration } });
    if (found.count === 0) throw new AppError("NOT_FOUND");
    await recordAudit(tx, { actorId: secretariat.userId, action: "consultation.moderation_updated", subjectType: "Consultation", subjectId: consultationId, data: { preModeration } });
    return { preModeration };
  });
}

/** Opening time and deadline, entered as wall-clock times in the reference zone. */
export async function scheduleConsultation(actor: Actor | null, input: unknown) {
  const secretariat = requireSecretariat(actor);
  const { consultationId, opensAt, closesAt, referenceTimeZone } = parseInput(scheduleSchema, input);
  const data = {
    referenceTimeZone,
    opensAt: opensAt ? wallTimeToInstant(opensAt, referenceTimeZone) : null,
    closesAt: closesAt ? wallTimeToInstant(closesAt, referenceTimeZone) : null,
  };
  return db.$transaction(async (tx) => {
    const current = await tx.consultation.findUnique({ where: { id: consultationId } });
    if (!current) throw new AppError("NOT_FOUND");
    if (current.publishedAt && (!data.opensAt || !data.closesAt)) {
      throw new AppError("VALIDATION", { fieldErrors: { [data.opensAt ? "closesAt" : "opensAt"]: "errors.publishedNeedsSchedule" } });
    }
    const updated = await tx.consultation.update({ where: { id: consultationId }, data });
    await recordAudit(tx, {
      actorId: secretariat.userId, action: "consultation.scheduled", subjectType: "Consultation", subjectId: consultationId,
      data: { referenceTimeZone, opensAt: data.opensAt?.toISOString() ?? null, closesAt: data.closesAt?.toISOString() ?? null,
              previousClosesAt: current.closesAt?.toISOString() ?? null },
    });
    return updated;
  });
}

/** Publishing needs both dates; it freezes the numbering for good. */
export async function publishConsultation(actor: Actor | null, input: unknown, now = new Date()) {
  const secretariat = requireSecretariat(actor);
  const { id } = parseInput(idSchema, input);
  return db.$transaction(async (tx) => {
    const current = await tx.consultation.findUnique({ where: { id }, include: { _count: { select: { messages: true } } } });
    if (!current) throw new AppError("NOT_FOUND");
    const fieldErrors: Record<string, string> = {};
    if (!current.opensAt) fieldErrors.opensAt = "errors.publishNeedsOpensAt";
    if (!current.closesAt) fieldErrors.closesAt = "errors.publishNeedsClosesAt";
    if (current._count.messages === 0) fieldErrors.form = "errors.publishNeedsMessages";
    if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", { fieldErrors });
    const updated = await tx.consultation.update({
      where: { id },
      data: { publishedAt: current.publishedAt ?? now, firstPublishedAt: current.firstPublishedAt ?? now },
    });
    await recordAudit(tx, { actorId: secretariat.userId, action: "consultation.published", subjectType: "Consultation", subjectId: id });
    return updated;
  });
}

/** Takes a consultation off the public pages; its numbers stay frozen if it was ever published. */
export async function unpublishConsultation(actor: Actor | null, input: unknown) {
  const secretariat = requireSecretariat(actor);
  const { id } = parseInput(idSchema, input);
  return db.$transaction(async (tx) => {
    const updated = await tx.consultation.update({ where: { id }, data: { publishedAt: null } });
    await recordAudit(tx, { actorId: secretariat.userId, action: "consultation.unpublished", subjectType: "Consultation", subjectId: id });
    return updated;
  });
}
