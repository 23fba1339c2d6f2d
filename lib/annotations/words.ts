/** A word of a message, as a stop of the passage picker: offsets in the text, and whether a clause begins with it. */
export type Word = { start: number; end: number; clauseStart: boolean };

/** Punctuation that ends a clause, in Chinese, Arabic and Latin scripts (and a line break). */
const CLAUSE_END = /[,.;:!?，。；：！？、؛،؟\n]/u;

/**
 * The words of `text` by the reader's language rules (Intl.Segmenter: a
 * dictionary for Chinese, spaces and punctuation elsewhere). Spaces and
 * punctuation are not stops: a passage runs from a word's start to a word's end.
 */
export function wordsOf(text: string, language: string): Word[] {
  const words: Word[] = [];
  let clauseStart = true;
  for (const { segment, index, isWordLike } of new Intl.Segmenter(language, { granularity: "word" }).segment(text)) {
    if (isWordLike) {
      words.push({ start: index, end: index + segment.length, clauseStart });
      clauseStart = false;
    } else if (CLAUSE_END.test(segment)) {
      clauseStart = true;
    }
  }
  return words;
}

/** The word a clause jump lands on: the next clause's first word, or the start of this (or the previous) clause. */
export function clauseJump(words: Word[], from: number, direction: 1 | -1): number {
  if (direction === 1) {
    for (let at = from + 1; at < words.length; at++) if (words[at]!.clauseStart) return at;
    return words.length - 1;
  }
  for (let at = from - 1; at > 0; at--) if (words[at]!.clauseStart) return at;
  return 0;
}
