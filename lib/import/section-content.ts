import type { Block } from "./block";
import { isContinuation } from "./continuation";
import { joinWrapped, toPlainText } from "./plain-text";
import { removeTablesOfContents, type TableOfContents } from "./table-of-contents";
import type { ImportOptions, ParsedContinuation } from "./types";

export type DraftMessage = { text: string; continuation?: ParsedContinuation };

export type SectionContent = { introduction: string; messages: DraftMessage[]; tables: TableOfContents[] };

export type IntroductionContent = { introduction: string; listItemCount: number; tables: TableOfContents[] };

type Unit = { kind: "paragraph"; text: string; literal: boolean } | { kind: "list"; items: string[] } | { kind: "break" };

function toUnits(blocks: readonly Block[]): Unit[] {
  return blocks.map((block): Unit => {
    if (block.kind === "paragraph") {
      const text = toPlainText(block.text);
      return text === "" ? { kind: "break" } : { kind: "paragraph", text, literal: block.literal === true };
    }
    if (block.kind === "list") {
      return { kind: "list", items: block.items.map(toPlainText).filter((item) => item !== "") };
    }
    return { kind: "break" }; // headings never reach here: the outline took them
  });
}

const joinParagraphs = (paragraphs: string[]) => paragraphs.join("\n\n");

/**
 * A section's own blocks to its introduction and messages: each list item is a
 * message, paragraphs are the introduction (or messages with
 * `paragraphsAreMessages`), and a paragraph that continues a list item after a
 * page break is merged into it unless its id is in `keepSeparate`.
 */
export function buildSectionContent(
  blocks: readonly Block[],
  options: ImportOptions,
  nextContinuationId: () => string,
): SectionContent {
  const { blocks: kept, tables } = removeTablesOfContents(blocks);
  const units = toUnits(kept);
  const introduction: string[] = [];
  const messages: DraftMessage[] = [];

  for (let index = 0; index < units.length; index += 1) {
    const unit = units[index];
    if (unit?.kind === "paragraph") {
      if (options.paragraphsAreMessages) messages.push({ text: unit.text });
      else introduction.push(unit.text);
    } else if (unit?.kind === "list") {
      const listMessages: DraftMessage[] = unit.items.map((text) => ({ text }));
      const last = listMessages.at(-1);
      const next = units[index + 1];
      if (last && next?.kind === "paragraph" && !next.literal && isContinuation(unit.items, next.text)) {
        const id = nextContinuationId();
        const merged = !(options.keepSeparate?.has(id) ?? false);
        last.continuation = { id, text: next.text, merged };
        if (merged) {
          last.text = joinWrapped(last.text, next.text);
          index += 1; // the paragraph is consumed
        }
      }
      for (const message of listMessages) messages.push(message); // no spread: lists can be huge
    }
  }
  return { introduction: joinParagraphs(introduction), messages, tables };
}

/**
 * The document's introduction (text before the first heading, or a title's
 * paragraphs). List items there have no section to belong to, so they are kept
 * as lines of the introduction and counted for a warning.
 */
export function buildIntroduction(blocks: readonly Block[]): IntroductionContent {
  const { blocks: kept, tables } = removeTablesOfContents(blocks);
  const paragraphs: string[] = [];
  let listItemCount = 0;
  for (const unit of toUnits(kept)) {
    if (unit.kind === "paragraph") paragraphs.push(unit.text);
    if (unit.kind === "list" && unit.items.length > 0) {
      paragraphs.push(unit.items.join("\n"));
      listItemCount += unit.items.length;
    }
  }
  return { introduction: joinParagraphs(paragraphs), listItemCount, tables };
}
