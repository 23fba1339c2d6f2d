"use client";

import type { Ref, SelectHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/forms/error-summary";
import { FieldShell } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import type { FormState } from "@/lib/actions/form-state";
import { importErrorMessage } from "@/lib/import/error-message";
import type { ParseResult } from "@/lib/import/types";

/** What the server answered an import form (a draft's, a translation's) that was not saved. */
type Answer = { preview: ParseResult; fieldErrors: Record<string, string> } | null;

/** A preview is not a refusal: the settings' problems are shown once the secretariat asks to save; the document's at once. */
export function shownFieldErrors(answer: Answer, confirmed: boolean): Record<string, string> {
  return Object.fromEntries(Object.entries(answer?.fieldErrors ?? {}).filter(([field]) => confirmed || field === "file"));
}

/**
 * The top of an import form: that it needs scripts, a failure to send, and
 * the summary of what was refused, each problem linking to its field
 * (`fieldIds`: the fields the server may refuse, by name).
 */
export function ImportProblems({ failure, answer, fieldErrors, fieldIds, refusals }: {
  failure: FormState;
  answer: Answer;
  fieldErrors: Record<string, string>;
  fieldIds: Record<string, string>;
  refusals: number;
}) {
  const t = useTranslations("import");
  const translate = useTranslations();
  const items: ErrorSummaryItem[] = [
    ...(answer && !answer.preview.ok ? [{ fieldId: fieldIds.file!, text: documentProblem(t, answer.preview) }] : []),
    ...Object.entries(fieldErrors).flatMap(([field, key]) => (fieldIds[field] ? [{ fieldId: fieldIds[field], text: translate(key) }] : [])),
  ];
  return (
    <>
      <noscript>
        <p className="form-alert error">{t("needsJavaScript")}</p>
      </noscript>
      {failure.status === "error" ? <FormAlert state={failure} /> : null}
      <ErrorSummary title={t("problemsHeading")} items={items} refusal={refusals} />
    </>
  );
}

/** Why the document could not be read, in the reader's language. */
function documentProblem(t: ReturnType<typeof useTranslations<"import">>, preview: Extract<ParseResult, { ok: false }>) {
  const { key, values } = importErrorMessage(preview.error);
  return t(key as never, values as never);
}

/**
 * The document an import form carries: a file or pasted Markdown, and
 * whether paragraphs are messages; a refusal of the document is shown at the file field.
 */
export function DocumentFields({ idPrefix, legend, answer, fieldErrors }: { idPrefix: string; legend: string; answer: Answer; fieldErrors: Record<string, string> }) {
  const t = useTranslations("import");
  return (
    <fieldset>
      <legend>{legend}</legend>
      <FieldShell
        id={`${idPrefix}-file`}
        label={t("file")}
        hint={t("fileHint")}
        error={fieldErrors.file ?? (answer && !answer.preview.ok ? "import.documentRefused" : undefined)}
        required
      >
        {(aria) => <input type="file" name="file" accept=".md,.markdown,.txt,.docx,text/markdown,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" {...aria} />}
      </FieldShell>
      <FieldShell id={`${idPrefix}-pasted`} label={t("pasted")} hint={t("pastedHint")}>
        {(aria) => <textarea name="pasted" rows={8} {...aria} />}
      </FieldShell>
      <div className="checkbox field">
        <input type="checkbox" id={`${idPrefix}-paragraphs`} name="paragraphsAreMessages" />
        <label htmlFor={`${idPrefix}-paragraphs`}>{t("paragraphsAreMessages")}</label>
      </div>
    </fieldset>
  );
}

/** A language a document can be written in, as the import forms offer it. */
export type LanguageOption = { value: string; label: string };

/** The document's language in an import form: first an empty choice that says what choosing none means, then each language. */
export function LanguageSelect({ languages, emptyLabel, selectRef, ...props }: { languages: LanguageOption[]; emptyLabel: string; selectRef?: Ref<HTMLSelectElement> } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select ref={selectRef} name="language" defaultValue="" {...props}>
      <option value="">{emptyLabel}</option>
      {languages.map((language) => (
        <option key={language.value} value={language.value}>
          {language.label}
        </option>
      ))}
    </select>
  );
}

/**
 * An import form's buttons: preview the document, and once a preview is on
 * screen (`confirm`: what saving will do), preview again or save.
 */
export function PreviewActions({ confirm, pending }: { confirm: string | null; pending: boolean }) {
  const t = useTranslations("import");
  return (
    <div className="actions">
      <button type="submit" name="intent" value="preview" className={confirm ? "secondary" : undefined} disabled={pending}>
        {confirm ? t("updatePreview") : t("preview")}
      </button>
      {confirm ? (
        <button type="submit" name="intent" value="confirm" disabled={pending}>
          {confirm}
        </button>
      ) : null}
    </div>
  );
}
