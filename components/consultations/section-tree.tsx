import { Suspense, type ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LinkedText } from "@/components/text/linked-text";
import type { SectionNode } from "@/lib/consultations/read-tree";
import { localeDirection } from "@/lib/i18n/locales";

/** `language`: the original's; a node read in a translation names its own. `query` keeps the reader's document language in the links. */
type SectionTreeProps = { slug: string; language: string; sections: SectionNode[]; depth?: number; query?: string };

/**
 * Every section and numbered message, headings nested h2…h6. Its links are
 * plain links: a hundred client links would each hydrate, and the message
 * page they lead to is a cached document that loads whole in one request.
 */
export async function SectionTree({ slug, language, sections, depth = 0, query = "" }: SectionTreeProps) {
  const t = await getTranslations("consultation");
  const tr = await getTranslations("translations");
  return sections.map((section) => (
    <HydratedApart key={section.id} apart={depth === 0}>
      <DocumentSection section={section} language={section.headingLanguage ?? language} depth={depth}>
        {section.messages.length > 0 ? (
          <ol className="messages">
            {section.messages.map((message) => (
              <li key={message.id} id={`message-${message.number}`} className="message">
                <p className="message-number">
                  <a href={`/consultations/${slug}/messages/${message.number}${query}`}>
                    {t("messageNumber", { number: message.number })}
                  </a>
                </p>
                <p className="message-text" lang={message.textLanguage ?? language} dir={localeDirection(message.textLanguage ?? language)}>{message.text}</p>
                {message.untranslated ? <p className="translation-mark">{tr("untranslated")}</p> : null}
                {message.outOfDate ? <p className="translation-mark">{tr("outOfDate")}</p> : null}
                <p className="message-meta">
                  <a href={`/consultations/${slug}/messages/${message.number}${query}#comments`}>
                    {t("commentCount", { count: message.commentCount })}
                  </a>
                  {message.versionNumber > 1 ? <> · {t("versionNumber", { number: message.versionNumber })}</> : null}
                </p>
              </li>
            ))}
          </ol>
        ) : null}
        <SectionTree slug={slug} language={language} sections={section.sections} depth={depth + 1} query={query} />
      </DocumentSection>
    </HydratedApart>
  ));
}

/**
 * A long document's themes each hydrate on their own (a Suspense boundary
 * that never suspends): the browser hydrates them in separate tasks, so the
 * page answers input between them instead of after one long task.
 */
function HydratedApart({ apart, children }: { apart: boolean; children: ReactNode }) {
  return apart ? <Suspense>{children}</Suspense> : children;
}

type DocumentSectionProps = {
  section: { number: string; heading: string; introduction: string };
  language: string;
  depth: number;
  children: ReactNode;
};

/** A section of a document (the draft's or the outcome's): its numbered heading (h2…h6 by depth), its introduction, then what it holds. */
export function DocumentSection({ section, language, depth, children }: DocumentSectionProps) {
  const Heading = `h${Math.min(2 + depth, 6)}` as "h2";
  return (
    <section id={`section-${section.number}`} aria-labelledby={`heading-${section.number}`} className="doc-section">
      <Heading id={`heading-${section.number}`}>
        <span className="number">{section.number}</span> <span lang={language} dir={localeDirection(language)}>{section.heading}</span>
      </Heading>
      {section.introduction ? (
        <p className="section-intro" lang={language} dir={localeDirection(language)}>
          <LinkedText text={section.introduction} />
        </p>
      ) : null}
      {children}
    </section>
  );
}

/** What a table of contents needs of a section: the draft's tree and the outcome's both have it. */
type ContentsSection = { id: string; number: string; heading: string; headingLanguage?: string; sections: ContentsSection[] };

/** The table of contents: sections only, nested. */
export function TableOfContents({ sections, language }: { sections: ContentsSection[]; language: string }) {
  if (sections.length === 0) return null;
  return (
    <ol role="list">
      {sections.map((section) => (
        <li key={section.id}>
          <a href={`#section-${section.number}`}>
            {section.number} <span lang={section.headingLanguage ?? language} dir={localeDirection(section.headingLanguage ?? language)}>{section.heading}</span>
          </a>
          <TableOfContents sections={section.sections} language={language} />
        </li>
      ))}
    </ol>
  );
}
