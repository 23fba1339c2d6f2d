"use client";

import { useTranslations } from "next-intl";
import type { ImportWarning, ParseResult, ParsedSection } from "@/lib/import/types";

/** What the import will create: counts, warnings, and the numbered tree. */
export function ImportPreview({ preview }: { preview: ParseResult }) {
  const t = useTranslations("import");
  // A document that could not be read is explained in the form's error summary.
  if (!preview.ok) return null;
  const { document } = preview;
  const continuations = collectContinuations(document.sections);
  return (
    <section aria-labelledby="preview-heading" className="import-preview">
      <h2 id="preview-heading">{t("previewHeading")}</h2>
      <p role="status">{t("counts", { sections: document.counts.sections, messages: document.counts.messages })}</p>
      {document.warnings.length > 0 ? (
        <>
          <h3>{t("warningsHeading", { count: document.warnings.length })}</h3>
          <ul className="warnings">
            {document.warnings.map((warning, index) => (
              <li key={index}>{warningText(t, warning)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <input type="hidden" name="continuations" value={continuations.join(",")} />
      {document.introduction ? (
        <>
          <h3>{t("introduction")}</h3>
          <p className="message-text">{document.introduction}</p>
        </>
      ) : null}
      <PreviewTree sections={document.sections} />
    </section>
  );
}

function PreviewTree({ sections }: { sections: ParsedSection[] }) {
  const t = useTranslations("import");
  if (sections.length === 0) return null;
  return (
    <ol className="preview-tree">
      {sections.map((section) => (
        <li key={section.number}>
          <p className="preview-heading">
            <strong>{section.number}</strong> {section.heading}
          </p>
          {section.introduction ? <p className="section-intro">{section.introduction}</p> : null}
          {section.messages.length > 0 ? (
            <ol className="preview-messages">
              {section.messages.map((message) => (
                <li key={message.number}>
                  <strong>{message.number}</strong> <span className="message-text">{message.text}</span>
                  {message.continuation ? (
                    <div className="checkbox continuation">
                      <input
                        type="checkbox"
                        id={`merge-${message.continuation.id}`}
                        name="merge"
                        value={message.continuation.id}
                        defaultChecked={message.continuation.merged}
                      />
                      <label htmlFor={`merge-${message.continuation.id}`}>
                        {t("mergeContinuation", { number: message.number, text: message.continuation.text.slice(0, 80) })}
                      </label>
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : null}
          <PreviewTree sections={section.sections} />
        </li>
      ))}
    </ol>
  );
}

function collectContinuations(sections: ParsedSection[]): string[] {
  return sections.flatMap((section) => [
    ...section.messages.flatMap((message) => (message.continuation ? [message.continuation.id] : [])),
    ...collectContinuations(section.sections),
  ]);
}

function warningText(t: ReturnType<typeof useTranslations<"import">>, warning: ImportWarning) {
  switch (warning.code) {
    case "EMPTY_SECTION":
      return t("warnings.EMPTY_SECTION", { number: warning.sectionNumber, heading: warning.heading });
    case "LONG_MESSAGE":
      return t("warnings.LONG_MESSAGE", { number: warning.messageNumber, length: warning.length, limit: warning.limit });
    case "TABLE_OF_CONTENTS":
      return t("warnings.TABLE_OF_CONTENTS", { lines: warning.lineCount, heading: warning.heading ?? "—" });
    case "DUPLICATE_HEADING":
      return t("warnings.DUPLICATE_HEADING", { number: warning.sectionNumber, first: warning.firstSectionNumber, heading: warning.heading });
    case "CONTINUATION":
      return t(warning.merged ? "warnings.CONTINUATION_MERGED" : "warnings.CONTINUATION_SEPARATE", { number: warning.messageNumber });
    case "LIST_BEFORE_FIRST_HEADING":
      return t("warnings.LIST_BEFORE_FIRST_HEADING", { count: warning.itemCount });
  }
}
