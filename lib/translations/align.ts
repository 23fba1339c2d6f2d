import type { ParsedDocument, ParsedSection } from "@/lib/import/types";

/**
 * How a translated document lines up with the original: by the numbers of
 * its sections and messages (the import numbers both the same way, by their
 * place in the document). What either side has that the other lacks is
 * listed, in its document's order, for the secretariat to see before saving.
 */
export type Alignment = {
  messages: { matched: number; missing: string[]; extra: string[] };
  sections: { matched: number; missing: string[]; extra: string[] };
  /** The headings side by side, for the secretariat to see that the numbers really line up. */
  headings: { number: string; original: string; translated: string }[];
};

export type TranslatedParts = {
  sections: Map<string, { heading: string; introduction: string }>;
  messages: Map<string, string>;
};

/** The translated document's sections and messages by number. */
export function translatedParts(document: ParsedDocument): TranslatedParts {
  const parts: TranslatedParts = { sections: new Map(), messages: new Map() };
  const walk = (sections: ParsedSection[]) => {
    for (const section of sections) {
      parts.sections.set(section.number, { heading: section.heading, introduction: section.introduction });
      for (const message of section.messages) parts.messages.set(message.number, message.text);
      walk(section.sections);
    }
  };
  walk(document.sections);
  return parts;
}

/** `original`: the consultation's sections (number and heading) and message numbers, in document order. */
export function alignTranslation(original: { sections: { number: string; heading: string }[]; messages: string[] }, parts: TranslatedParts): Alignment {
  const side = (numbers: string[], translated: Map<string, unknown>) => {
    const known = new Set(numbers);
    return {
      matched: numbers.filter((number) => translated.has(number)).length,
      missing: numbers.filter((number) => !translated.has(number)),
      extra: [...translated.keys()].filter((number) => !known.has(number)),
    };
  };
  return {
    messages: side(original.messages, parts.messages),
    sections: side(
      original.sections.map((section) => section.number),
      parts.sections,
    ),
    headings: original.sections.flatMap(({ number, heading }) => {
      const translated = parts.sections.get(number);
      return translated ? [{ number, original: heading, translated: translated.heading }] : [];
    }),
  };
}
