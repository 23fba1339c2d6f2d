import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { settingsOptions, type ImportSource } from "@/lib/consultations/import-consultation";
import { recordAudit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { byNumber } from "@/lib/finalisation/message-order";
import { parseImportFile } from "@/lib/import/parse-document";
import type { ParsedDocument, ParseResult } from "@/lib/import/types";
import { isStorableText } from "@/lib/text/user-text";
import { parseInput } from "@/lib/validation";
import { alignTranslation, translatedParts, type Alignment, type TranslatedParts } from "./align";
import { translationSettingsSchema } from "./schemas";

/**
 * What the import will do beyond the alignment: texts new or changed, written
 * as the next number of their message's translation; and the two languages
 * (the translation's once it is valid), for the headings side by side.
 */
export type TranslationPreview = Alignment & { written: number; replacing: boolean; languages: { original: string; translation: string | null } };

export type TranslationImportOutcome =
  | { saved: false; preview: ParseResult; alignment: TranslationPreview | null; fieldErrors: Record<string, string> }
  | { saved: true; language: string; written: number };


type Original = { id: string; title: string; language: string; sections: { id: string; number: string; heading: string }[]; messages: { id: string; number: string; versions: { id: string }[] }[] };
type TranslationDetails = { language: string; title: string; translators: string };

const originalFields = {
  id: true, title: true, language: true,
  sections: { select: { id: true, number: true, heading: true } },
  messages: { select: { id: true, number: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } } },
} as const;

/**
 * The secretariat imports a translation of a consultation's document: always
 * parsed and aligned with the original by number for the preview; saved only
 * when `confirm` is set and the document and settings are valid. Importing
 * a language again updates it: a message's text is written anew (the next
 * number) only when it changed or the original has a newer version, so that
 * comments keep the text they were written on.
 */
export async function importTranslation(
  actor: Actor | null,
  slug: string,
  source: ImportSource | null,
  /** The form's fields: the translation's settings, and how to read the document (as the draft import's). */
  settingsInput: Record<string, unknown>,
  confirm: boolean,
): Promise<TranslationImportOutcome> {
  const secretariat = requireSecretariat(actor);
  const original = isStorableText(slug) ? await db.consultation.findUnique({ where: { slug }, select: originalFields }) : null;
  if (!original) throw new AppError("NOT_FOUND");

  let fieldErrors: Record<string, string> = {};
  let settings: ReturnType<typeof translationSettingsSchema.parse> | null = null;
  try {
    settings = parseInput(translationSettingsSchema, settingsInput);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    fieldErrors = error.details.fieldErrors ?? {};
  }
  // The language alone, so that the preview knows which translation it updates while other fields are still wrong.
  const language = translationSettingsSchema.shape.language.safeParse(settingsInput.language).data ?? null;
  if (language === original.language) fieldErrors.language = "errors.translationOfOriginal";
  if (!source) fieldErrors.file = "errors.fileRequired";
  const preview: ParseResult = source ? await parseImportFile(source, settingsOptions(settingsInput)) : { ok: false, error: { code: "EMPTY_DOCUMENT" } };
  if (!preview.ok) return { saved: false, preview, alignment: null, fieldErrors };

  const plan = await planTranslation(original, fieldErrors.language ? null : language, preview.document);
  const alignment: TranslationPreview = {
    ...plan.alignment,
    written: plan.rows.length,
    replacing: plan.existing,
    languages: { original: original.language, translation: fieldErrors.language ? null : language },
  };
  if (!confirm || !settings || Object.keys(fieldErrors).length > 0) return { saved: false, preview, alignment, fieldErrors };
  const details = { language: settings.language, translators: settings.translators, title: settings.title || preview.document.title || original.title };
  await writeTranslation(original, plan, details, secretariat.userId);
  return { saved: true, language: settings.language, written: plan.rows.length };
}

/** A translation written without the form (the demo's): aligned and saved as the secretariat's import would, by nobody. */
export async function insertTranslation(consultationId: string, document: ParsedDocument, details: TranslationDetails) {
  const original = await db.consultation.findUniqueOrThrow({ where: { id: consultationId }, select: originalFields });
  await writeTranslation(original, await planTranslation(original, details.language, document), details, null);
}

type Plan = { introduction: string; parts: TranslatedParts; alignment: Alignment; existing: boolean; rows: { messageId: string; number: number; text: string; sourceVersionId: string }[] };

/** How the document lines up with the original, and the texts that are new or changed against the language's translation so far (`language` null: none yet known). */
async function planTranslation(original: Original, language: string | null, document: ParsedDocument): Promise<Plan> {
  const parts = translatedParts(document);
  const alignment = alignTranslation(
    {
      sections: [...original.sections].sort(byNumber),
      messages: [...original.messages].sort(byNumber).map((message) => message.number),
    },
    parts,
  );
  const existing = language
    ? await db.translation.findUnique({ where: { consultationId_language: { consultationId: original.id, language } }, select: { id: true } })
    : null;
  const latest = existing ? await latestTexts(existing.id) : new Map<string, { number: number; text: string; sourceVersionId: string }>();
  const rows = original.messages.flatMap((message) => {
    const text = parts.messages.get(message.number);
    const sourceVersionId = message.versions[0]?.id;
    if (text === undefined || !sourceVersionId) return [];
    const before = latest.get(message.id);
    if (before && before.text === text && before.sourceVersionId === sourceVersionId) return [];
    return [{ messageId: message.id, number: (before?.number ?? 0) + 1, text, sourceVersionId }];
  });
  return { introduction: document.introduction, parts, alignment, existing: existing !== null, rows };
}

async function writeTranslation(original: Original, plan: Plan, details: TranslationDetails, importedById: string | null) {
  const { language, title, translators } = details;
  const { introduction } = plan;
  try {
    await db.$transaction(
      async (tx) => {
        // A document that covers only part of the original (a theme translated later) keeps what the earlier imports gave the rest.
        const translation = await tx.translation.upsert({
          where: { consultationId_language: { consultationId: original.id, language } },
          create: { consultationId: original.id, language, title, introduction, translators, importedById },
          update: { title, translators, importedById, ...(introduction ? { introduction } : {}) },
          select: { id: true },
        });
        for (const section of original.sections) {
          const translated = plan.parts.sections.get(section.number);
          if (!translated) continue;
          await tx.translatedSection.upsert({
            where: { translationId_sectionId: { translationId: translation.id, sectionId: section.id } },
            create: { translationId: translation.id, sectionId: section.id, ...translated },
            update: translated,
          });
        }
        await tx.translatedText.createMany({ data: plan.rows.map((row) => ({ ...row, translationId: translation.id })) });
        await recordAudit(tx, {
          actorId: importedById,
          action: "translation.imported",
          subjectType: "Translation",
          subjectId: translation.id,
          data: { consultationId: original.id, language, translators, written: plan.rows.length, missing: plan.alignment.messages.missing, extra: plan.alignment.messages.extra },
        });
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    // The same language imported twice at once: the second is refused, not half-written.
    if ((error as { code?: string }).code === "P2002") throw new AppError("CONFLICT");
    throw error;
  }
}

/** The newest text of each message in a translation. */
async function latestTexts(translationId: string) {
  const texts = await db.translatedText.findMany({
    where: { translationId },
    orderBy: [{ messageId: "asc" }, { number: "desc" }],
    distinct: ["messageId"],
    select: { messageId: true, number: true, text: true, sourceVersionId: true },
  });
  return new Map(texts.map((text) => [text.messageId, text]));
}
