import { BigramWindow, indexBigrams, type BigramIndex } from "./anchor-bigram-window";
import { meanContext, prefixSimilarity, suffixSimilarity } from "./anchor-similarity";
import { splitsSurrogatePair } from "./anchor-unicode";

/** A reworded passage may be up to this fraction shorter or longer than the quote. */
export const LENGTH_TOLERANCE = 0.25;
/** Share of the score that surrounding context can add to the quote's own similarity. */
export const CONTEXT_WEIGHT = 0.25;
/** Best coarse windows refined, besides the one at the old position. */
const REFINED_CANDIDATES = 4;
const EPSILON = 1e-9;

export type FuzzyMatch = { start: number; end: number; score: number; context: number };

type Search = {
  text: string;
  index: BigramIndex;
  prefix: string;
  suffix: string;
  minLength: number;
  maxLength: number;
  near: number;
};

/**
 * Context can vouch for a weaker quote match (the text around it is
 * unchanged), but its absence does not count against a good one: passages move.
 */
export function combinedScore(quoteSimilarity: number, context: number): number {
  return (1 - CONTEXT_WEIGHT) * quoteSimilarity + CONTEXT_WEIGHT * Math.max(quoteSimilarity, context);
}

/** Quote similarity of every window of length `length`, in O(n) whatever the quote's length. */
function coarseScores(index: BigramIndex, textLength: number, length: number): Float64Array {
  const scores = new Float64Array(textLength - length + 1);
  const window = new BigramWindow(index);
  for (let p = 0; p < length - 1; p++) window.add(p);
  scores[0] = window.dice();
  for (let start = 1; start < scores.length; start++) {
    window.remove(start - 1);
    window.add(start + length - 2);
    scores[start] = window.dice();
  }
  return scores;
}

/** The best-scoring starts, kept apart so that one region does not take every place. */
function topStarts(scores: Float64Array, count: number, apart: number): number[] {
  const order = Array.from(scores.keys()).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const picked: number[] = [];
  for (const start of order) {
    if (picked.length === count) break;
    if (picked.every((other) => Math.abs(other - start) >= apart)) picked.push(start);
  }
  return picked;
}

/** Start ranges around each candidate, overlapping ones merged so no start is tried twice. */
function regionsAround(starts: number[], reach: number, lastStart: number): [number, number][] {
  const regions: [number, number][] = [];
  const sorted = starts.map((start) => [Math.max(0, start - reach), Math.min(lastStart, start + reach)] as const);
  for (const [lo, hi] of sorted.sort((a, b) => a[0] - b[0])) {
    const last = regions.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else regions.push([lo, hi]);
  }
  return regions;
}

/** Higher score, then better context, then nearer the old position. */
function isBetter(score: number, context: number, start: number, best: FuzzyMatch | null, near: number): boolean {
  if (!best) return true;
  if (Math.abs(score - best.score) > EPSILON) return score > best.score;
  if (Math.abs(context - best.context) > EPSILON) return context > best.context;
  return Math.abs(start - near) < Math.abs(best.start - near);
}

/** Tries every start in [lo, hi] with every allowed length, sliding and growing one window. */
function refineRegion(search: Search, lo: number, hi: number, best: FuzzyMatch | null): FuzzyMatch | null {
  const { text, index, prefix, suffix, minLength, maxLength, near } = search;
  const firstEnd = lo + minLength;
  const lastEnd = Math.min(text.length, hi + maxLength);
  const after = Array.from({ length: lastEnd - firstEnd + 1 }, (_, i) => suffixSimilarity(text, firstEnd + i, suffix));
  const window = new BigramWindow(index);
  for (let p = lo; p < lo + minLength - 1; p++) window.add(p);
  for (let start = lo; start <= hi; start++) {
    if (start > lo) {
      window.remove(start - 1);
      window.add(start + minLength - 2);
    }
    const before = prefixSimilarity(text, start, prefix);
    const onBoundary = !splitsSurrogatePair(text, start);
    const endMax = Math.min(text.length, start + maxLength);
    for (let end = start + minLength; end <= endMax; end++) {
      if (end > start + minLength) window.add(end - 2);
      if (!onBoundary || splitsSurrogatePair(text, end)) continue;
      const context = meanContext(before, after[end - firstEnd]);
      const score = combinedScore(window.dice(), context);
      if (isBetter(score, context, start, best, near)) best = { start, end, score, context };
    }
    // Back to the shortest window, ready to slide.
    for (let p = start + minLength - 1; p < endMax - 1; p++) window.remove(p);
  }
  return best;
}

/**
 * The substring of `text` most similar to `exact` (bigram Dice combined with
 * context), with a length within LENGTH_TOLERANCE of the quote's; null when
 * no window fits. A coarse pass scores every start at the quote's length in
 * O(n); around the best few starts (and the old one), every nearby start and
 * allowed length is then tried, in O(m²) each. Never n×n.
 */
export function bestFuzzyMatch(
  text: string,
  selector: { exact: string; prefix: string; suffix: string },
  near: number,
): FuzzyMatch | null {
  const { exact, prefix, suffix } = selector;
  const minLength = Math.max(2, Math.ceil(exact.length * (1 - LENGTH_TOLERANCE)));
  const maxLength = Math.min(text.length, Math.floor(exact.length * (1 + LENGTH_TOLERANCE)));
  if (exact.length < 2 || minLength > maxLength) return null;

  const index = indexBigrams(exact, text);
  const coarseLength = Math.min(exact.length, maxLength);
  const scores = coarseScores(index, text.length, coarseLength);
  const lastStart = text.length - minLength;
  const oldStart = Math.min(Math.max(0, near), lastStart);
  const starts = [...topStarts(scores, REFINED_CANDIDATES, Math.ceil(coarseLength / 2)), oldStart];
  const reach = Math.ceil(exact.length * LENGTH_TOLERANCE) + 1;

  const search = { text, index, prefix, suffix, minLength, maxLength, near };
  let best: FuzzyMatch | null = null;
  for (const [lo, hi] of regionsAround(starts, reach, lastStart)) best = refineRegion(search, lo, hi, best);
  return best;
}
