import { getTranslations } from "next-intl/server";
import { DocumentSection, TableOfContents } from "@/components/consultations/section-tree";
import type { OutcomeSection } from "@/lib/finalisation/outcome-types";
import { OutcomeMessageView, type OutcomeView } from "./outcome-message";

type OutcomeSectionsProps = { sections: OutcomeSection[]; language: string; view: OutcomeView; depth?: number };

/** The final document: sections (headings h2…h6) with their messages in order. */
export async function OutcomeSections({ sections, language, view, depth = 0 }: OutcomeSectionsProps) {
  return sections.map((section) => (
    <DocumentSection key={section.id} section={section} language={language} depth={depth}>
      {section.messages.map((message) => (
        <OutcomeMessageView key={message.id} message={message} language={language} headingLevel={3 + depth} view={view} />
      ))}
      <OutcomeSections sections={section.sections} language={language} view={view} depth={depth + 1} />
    </DocumentSection>
  ));
}

/** The outcome's table of contents: sections only, nested. */
export async function OutcomeContents({ sections, language }: { sections: OutcomeSection[]; language: string }) {
  const t = await getTranslations("outcome");
  if (sections.length === 0) return null;
  return (
    <nav aria-labelledby="outcome-contents-heading" className="toc">
      <h2 id="outcome-contents-heading">{t("contents")}</h2>
      <TableOfContents sections={sections} language={language} />
    </nav>
  );
}
