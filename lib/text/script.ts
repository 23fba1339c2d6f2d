/** Writing systems told apart by their Unicode script (ISO 15924 names as Intl.Locale gives them). */
const SCRIPT_PATTERNS = {
  Latn: /\p{Script=Latin}/u,
  Hani: /\p{Script=Han}/u,
  Hira: /\p{Script=Hiragana}/u,
  Kana: /\p{Script=Katakana}/u,
  Hang: /\p{Script=Hangul}/u,
  Cyrl: /\p{Script=Cyrillic}/u,
  Arab: /\p{Script=Arabic}/u,
  Grek: /\p{Script=Greek}/u,
  Hebr: /\p{Script=Hebrew}/u,
  Deva: /\p{Script=Devanagari}/u,
  Thai: /\p{Script=Thai}/u,
} as const;

type Script = keyof typeof SCRIPT_PATTERNS;

/** The scripts a language's text is written in: Chinese in Han, Japanese in Han and kana, Korean in Hangul (and Han). */
const WRITTEN_IN: Record<string, Script[]> = {
  Hans: ["Hani"],
  Hant: ["Hani"],
  Hani: ["Hani"],
  Jpan: ["Hani", "Hira", "Kana"],
  Kore: ["Hang", "Hani"],
};

/** The script most letters of the text are written in, or null when it has no letters of a known script. */
export function dominantScript(text: string): Script | null {
  const counts = new Map<Script, number>();
  for (const character of text) {
    for (const [script, pattern] of Object.entries(SCRIPT_PATTERNS) as [Script, RegExp][]) {
      if (pattern.test(character)) counts.set(script, (counts.get(script) ?? 0) + 1);
    }
  }
  let best: Script | null = null;
  for (const [script, count] of counts) if (best === null || count > counts.get(best)!) best = script;
  return best;
}

/** The scripts a document in `language` (a BCP 47 tag) is written in; null for a tag Intl cannot place. */
export function scriptsOfLanguage(language: string): string[] | null {
  try {
    const script = new Intl.Locale(language).maximize().script;
    return script ? (WRITTEN_IN[script] ?? [script]) : null;
  } catch {
    return null;
  }
}

/**
 * True when the words typed are written in another script than the
 * document's language (Latin words searched for in a Chinese document), so
 * the search page can say which language the document is in.
 */
export function writtenInOtherScript(query: string, language: string): boolean {
  const typed = dominantScript(query);
  const expected = scriptsOfLanguage(language);
  return typed !== null && expected !== null && !expected.includes(typed);
}
