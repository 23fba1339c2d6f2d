import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { parseImportFile } from "@/lib/import/parse-document";
import type { ParseResult } from "@/lib/import/types";
import { parseInput } from "@/lib/validation";
import { insertConsultation } from "./create-from-document";
import { guessLanguage, suggestTitle, type ImportSuggestions } from "./import-suggestions";
import { importSettingsSchema } from "./schemas";

export type ImportSource = { fileName: string; bytes: Uint8Array };

/** The name given to pasted text, which has no file name to suggest a title from. */
export const PASTED_FILE_NAME = "pasted.md";

export type ImportOutcome =
  | { saved: false; preview: ParseResult; fieldErrors: Record<string, string>; suggestions: ImportSuggestions | null }
  | { saved: true; slug: string; counts: { sections: number; messages: number } };

/**
 * The secretariat's import: always parses and previews; saves only when
 * `confirm` is set and both the document and the settings are valid.
 */
export async function importConsultation(
  actor: Actor | null,
  source: ImportSource | null,
  settingsInput: unknown,
  confirm: boolean,
): Promise<ImportOutcome> {
  const secretariat = requireSecretariat(actor);
  let fieldErrors: Record<string, string> = {};
  let settings: ReturnType<typeof importSettingsSchema.parse> | null = null;
  try {
    settings = parseInput(importSettingsSchema, settingsInput);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    fieldErrors = error.details.fieldErrors ?? {};
  }
  const options = settingsOptions(settingsInput);
  const preview: ParseResult = source
    ? await parseImportFile(source, options)
    : { ok: false, error: { code: "EMPTY_DOCUMENT" } };
  if (!source) fieldErrors.file = "errors.fileRequired";
  const suggestions = preview.ok && source
    ? { title: suggestTitle(preview.document, source.fileName === PASTED_FILE_NAME ? null : source.fileName), language: guessLanguage(preview.document) }
    : null;
  if (!confirm || !settings || !preview.ok || !suggestions) return { saved: false, preview, fieldErrors, suggestions };

  try {
    const { consultation, sections, messages } = await insertConsultation(
      { slug: settings.slug, title: settings.title, language: settings.language ?? suggestions.language, document: preview.document },
      secretariat.userId,
    );
    return { saved: true, slug: consultation.slug, counts: { sections, messages } };
  } catch (error) {
    // A slug taken meanwhile is a field error like any other.
    if (error instanceof AppError && error.details.fieldErrors) return { saved: false, preview, fieldErrors: error.details.fieldErrors, suggestions };
    throw error;
  }
}

/**
 * How to read the document (paragraphs as messages, continuations kept
 * apart), from an import form's settings; read leniently, so that a preview
 * shows even while other fields are wrong.
 */
export function settingsOptions(input: unknown) {
  const partial = importSettingsSchema.pick({ paragraphsAreMessages: true, keepSeparate: true }).safeParse(input);
  return partial.success ? partial.data : {};
}
