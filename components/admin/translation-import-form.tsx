"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldShell } from "@/components/forms/field";
import { localeDirection } from "@/lib/i18n/locales";
import { MAX_IMPORT_BYTES } from "@/lib/import/limits";
import { TITLE_MAX } from "@/lib/consultations/limits";
import { TRANSLATORS_MAX } from "@/lib/translations/limits";
import type { TranslationImportOutcome, TranslationPreview } from "@/lib/translations/import-translation";
import { DocumentFields, ImportProblems, LanguageSelect, PreviewActions, shownFieldErrors, type LanguageOption } from "./document-fields";
import { ImportPreview } from "./import-preview";
import { useDocumentUpload } from "./use-document-upload";

type Preview = Extract<TranslationImportOutcome, { saved: false }>;

const FIELD_IDS: Record<string, string> = { file: "translation-file", language: "translation-language", translators: "translation-translators", title: "translation-title" };

type TranslationImportFormProps = {
  uploadUrl: string;
  /** Where the page goes once a translation is saved. */
  savedUrl: string;
  languages: LanguageOption[];
};

/**
 * Upload or paste a translation, see how it lines up with the original by
 * number, then import it. Nothing is saved before "Import the translation";
 * the form keeps the file and every field between previews.
 */
export function TranslationImportForm({ uploadUrl, savedUrl, languages }: TranslationImportFormProps) {
  const t = useTranslations("translations");
  const router = useRouter();
  const [result, setResult] = useState<Preview | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [refusals, setRefusals] = useState(0);
  const show = (preview: Preview, confirming: boolean) => {
    setResult(preview);
    setConfirmed(confirming);
    setRefusals((count) => count + 1);
  };
  const { pending, failure, submit } = useDocumentUpload<TranslationImportOutcome>(uploadUrl, {
    tooLarge: (size, confirming) =>
      show({ saved: false, preview: { ok: false, error: { code: "FILE_TOO_LARGE", size, limit: MAX_IMPORT_BYTES } }, alignment: null, fieldErrors: {} }, confirming),
    answer: (body, confirming) => {
      if (!body.saved) return show(body, confirming);
      router.push(`${savedUrl}?imported=${encodeURIComponent(body.language)}`);
      return true;
    },
  });
  const fieldErrors = shownFieldErrors(result, confirmed);
  const alignment = result?.alignment ?? null;

  return (
    <form action={uploadUrl} method="post" encType="multipart/form-data" onSubmit={submit}>
      <ImportProblems failure={failure} answer={result} fieldErrors={fieldErrors} fieldIds={FIELD_IDS} refusals={refusals} />
      <DocumentFields idPrefix="translation" legend={t("documentLegend")} answer={result} fieldErrors={fieldErrors} />
      <fieldset>
        <legend>{t("translationLegend")}</legend>
        <FieldShell id="translation-language" label={t("language")} error={fieldErrors.language} required>
          {(aria) => <LanguageSelect languages={languages} emptyLabel={t("chooseLanguage")} {...aria} />}
        </FieldShell>
        <FieldShell id="translation-translators" label={t("translators")} hint={t("translatorsHint")} error={fieldErrors.translators} required>
          {(aria) => <input name="translators" maxLength={TRANSLATORS_MAX} {...aria} />}
        </FieldShell>
        <FieldShell id="translation-title" label={t("titleField")} hint={t("titleHint")} error={fieldErrors.title}>
          {(aria) => <input name="title" maxLength={TITLE_MAX} {...aria} />}
        </FieldShell>
      </fieldset>

      {alignment ? <AlignmentReport alignment={alignment} /> : null}
      {result ? <ImportPreview preview={result.preview} /> : null}

      <PreviewActions confirm={alignment ? t("confirm", { count: alignment.messages.matched }) : null} pending={pending} />
    </form>
  );
}

/** How the translation lines up with the original: what matched, what either side lacks, what will be written. */
function AlignmentReport({ alignment }: { alignment: TranslationPreview }) {
  const t = useTranslations("translations");
  const { messages, sections } = alignment;
  const original = alignment.languages.original;
  const translation = alignment.languages.translation ?? undefined;
  const total = messages.matched + messages.missing.length;
  return (
    <section aria-labelledby="alignment-heading" className="alignment">
      <h2 id="alignment-heading">{t("alignmentHeading")}</h2>
      <p role="status">
        {t("aligned", { matched: messages.matched, total })} {t("sectionsAligned", { matched: sections.matched, total: sections.matched + sections.missing.length })}
      </p>
      <ul>
        {messages.missing.length > 0 ? <li>{t("missingMessages", { count: messages.missing.length, numbers: messages.missing.join(", ") })}</li> : null}
        {messages.extra.length > 0 ? <li>{t("extraMessages", { count: messages.extra.length, numbers: messages.extra.join(", ") })}</li> : null}
        {sections.missing.length > 0 ? <li>{t("missingSections", { count: sections.missing.length, numbers: sections.missing.join(", ") })}</li> : null}
        {sections.extra.length > 0 ? <li>{t("extraSections", { count: sections.extra.length, numbers: sections.extra.join(", ") })}</li> : null}
        <li>{alignment.replacing ? t("updatesTexts", { count: alignment.written }) : t("writesTexts", { count: alignment.written })}</li>
      </ul>
      {alignment.headings.length > 0 ? (
        <details>
          <summary>{t("headingsSideBySide")}</summary>
          <div className="table-scroll" role="region" aria-labelledby="headings-caption" tabIndex={0}>
            <table>
              <caption id="headings-caption">{t("headingsSideBySide")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("sectionColumn")}</th>
                  <th scope="col">{t("originalColumn")}</th>
                  <th scope="col">{t("translationColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {alignment.headings.map((heading) => (
                  <tr key={heading.number}>
                    <th scope="row">{heading.number}</th>
                    <td lang={original} dir={localeDirection(original)}>{heading.original}</td>
                    <td lang={translation} dir={translation ? localeDirection(translation) : "auto"}>{heading.translated}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </section>
  );
}
