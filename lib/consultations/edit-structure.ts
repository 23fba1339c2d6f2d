import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { recordAudit } from "@/lib/db/audit";
import { lockConsultationStructure } from "@/lib/db/structure";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { reanchorAnnotations } from "@/lib/comments/reanchor-on-new-version";
import { nextNumber, renumberConsultation } from "./numbering";
import { numbersFrozen } from "./state";
import { messageAddSchema, messageEditSchema, moveSchema, sectionSplitSchema, sectionUpdateSchema } from "./schemas";

/**
 * The secretariat's edits to a draft's structure and text. Each runs in one
 * transaction with its audit event. Text changes always create a new version;
 * while a consultation has never been published its numbers follow the
 * positions, afterwards existing numbers never change.
 */
async function edit<T>(actor: Actor | null, run: (tx: Tx, userId: string) => Promise<T>) {
  const secretariat = requireSecretariat(actor);
  return db.$transaction((tx) => run(tx, secretariat.userId));
}

async function editableConsultation(tx: Tx, consultationId: string) {
  const consultation = await tx.consultation.findUniqueOrThrow({ where: { id: consultationId } });
  if (consultation.finalisedAt) throw new AppError("CONFLICT", { fieldErrors: { form: "errors.consultationFinal" } });
  await lockConsultationStructure(tx, consultationId);
  return consultation;
}

async function sectionOrThrow(tx: Tx, id: string) {
  const section = await tx.section.findUnique({ where: { id } });
  if (!section) throw new AppError("NOT_FOUND");
  return section;
}

async function messageOrThrow(tx: Tx, id: string) {
  const message = await tx.message.findUnique({ where: { id }, include: { versions: { orderBy: { number: "desc" }, take: 1 } } });
  if (!message) throw new AppError("NOT_FOUND");
  return message;
}

async function afterStructureChange(tx: Tx, consultation: { id: string; firstPublishedAt: Date | null }) {
  if (!numbersFrozen(consultation)) await renumberConsultation(tx, consultation.id);
}

export async function updateSection(actor: Actor | null, input: unknown) {
  const { sectionId, heading, introduction } = parseInput(sectionUpdateSchema, input);
  return edit(actor, async (tx, userId) => {
    const section = await sectionOrThrow(tx, sectionId);
    await editableConsultation(tx, section.consultationId);
    await tx.section.update({ where: { id: sectionId }, data: { heading, introduction } });
    await recordAudit(tx, {
      actorId: userId, action: "section.updated", subjectType: "Section", subjectId: sectionId,
      data: { before: { heading: section.heading, introduction: section.introduction }, after: { heading, introduction } },
    });
  });
}

export async function moveSection(actor: Actor | null, input: unknown) {
  const { id, direction } = parseInput(moveSchema, input);
  return edit(actor, async (tx, userId) => {
    const section = await sectionOrThrow(tx, id);
    const consultation = await editableConsultation(tx, section.consultationId);
    const siblings = await tx.section.findMany({
      where: { consultationId: section.consultationId, parentId: section.parentId },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    if (!(await swapNeighbour(siblings, id, direction, (sid, position) => tx.section.update({ where: { id: sid }, data: { position } })))) return;
    await afterStructureChange(tx, consultation);
    await recordAudit(tx, { actorId: userId, action: "section.moved", subjectType: "Section", subjectId: id, data: { direction } });
  });
}

export async function moveMessage(actor: Actor | null, input: unknown) {
  const { id, direction } = parseInput(moveSchema, input);
  return edit(actor, async (tx, userId) => {
    const message = await messageOrThrow(tx, id);
    const consultation = await editableConsultation(tx, message.consultationId);
    const siblings = await tx.message.findMany({ where: { sectionId: message.sectionId }, orderBy: { position: "asc" }, select: { id: true } });
    if (!(await swapNeighbour(siblings, id, direction, (mid, position) => tx.message.update({ where: { id: mid }, data: { position } })))) return;
    await afterStructureChange(tx, consultation);
    await recordAudit(tx, { actorId: userId, action: "message.moved", subjectType: "Message", subjectId: id, data: { direction } });
  });
}

/** Rewrites positions 0..n-1 with `id` swapped with its neighbour; false when it is already at the end. */
async function swapNeighbour(
  ordered: { id: string }[],
  id: string,
  direction: "up" | "down",
  setPosition: (id: string, position: number) => Promise<unknown>,
) {
  const index = ordered.findIndex((item) => item.id === id);
  const target = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= ordered.length) return false;
  const reordered = [...ordered];
  [reordered[index], reordered[target]] = [reordered[target]!, reordered[index]!];
  for (const [position, item] of reordered.entries()) await setPosition(item.id, position);
  return true;
}

/** A text change is a new version; the earlier ones stay readable. */
export async function editMessageText(actor: Actor | null, input: unknown) {
  const { messageId, text } = parseInput(messageEditSchema, input);
  return edit(actor, async (tx, userId) => {
    const { consultationId } = await messageOrThrow(tx, messageId);
    await editableConsultation(tx, consultationId);
    // Read the latest version only under the lock: two editors cannot both write version n+1.
    const current = (await messageOrThrow(tx, messageId)).versions[0];
    if (current?.text === text) return current;
    const version = await tx.messageVersion.create({
      data: { messageId, number: (current?.number ?? 0) + 1, kind: "DRAFT", text, authorId: userId },
    });
    const anchoring = await reanchorAnnotations(tx, messageId, version);
    await recordAudit(tx, {
      actorId: userId, action: "message.revised", subjectType: "Message", subjectId: messageId,
      data: { fromVersion: current?.number ?? null, toVersion: version.number, anchoring },
    });
    return version;
  });
}

export async function addMessage(actor: Actor | null, input: unknown) {
  const { sectionId, text } = parseInput(messageAddSchema, input);
  return edit(actor, async (tx, userId) => {
    const section = await sectionOrThrow(tx, sectionId);
    const consultation = await editableConsultation(tx, section.consultationId);
    const last = await tx.message.findFirst({ where: { sectionId }, orderBy: { position: "desc" }, select: { position: true } });
    const taken = await tx.message.findMany({ where: { consultationId: consultation.id }, select: { number: true } });
    const message = await tx.message.create({
      data: {
        consultationId: consultation.id,
        sectionId,
        position: (last?.position ?? -1) + 1,
        number: nextNumber(section.number, taken.map((row) => row.number)),
        versions: { create: { number: 1, kind: "DRAFT", text, authorId: userId } },
      },
    });
    await afterStructureChange(tx, consultation);
    await recordAudit(tx, { actorId: userId, action: "message.added", subjectType: "Message", subjectId: message.id, data: { sectionId, text } });
    return message;
  });
}

/** Only before the first publication, and never a message with comments; the audit trail keeps its text. */
export async function deleteMessage(actor: Actor | null, input: unknown) {
  const { id } = parseInput(moveSchema.pick({ id: true }), input);
  return edit(actor, async (tx, userId) => {
    const message = await tx.message.findUnique({ where: { id }, include: { versions: true, _count: { select: { comments: true } } } });
    if (!message) throw new AppError("NOT_FOUND");
    const consultation = await editableConsultation(tx, message.consultationId);
    if (numbersFrozen(consultation) || message._count.comments > 0) {
      throw new AppError("CONFLICT", { fieldErrors: { form: "errors.messageDeleteAfterPublication" } });
    }
    await tx.messageVersion.deleteMany({ where: { messageId: id } });
    await tx.message.delete({ where: { id } });
    await afterStructureChange(tx, consultation);
    await recordAudit(tx, {
      actorId: userId, action: "message.deleted", subjectType: "Message", subjectId: id,
      data: { number: message.number, versions: message.versions.map((version) => ({ number: version.number, text: version.text })) },
    });
  });
}

/** Moves a section's messages and sub-sections to the end of the section before it, then removes it. */
export async function mergeSectionIntoPrevious(actor: Actor | null, input: unknown) {
  const { id } = parseInput(moveSchema.pick({ id: true }), input);
  return edit(actor, async (tx, userId) => {
    const section = await sectionOrThrow(tx, id);
    const consultation = await editableConsultation(tx, section.consultationId);
    const previous = await tx.section.findFirst({
      where: { consultationId: section.consultationId, parentId: section.parentId, position: { lt: section.position } },
      orderBy: { position: "desc" },
    });
    if (!previous) throw new AppError("CONFLICT", { fieldErrors: { form: "errors.mergeNeedsPrevious" } });
    await appendChildren(tx, section.id, previous.id);
    if (section.introduction) {
      await tx.section.update({
        where: { id: previous.id },
        data: { introduction: [previous.introduction, section.introduction].filter(Boolean).join("\n\n") },
      });
    }
    await tx.section.delete({ where: { id } });
    await afterStructureChange(tx, consultation);
    await recordAudit(tx, {
      actorId: userId, action: "section.merged", subjectType: "Section", subjectId: id,
      data: { into: previous.id, number: section.number, heading: section.heading, introduction: section.introduction },
    });
  });
}

/** Starts a new section at a message: it and the messages after it (and the sub-sections) move into it. */
export async function splitSectionAt(actor: Actor | null, input: unknown) {
  const { messageId, heading } = parseInput(sectionSplitSchema, input);
  return edit(actor, async (tx, userId) => {
    const message = await messageOrThrow(tx, messageId);
    const consultation = await editableConsultation(tx, message.consultationId);
    const section = await sectionOrThrow(tx, message.sectionId);
    await tx.section.updateMany({
      where: { consultationId: section.consultationId, parentId: section.parentId, position: { gt: section.position } },
      data: { position: { increment: 1 } },
    });
    const siblingNumbers = await tx.section.findMany({ where: { consultationId: section.consultationId }, select: { number: true } });
    const parentNumber = section.number.includes(".") ? section.number.slice(0, section.number.lastIndexOf(".")) : "";
    const created = await tx.section.create({
      data: {
        consultationId: section.consultationId,
        parentId: section.parentId,
        position: section.position + 1,
        number: nextNumber(parentNumber, siblingNumbers.map((row) => row.number)),
        heading,
      },
    });
    const moving = await tx.message.findMany({
      where: { sectionId: section.id, position: { gte: message.position } },
      orderBy: { position: "asc" },
      select: { id: true },
    });
    for (const [position, item] of moving.entries()) {
      await tx.message.update({ where: { id: item.id }, data: { sectionId: created.id, position } });
    }
    await tx.section.updateMany({ where: { parentId: section.id }, data: { parentId: created.id } });
    await afterStructureChange(tx, consultation);
    await recordAudit(tx, {
      actorId: userId, action: "section.split", subjectType: "Section", subjectId: created.id,
      data: { from: section.id, atMessage: messageId, heading },
    });
    return created;
  });
}

async function appendChildren(tx: Tx, fromSectionId: string, toSectionId: string) {
  const [lastMessage, lastChild] = await Promise.all([
    tx.message.findFirst({ where: { sectionId: toSectionId }, orderBy: { position: "desc" }, select: { position: true } }),
    tx.section.findFirst({ where: { parentId: toSectionId }, orderBy: { position: "desc" }, select: { position: true } }),
  ]);
  const messages = await tx.message.findMany({ where: { sectionId: fromSectionId }, orderBy: { position: "asc" }, select: { id: true } });
  for (const [index, item] of messages.entries()) {
    await tx.message.update({ where: { id: item.id }, data: { sectionId: toSectionId, position: (lastMessage?.position ?? -1) + 1 + index } });
  }
  const children = await tx.section.findMany({ where: { parentId: fromSectionId }, orderBy: { position: "asc" }, select: { id: true } });
  for (const [index, item] of children.entries()) {
    await tx.section.update({ where: { id: item.id }, data: { parentId: toSectionId, position: (lastChild?.position ?? -1) + 1 + index } });
  }
}
