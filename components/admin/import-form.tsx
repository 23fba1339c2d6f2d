"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FieldShell } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import type { FormState } from "@/lib/actions/form-state";
import type { ImportOutcome } from "@/lib/consultations/import-consultation";
import type { ErrorCode } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/import/limits";
import type { ParseResult } from "@/lib/import/types";
import { ImportPreview } from "./import-preview";

type ImportFormProps = {
  /** The import route: it alone accepts a request the size of a document. */
  uploadUrl: string;
  languages: { value: string; label: string }[];
  defaultLanguage: string;
};

type Preview = { preview: ParseResult; fieldErrors: Record<string, string> };

const IDLE: FormState = { status: "idle" };

/**
 * Upload or paste, preview, confirm. The server parses on every submission;
 * nothing is saved until "Create the consultation". The form is sent with
 * fetch and never reset, so the chosen file and every field stay as they are.
 */
export function ImportForm({ uploadUrl, languages, defaultLanguage }: ImportFormProps) {
  const t = useTranslations("import");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<FormState>(IDLE);
  const [result, setResult] = useState<Preview | null>(null);
  const document = result?.preview.ok ? result.preview.document : null;
  const fieldErrors = result?.fieldErrors ?? {};

  const showPreview = (preview: Preview) => {
    setFailure(IDLE);
    setResult(preview);
  };
  const showFailure = (code: string | undefined, details: { reference?: string; retryAfterSeconds?: number } = {}) =>
    setFailure({ status: "error", code: (code ?? "UNEXPECTED") as ErrorCode | "UNEXPECTED", fieldErrors: {}, values: {}, ...details });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const file = data.get("file");
    if (file instanceof File && file.size > 0) {
      data.delete("pasted"); // the chosen file wins: one document per request
      if (file.size > MAX_IMPORT_BYTES) {
        showPreview({ preview: { ok: false, error: { code: "FILE_TOO_LARGE", size: file.size, limit: MAX_IMPORT_BYTES } }, fieldErrors: {} });
        return;
      }
    }
    setPending(true);
    try {
      const response = await fetch(uploadUrl, { method: "POST", body: data });
      const body = await response.json().catch(() => null);
      if (!response.ok || !body) {
        const error = body?.error;
        showFailure(error?.code ?? (response.status === 413 ? "PAYLOAD_TOO_LARGE" : undefined), {
          reference: error?.reference,
          retryAfterSeconds: error?.retryAfterSeconds,
        });
      } else if ((body as ImportOutcome).saved) {
        router.push(`/admin/consultations/${(body as { slug: string }).slug}?imported=1`);
        return; // stays pending while the new page loads
      } else {
        showPreview(body as Preview);
      }
    } catch {
      showFailure(undefined);
    }
    setPending(false);
  }

  return (
    <form action={uploadUrl} method="post" encType="multipart/form-data" onSubmit={submit}>
      <noscript>
        <p className="form-alert error">{t("needsJavaScript")}</p>
      </noscript>
      {failure.status === "error" ? <FormAlert state={failure} /> : null}
      <fieldset>
        <legend>{t("documentLegend")}</legend>
        <FieldShell id="import-file" label={t("file")} hint={t("fileHint")} error={fieldErrors.file} required>
          {(aria) => <input type="file" name="file" accept=".md,.markdown,.txt,.docx,text/markdown,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" {...aria} />}
        </FieldShell>
        <FieldShell id="import-pasted" label={t("pasted")} hint={t("pastedHint")}>
          {(aria) => <textarea name="pasted" rows={8} {...aria} />}
        </FieldShell>
        <div className="checkbox field">
          <input type="checkbox" id="import-paragraphs" name="paragraphsAreMessages" />
          <label htmlFor="import-paragraphs">{t("paragraphsAreMessages")}</label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("consultationLegend")}</legend>
        <FieldShell id="import-title" label={t("titleField")} error={fieldErrors.title} required>
          {(aria) => <input name="title" defaultValue={document?.title ?? ""} maxLength={200} {...aria} />}
        </FieldShell>
        <FieldShell id="import-slug" label={t("slug")} hint={t("slugHint")} error={fieldErrors.slug} required>
          {(aria) => <input name="slug" maxLength={80} pattern="[a-z0-9]+(-[a-z0-9]+)*" autoCapitalize="none" spellCheck={false} {...aria} />}
        </FieldShell>
        <FieldShell id="import-language" label={t("language")} error={fieldErrors.language} required>
          {(aria) => (
            <select name="language" defaultValue={defaultLanguage} {...aria}>
              {languages.map((language) => (
                <option key={language.value} value={language.value}>
                  {language.label}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
      </fieldset>

      {result ? <ImportPreview preview={result.preview} /> : null}

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
