import type { Block } from "./block";
import { LONG_MESSAGE_LIMIT } from "./limits";
import { buildOutline, type OutlineSection } from "./outline";
import { characterCount } from "./plain-text";
import { buildIntroduction, buildSectionContent, type SectionContent } from "./section-content";
import type { ImportOptions, ImportWarning, ParsedDocument, ParsedSection } from "./types";

type DraftSection = { heading: string; content: SectionContent; children: DraftSection[] };

/** Blocks (from either format) to the numbered section tree, with warnings and counts. */
export function buildDocument(blocks: readonly Block[], options: ImportOptions = {}): ParsedDocument {
  const outline = buildOutline(blocks);
  const warnings: ImportWarning[] = [];

  const intro = buildIntroduction(outline.preamble);
  for (const table of intro.tables) {
    warnings.push({ code: "TABLE_OF_CONTENTS", sectionNumber: null, heading: null, lineCount: table.lineCount, sectionDropped: false });
  }
  if (intro.listItemCount > 0) warnings.push({ code: "LIST_BEFORE_FIRST_HEADING", itemCount: intro.listItemCount });

  let continuations = 0;
  const nextContinuationId = () => `c${(continuations += 1)}`;
  // Depth-first, content before children: that is document order, so ids are too.
  const draft = (section: OutlineSection): DraftSection => ({
    heading: section.heading,
    content: buildSectionContent(section.blocks, options, nextContinuationId),
    children: section.children.map(draft),
  });
  const sections = numberSections(outline.sections.map(draft), null, warnings);

  return {
    title: outline.title,
    introduction: intro.introduction,
    sections,
    counts: countAll(sections),
    warnings,
  };
}

// A section that held nothing but a table of contents is the table of contents
// (a "Contents" heading): it is left out with the block, not kept empty.
function isOnlyTableOfContents({ content, children }: DraftSection): boolean {
  return (
    content.tables.length > 0 && content.introduction === "" && content.messages.length === 0 && children.length === 0
  );
}

function numberSections(drafts: DraftSection[], parentNumber: string | null, warnings: ImportWarning[]): ParsedSection[] {
  const sections: ParsedSection[] = [];
  const firstWithHeading = new Map<string, string>();
  for (const draft of drafts) {
    const { heading, content } = draft;
    if (isOnlyTableOfContents(draft)) {
      for (const table of content.tables) {
        warnings.push({ code: "TABLE_OF_CONTENTS", sectionNumber: null, heading, lineCount: table.lineCount, sectionDropped: true });
      }
      continue;
    }
    const number = parentNumber === null ? `${sections.length + 1}` : `${parentNumber}.${sections.length + 1}`;
    for (const table of content.tables) {
      warnings.push({ code: "TABLE_OF_CONTENTS", sectionNumber: number, heading, lineCount: table.lineCount, sectionDropped: false });
    }

    const key = heading.normalize("NFKC").toLocaleLowerCase();
    const first = firstWithHeading.get(key);
    if (first === undefined) firstWithHeading.set(key, number);
    else warnings.push({ code: "DUPLICATE_HEADING", sectionNumber: number, heading, firstSectionNumber: first });

    const messages = content.messages.map((message, index) => {
      const messageNumber = `${number}.${index + 1}`;
      if (message.continuation) {
        const { id, merged } = message.continuation;
        warnings.push({ code: "CONTINUATION", continuationId: id, messageNumber, merged });
      }
      const length = characterCount(message.text);
      if (length > LONG_MESSAGE_LIMIT) {
        warnings.push({ code: "LONG_MESSAGE", messageNumber, length, limit: LONG_MESSAGE_LIMIT });
      }
      return { number: messageNumber, ...message };
    });

    const children = numberSections(draft.children, number, warnings);
    if (messages.length === 0 && content.introduction === "" && children.length === 0) {
      warnings.push({ code: "EMPTY_SECTION", sectionNumber: number, heading });
    }
    sections.push({ number, heading, introduction: content.introduction, messages, sections: children });
  }
  return sections;
}

function countAll(sections: readonly ParsedSection[]): ParsedDocument["counts"] {
  return sections.reduce(
    (total, section) => {
      const inner = countAll(section.sections);
      return {
        sections: total.sections + 1 + inner.sections,
        messages: total.messages + section.messages.length + inner.messages,
      };
    },
    { sections: 0, messages: 0 },
  );
}
