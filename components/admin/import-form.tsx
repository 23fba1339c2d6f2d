"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldShell } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import type { ImportFormState, ImportValues } from "@/app/admin/import/actions";
import { ImportPreview } from "./import-preview";

type ImportFormProps = {
  action: (state: ImportFormState, form: FormData) => Promise<ImportFormState>;
  languages: { value: string; label: string }[];
  defaultLanguage: string;
};

/**
 * Upload or paste, preview, confirm. The server parses on every submission;
 * nothing is saved until "Create the consultation".
 */
export function ImportForm({ action, languages, defaultLanguage }: ImportFormProps) {
  const t = useTranslations("import");
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ImportFormState);
  const values: Partial<ImportValues> = state.status === "preview" || state.status === "error" ? state.values : {};
  const fieldErrors = state.status === "preview" || state.status === "error" ? state.fieldErrors : {};
  const preview = state.status === "preview" ? state.preview : null;
  const carried = state.status === "preview" ? state.carried : null;
  const document = preview?.ok ? preview.document : null;

  return (
    <form action={formAction} encType="multipart/form-data">
      {state.status === "error" ? <FormAlert state={state} /> : null}
      <fieldset>
        <legend>{t("documentLegend")}</legend>
        <FieldShell id="import-file" label={t("file")} hint={carried ? t("fileCarried", { name: carried.name }) : t("fileHint")} error={fieldErrors.file} required>
          {(aria) => <input type="file" name="file" accept=".md,.markdown,.txt,.docx,text/markdown,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" {...aria} />}
        </FieldShell>
        {carried ? (
          <>
            <input type="hidden" name="carriedName" value={carried.name} />
            <input type="hidden" name="carried" value={carried.base64} />
          </>
        ) : (
          <FieldShell id="import-pasted" label={t("pasted")} hint={t("pastedHint")}>
            {(aria) => <textarea name="pasted" rows={8} defaultValue={values.pasted} {...aria} />}
          </FieldShell>
        )}
        <div className="checkbox field">
          <input type="checkbox" id="import-paragraphs" name="paragraphsAreMessages" defaultChecked={values.paragraphsAreMessages} />
          <label htmlFor="import-paragraphs">{t("paragraphsAreMessages")}</label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("consultationLegend")}</legend>
        <FieldShell id="import-title" label={t("titleField")} error={fieldErrors.title} required>
          {(aria) => <input name="title" defaultValue={values.title || document?.title || ""} maxLength={200} {...aria} />}
        </FieldShell>
        <FieldShell id="import-slug" label={t("slug")} hint={t("slugHint")} error={fieldErrors.slug} required>
          {(aria) => <input name="slug" defaultValue={values.slug} maxLength={80} pattern="[a-z0-9]+(-[a-z0-9]+)*" autoCapitalize="none" spellCheck={false} {...aria} />}
        </FieldShell>
        <FieldShell id="import-language" label={t("language")} error={fieldErrors.language} required>
          {(aria) => (
            <select name="language" defaultValue={values.language || defaultLanguage} {...aria}>
              {languages.map((language) => (
                <option key={language.value} value={language.value}>
                  {language.label}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
      </fieldset>

      {preview ? <ImportPreview preview={preview} /> : null}

      <div className="actions">
        <button type="submit" name="intent" value="preview" className={document ? "secondary" : undefined} disabled={pending}>
          {document ? t("updatePreview") : t("preview")}
        </button>
        {document ? (
          <button type="submit" name="intent" value="confirm" disabled={pending}>
            {t("confirm", { sections: document.counts.sections, messages: document.counts.messages })}
          </button>
        ) : null}
      </div>
    </form>
  );
}
