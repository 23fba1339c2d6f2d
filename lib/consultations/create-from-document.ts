import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { recordAudit } from "@/lib/db/audit";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ParsedDocument, ParsedSection } from "@/lib/import/types";

export type NewConsultation = {
  slug: string;
  title: string;
  language: string;
  document: ParsedDocument;
};

/** The secretariat confirms an import: the consultation is created as an unpublished draft. */
export async function createConsultationFromDocument(actor: Actor | null, input: NewConsultation) {
  const secretariat = requireSecretariat(actor);
  return insertConsultation(input, secretariat.userId);
}

/**
 * Writes a parsed document as a consultation with its sections, messages and
 * their first versions, in one transaction. `createdById` is null for the
 * command line and the demo seed.
 */
export async function insertConsultation(input: NewConsultation, createdById: string | null) {
  const { slug, title, language, document } = input;
  try {
    return await db.$transaction(
      async (tx) => {
        if (await tx.consultation.findUnique({ where: { slug }, select: { id: true } })) throw slugTaken();
        const consultation = await tx.consultation.create({
          data: { slug, title, language, introduction: document.introduction, createdById },
        });
        const counts = await insertTree(tx, consultation.id, document.sections, createdById);
        await recordAudit(tx, {
          actorId: createdById,
          action: "consultation.imported",
          subjectType: "Consultation",
          subjectId: consultation.id,
          data: { slug, title, language, ...counts, warnings: document.warnings.map((warning) => warning.code) },
        });
        return { consultation, ...counts };
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw slugTaken();
    throw error;
  }
}

function slugTaken() {
  return new AppError("CONFLICT", { fieldErrors: { slug: "errors.slugTaken" } });
}

type Rows = {
  sections: { id: string; consultationId: string; parentId: string | null; position: number; number: string; heading: string; introduction: string }[];
  messages: { id: string; consultationId: string; sectionId: string; position: number; number: string }[];
  versions: { messageId: string; number: number; kind: "DRAFT"; text: string; authorId: string | null }[];
};

async function insertTree(tx: Tx, consultationId: string, sections: ParsedSection[], authorId: string | null) {
  const rows: Rows = { sections: [], messages: [], versions: [] };
  const collect = (list: ParsedSection[], parentId: string | null) => {
    list.forEach((section, position) => {
      const id = randomUUID();
      rows.sections.push({ id, consultationId, parentId, position, number: section.number, heading: section.heading, introduction: section.introduction });
      section.messages.forEach((message, messagePosition) => {
        const messageId = randomUUID();
        rows.messages.push({ id: messageId, consultationId, sectionId: id, position: messagePosition, number: message.number });
        rows.versions.push({ messageId, number: 1, kind: "DRAFT", text: message.text, authorId });
      });
      collect(section.sections, id);
    });
  };
  collect(sections, null);
  // Parents come before their children in `rows.sections`, so one statement suffices.
  await tx.section.createMany({ data: rows.sections });
  await tx.message.createMany({ data: rows.messages });
  await tx.messageVersion.createMany({ data: rows.versions });
  return { sections: rows.sections.length, messages: rows.messages.length };
}
