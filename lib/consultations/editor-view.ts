import type { MessageNode, SectionNode } from "./read-tree";

/** How many messages the editor's filter lists at once: enough for any sensible query. */
export const FILTER_RESULTS_MAX = 50;
/** What a message shows in the editor's list until it is opened for editing. */
export const FIRST_LINE_MAX = 120;

export type FoundMessage = { message: MessageNode; section: Pick<SectionNode, "id" | "number" | "heading"> };

/** A message's first line, cut short: what it shows in the list until it is opened for editing. */
export function firstLine(text: string, max = FIRST_LINE_MAX): string {
  const line = text.split("\n", 1)[0]?.trim() ?? "";
  const characters = [...line];
  return characters.length > max ? `${characters.slice(0, max).join("")}…` : line;
}

const normalise = (text: string) => text.normalize("NFKC").toLocaleLowerCase();

/**
 * The messages a query names: a number ("3.2" finds 3.2 if it is a message
 * and every message under section 3.2), else every message containing all of
 * its words (any order, any case; Chinese needs no spaces: the query is a substring).
 */
export function filterMessages(sections: readonly SectionNode[], query: string): FoundMessage[] {
  const wanted = query.trim();
  if (wanted === "") return [];
  const number = /^\d+(\.\d+)*\.?$/.test(wanted) ? wanted.replace(/\.$/, "") : null;
  const words = normalise(wanted).split(/\s+/).filter(Boolean);
  const matches = (message: MessageNode) =>
    number !== null
      ? message.number === number || message.number.startsWith(`${number}.`)
      : words.every((word) => normalise(message.text).includes(word));
  const found: FoundMessage[] = [];
  const walk = (list: readonly SectionNode[]) => {
    for (const section of list) {
      for (const message of section.messages) {
        if (matches(message)) found.push({ message, section: { id: section.id, number: section.number, heading: section.heading } });
      }
      walk(section.sections);
    }
  };
  walk(sections);
  return found;
}

/** The ids of the section holding this message (or this section) and of every section around it: they are shown open. */
export function openSectionIds(sections: readonly SectionNode[], target: { messageId?: string | null; sectionId?: string | null }): Set<string> {
  const path: string[] = [];
  const visit = (list: readonly SectionNode[]): boolean => {
    for (const section of list) {
      path.push(section.id);
      const here = section.id === target.sectionId || (target.messageId != null && section.messages.some((message) => message.id === target.messageId));
      if (here || visit(section.sections)) return true;
      path.pop();
    }
    return false;
  };
  return visit(sections) ? new Set(path) : new Set();
}
