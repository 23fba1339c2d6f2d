import { TITLE_MAX } from "./schemas";
import type { ParsedDocument, ParsedSection } from "@/lib/import/types";

/** What the import form offers to fill in from the document itself; the secretariat may change both. */
export type ImportSuggestions = { title: string | null; language: string };

/** How much of the document is looked at to guess its language: plenty for a script count. */
const SAMPLE_CHARACTERS = 20_000;

/** A title from the document's title or first heading, else the uploaded file's name without its extension (pasted text has none). */
export function suggestTitle(document: ParsedDocument, fileName: string | null): string | null {
  const fromFile = fileName ? fileName.replace(/\.[^.]*$/, "").replace(/[_]+/g, " ").trim() : "";
  const title = document.title ?? document.sections[0]?.heading ?? fromFile;
  return title.trim() ? [...title.trim()].slice(0, TITLE_MAX).join("") : null;
}

// Scripts that name one of the document languages outright.
const SCRIPTS: [RegExp, string][] = [
  [/[\p{Script=Han}]/gu, "zh"],
  [/[\p{Script=Arabic}]/gu, "ar"],
  [/[\p{Script=Cyrillic}]/gu, "ru"],
];

// Latin-script languages told apart by their commonest short words; English when none stands out.
const COMMON_WORDS: [string, ReadonlySet<string>][] = [
  ["en", new Set(["the", "and", "of", "to", "is", "in", "for", "that", "with", "are"])],
  ["fr", new Set(["le", "la", "les", "et", "des", "du", "est", "pour", "une", "dans"])],
  ["es", new Set(["el", "los", "las", "y", "que", "del", "para", "una", "con", "por"])],
  ["pt", new Set(["os", "e", "do", "da", "não", "para", "uma", "com", "dos", "das"])],
  ["de", new Set(["der", "die", "und", "das", "ist", "nicht", "mit", "für", "ein", "den"])],
];

/**
 * The document's language, guessed from its text: the script most of its
 * letters are written in (Han, Arabic, Cyrillic), else the Latin-script
 * language whose common words it uses most.
 */
export function guessLanguage(document: ParsedDocument): string {
  const sample = documentText(document).slice(0, SAMPLE_CHARACTERS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return "en";
  let best: [string, number] = ["", 0];
  for (const [pattern, language] of SCRIPTS) {
    const count = sample.match(pattern)?.length ?? 0;
    if (count > best[1]) best = [language, count];
  }
  // A Chinese document quoting English names is still Chinese: a script wins at a third of the letters.
  if (best[1] * 3 >= letters) return best[0];
  const words = sample.toLocaleLowerCase().match(/\p{L}+/gu) ?? [];
  let latin: [string, number] = ["en", 0];
  for (const [language, common] of COMMON_WORDS) {
    const count = words.filter((word) => common.has(word)).length;
    if (count > latin[1]) latin = [language, count];
  }
  return latin[0];
}

function documentText(document: ParsedDocument): string {
  const parts: string[] = [document.title ?? "", document.introduction];
  const walk = (sections: readonly ParsedSection[]) => {
    for (const section of sections) {
      parts.push(section.heading, section.introduction, ...section.messages.map((message) => message.text));
      walk(section.sections);
    }
  };
  walk(document.sections);
  return parts.join("\n");
}
