"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { FieldShell } from "@/components/forms/field";
import type { ImportOutcome } from "@/lib/consultations/import-consultation";
import type { ImportSuggestions } from "@/lib/consultations/import-suggestions";
import { MAX_IMPORT_BYTES } from "@/lib/import/limits";
import type { ParseResult } from "@/lib/import/types";
import { DocumentFields, ImportProblems, LanguageSelect, PreviewActions, shownFieldErrors, type LanguageOption } from "./document-fields";
import { ImportPreview } from "./import-preview";
import { useDocumentUpload } from "./use-document-upload";

type ImportFormProps = {
  /** The import route: it alone accepts a request the size of a document. */
  uploadUrl: string;
  languages: LanguageOption[];
};

type Preview = { preview: ParseResult; fieldErrors: Record<string, string>; suggestions: ImportSuggestions | null };

/** Where each field the server may refuse is, for the error summary's links. */
const FIELD_IDS: Record<string, string> = { file: "import-file", title: "import-title", slug: "import-slug", language: "import-language" };

/**
 * Upload or paste, preview, confirm. The server parses on every submission;
 * nothing is saved until "Create the consultation". The form is sent with
 * fetch and never reset, so the chosen file and every field stay as they are.
 * The preview fills an empty title and language with what the document
 * suggests; a refusal is summarised at the top, each problem linking to its field.
 */
export function ImportForm({ uploadUrl, languages }: ImportFormProps) {
  const t = useTranslations("import");
  const router = useRouter();
  const [result, setResult] = useState<Preview | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [refusals, setRefusals] = useState(0);
  const title = useRef<HTMLInputElement>(null);
  const language = useRef<HTMLSelectElement>(null);
  const applied = useRef<{ title: string | null; language: string | null }>({ title: null, language: null });
  const document = result?.preview.ok ? result.preview.document : null;
  const fieldErrors = shownFieldErrors(result, confirmed);

  // A field still empty, or still holding the previous suggestion, takes the new one; what the secretariat typed stays.
  const suggest = (field: HTMLInputElement | HTMLSelectElement | null, key: "title" | "language", value: string | null | undefined) => {
    if (!field || !value || value === applied.current[key]) return;
    if (field.value === "" || field.value === applied.current[key]) field.value = value;
    applied.current[key] = value;
  };

  const showPreview = (preview: Preview, confirming: boolean) => {
    suggest(title.current, "title", preview.suggestions?.title);
    suggest(language.current, "language", preview.suggestions?.language);
    setResult(preview);
    setConfirmed(confirming);
    setRefusals((count) => count + 1);
  };
  const { pending, failure, submit } = useDocumentUpload<ImportOutcome>(uploadUrl, {
    tooLarge: (size, confirming) =>
      showPreview({ preview: { ok: false, error: { code: "FILE_TOO_LARGE", size, limit: MAX_IMPORT_BYTES } }, fieldErrors: {}, suggestions: null }, confirming),
    answer: (body, confirming) => {
      if (!body.saved) return showPreview(body, confirming);
      router.push(`/admin/consultations/${body.slug}?imported=1`);
      return true;
    },
  });

  return (
    <form action={uploadUrl} method="post" encType="multipart/form-data" onSubmit={submit}>
      <ImportProblems failure={failure} answer={result} fieldErrors={fieldErrors} fieldIds={FIELD_IDS} refusals={refusals} />
      <DocumentFields idPrefix="import" legend={t("documentLegend")} answer={result} fieldErrors={fieldErrors} />
      <fieldset>
        <legend>{t("consultationLegend")}</legend>
        <FieldShell id="import-title" label={t("titleField")} hint={t("titleHint")} error={fieldErrors.title} required>
          {(aria) => <input ref={title} name="title" maxLength={200} {...aria} />}
        </FieldShell>
        <FieldShell id="import-slug" label={t("slug")} hint={t("slugHint")} error={fieldErrors.slug} required>
          {(aria) => <input name="slug" maxLength={80} pattern="[a-z0-9]+(-[a-z0-9]+)*" autoCapitalize="none" spellCheck={false} {...aria} />}
        </FieldShell>
        <FieldShell id="import-language" label={t("language")} hint={t("languageHint")} error={fieldErrors.language} required>
          {(aria) => <LanguageSelect selectRef={language} languages={languages} emptyLabel={t("languageGuess")} {...aria} />}
        </FieldShell>
      </fieldset>

      {result ? <ImportPreview preview={result.preview} /> : null}

      <PreviewActions confirm={document ? t("confirm", { sections: document.counts.sections, messages: document.counts.messages }) : null} pending={pending} />
    </form>
  );
}
