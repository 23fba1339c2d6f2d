import { parseMarkdown } from "@/lib/import/parse-document";
import type { ImportOptions, ParsedDocument, ParsedMessage, ParsedSection, ParseResult } from "@/lib/import/types";

// Test helpers: unwrap a successful parse and find things by their number.

export function expectDocument(result: ParseResult): ParsedDocument {
  if (!result.ok) throw new Error(`expected a document, got error ${JSON.stringify(result.error)}`);
  return result.document;
}

export function parseOk(source: string, options?: ImportOptions): ParsedDocument {
  return expectDocument(parseMarkdown(source, options));
}

export function allSections(sections: readonly ParsedSection[]): ParsedSection[] {
  return sections.flatMap((section) => [section, ...allSections(section.sections)]);
}

export function allMessages(document: ParsedDocument): ParsedMessage[] {
  return allSections(document.sections).flatMap((section) => section.messages);
}

export function sectionByNumber(document: ParsedDocument, number: string): ParsedSection {
  const section = allSections(document.sections).find((candidate) => candidate.number === number);
  if (!section) throw new Error(`no section ${number}`);
  return section;
}

export function messageByNumber(document: ParsedDocument, number: string): ParsedMessage {
  const message = allMessages(document).find((candidate) => candidate.number === number);
  if (!message) throw new Error(`no message ${number}`);
  return message;
}

/** The tree as "number heading" lines, for compact structural assertions. */
export function outlineOf(document: ParsedDocument): string[] {
  return allSections(document.sections).map((section) => `${section.number} ${section.heading}`);
}
