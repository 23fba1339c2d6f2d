import { bestFuzzyMatch } from "./anchor-fuzzy";
import { splitsSurrogatePair } from "./anchor-unicode";

/** Passages offered when a typed quote is not in the text. */
export const NEAREST_PASSAGES_MAX = 3;
/** Least similarity (0..1) of a passage worth offering: looser than re-anchoring, as the person chooses. */
export const NEAREST_PASSAGE_THRESHOLD = 0.5;

export type NearPassage = { start: number; end: number; exact: string };

/**
 * The passages of `text` most like a quote that is not in it (a variant
 * character such as 互连 for 互联, a typo), best first. Each found passage
 * is blanked out (same length, so offsets hold) before the next is sought.
 * Quotes too short for bigrams are compared character by character.
 */
export function nearestPassages(text: string, quote: string, max = NEAREST_PASSAGES_MAX): NearPassage[] {
  const wanted = quote.trim();
  if (!wanted || wanted.length > text.length) return [];
  const found: NearPassage[] = [];
  let searched = text;
  while (found.length < max) {
    const match = wanted.length < 4 ? bestByCharacters(searched, wanted) : bestFuzzyMatch(searched, { exact: wanted, prefix: "", suffix: "" }, 0);
    if (!match || match.score < NEAREST_PASSAGE_THRESHOLD) break;
    found.push({ start: match.start, end: match.end, exact: text.slice(match.start, match.end) });
    searched = searched.slice(0, match.start) + "\u0000".repeat(match.end - match.start) + searched.slice(match.end);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The window of the quote's length with the most characters in the same places (first one on a tie). */
function bestByCharacters(text: string, quote: string): { start: number; end: number; score: number } | null {
  let best: { start: number; end: number; score: number } | null = null;
  for (let start = 0; start + quote.length <= text.length; start++) {
    if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, start + quote.length)) continue;
    let same = 0;
    for (let i = 0; i < quote.length; i++) if (text[start + i] === quote[i]) same++;
    const score = same / quote.length;
    if (!best || score > best.score) best = { start, end: start + quote.length, score };
  }
  return best;
}
