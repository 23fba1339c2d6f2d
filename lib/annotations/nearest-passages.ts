import { bestFuzzyMatch, LENGTH_TOLERANCE } from "./anchor-fuzzy";
import { splitsSurrogatePair } from "./anchor-unicode";

/** Passages offered when a typed quote is not in the text. */
export const NEAREST_PASSAGES_MAX = 3;
/** Least similarity (0..1) of a passage worth offering: looser than re-anchoring, as the person chooses. */
export const NEAREST_PASSAGE_THRESHOLD = 0.5;
/** Typed quotes up to this length have the edges of their match settled by edit distance. */
const SETTLED_MAX = 64;

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
    const fuzzy = wanted.length < 4 ? bestByCharacters(searched, wanted) : bestFuzzyMatch(searched, { exact: wanted, prefix: "", suffix: "" }, 0);
    if (!fuzzy || fuzzy.score < NEAREST_PASSAGE_THRESHOLD) break;
    const match = settleEdges(searched, wanted, fuzzy);
    found.push({ start: match.start, end: match.end, exact: text.slice(match.start, match.end) });
    searched = searched.slice(0, match.start) + "\u0000".repeat(match.end - match.start) + searched.slice(match.end);
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Bigrams favour a shorter passage when a quote's last character is a
 * variant (数字鸿 for a typed 数字鸿构): near the match, the passage with
 * the fewest edits from the quote wins, then the one of its length.
 */
function settleEdges(text: string, quote: string, match: { start: number; end: number }): { start: number; end: number } {
  if (quote.length > SETTLED_MAX) return match;
  const reach = Math.ceil(quote.length * LENGTH_TOLERANCE);
  let best = { ...match, distance: editDistance(quote, text.slice(match.start, match.end)) };
  for (let start = Math.max(0, match.start - reach); start <= match.start + reach; start++) {
    for (let end = Math.max(start + 1, match.end - reach); end <= Math.min(text.length, match.end + reach); end++) {
      const passage = text.slice(start, end);
      if (passage.includes("\u0000") || splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) continue;
      const distance = editDistance(quote, passage);
      const closer = Math.abs(passage.length - quote.length) < Math.abs(best.end - best.start - quote.length);
      if (distance < best.distance || (distance === best.distance && closer)) best = { start, end, distance };
    }
  }
  return best;
}

/** Levenshtein distance, in UTF-16 code units. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
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
