import { bestFuzzyMatch } from "./anchor-fuzzy";
import { contextSimilarity } from "./anchor-similarity";
import { splitsSurrogatePair } from "./anchor-unicode";

/*
 * Offsets here (start, end) are UTF-16 code-unit indices into the message
 * text, exactly as JavaScript's String.prototype.slice takes them; `end` is
 * exclusive. The W3C export's TextPositionSelector counts code points, so it
 * must convert them (they differ only around characters outside the BMP).
 */

/** Longest passage an annotation may quote, in UTF-16 code units. */
export const QUOTE_MAX = 1000;
/** Characters of context stored on each side of a quote. */
export const CONTEXT_LENGTH = 32;
/** Least similarity (0..1) at which a reworded passage still carries its annotation. */
export const FUZZY_MATCH_THRESHOLD = 0.75;
/** Scores closer than this are a tie. */
const EPSILON = 1e-9;

/** W3C TextQuoteSelector and TextPositionSelector together, as stored. */
export type TextSelector = { exact: string; prefix: string; suffix: string; start: number; end: number };

/** A selector as a client sends it: the context is optional. */
export type SubmittedSelector = { exact: string; prefix?: string; suffix?: string; start: number; end: number };

export type SelectorProblem = "EMPTY_QUOTE" | "QUOTE_TOO_LONG" | "OUT_OF_RANGE" | "QUOTE_MISMATCH" | "CONTEXT_MISMATCH";

export type VerifyResult = { ok: true; start: number; end: number } | { ok: false; reason: SelectorProblem };

export type LocateResult =
  | { ok: true; start: number; end: number }
  | { ok: false; reason: "NOT_FOUND" | "AMBIGUOUS"; occurrences: number };

export type ReanchorResult =
  | { status: "EXACT" | "FUZZY"; start: number; end: number; score: number }
  | { status: "ORPHANED"; start?: undefined; end?: undefined; score?: undefined };

function isRange(text: string, start: number, end: number) {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length;
}

/** Every start of `quote` in `text`, overlapping ones included ("aa" is twice in "aaa"). */
function occurrencesOf(text: string, quote: string): number[] {
  const starts: number[] = [];
  if (!quote) return starts;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) starts.push(at);
  return starts;
}

/** The selectors for [start, end) of `text`, with up to CONTEXT_LENGTH characters of context each side. */
export function selectorFor(text: string, start: number, end: number): TextSelector {
  if (!isRange(text, start, end)) throw new RangeError(`[${start}, ${end}) is not a passage of a ${text.length}-character text`);
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  // Shorten rather than lengthen: the context stays within CONTEXT_LENGTH.
  if (splitsSurrogatePair(text, prefixStart)) prefixStart++;
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd--;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
    start,
    end,
  };
}

/**
 * The server's check that a submitted selector matches this version's text.
 * Offsets that cut a surrogate pair are OUT_OF_RANGE: they are not character
 * boundaries. A prefix (suffix) may be any length, shorter near the text's
 * edges, but must be exactly what precedes (follows) the quote.
 */
export function verifySelector(text: string, selector: SubmittedSelector): VerifyResult {
  const { exact, prefix, suffix, start, end } = selector;
  if (exact.length === 0) return { ok: false, reason: "EMPTY_QUOTE" };
  if (exact.length > QUOTE_MAX) return { ok: false, reason: "QUOTE_TOO_LONG" };
  if (!isRange(text, start, end) || splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    return { ok: false, reason: "OUT_OF_RANGE" };
  }
  if (text.slice(start, end) !== exact) return { ok: false, reason: "QUOTE_MISMATCH" };
  if (prefix && !text.slice(0, start).endsWith(prefix)) return { ok: false, reason: "CONTEXT_MISMATCH" };
  if (suffix && !text.startsWith(suffix, end)) return { ok: false, reason: "CONTEXT_MISMATCH" };
  return { ok: true, start, end };
}

/**
 * Finds a passage a person typed or pasted (keyboard, screen reader, no
 * JavaScript). A browser selection's offsets, sent as `hint`, pick among
 * repeats: the occurrence at the hint, or inside it (the selection may have
 * taken the whitespace the quote was trimmed of).
 */
export function locateQuote(text: string, quote: string, hint?: { start: number; end: number }): LocateResult {
  const trimmed = quote.trim();
  const starts = occurrencesOf(text, trimmed).filter(
    (at) => !splitsSurrogatePair(text, at) && !splitsSurrogatePair(text, at + trimmed.length),
  );
  const at = (start: number) => ({ ok: true as const, start, end: start + trimmed.length });
  if (hint) {
    const hinted =
      starts.find((start) => start === hint.start) ??
      starts.find((start) => start >= hint.start && start + trimmed.length <= hint.end);
    if (hinted !== undefined) return at(hinted);
  }
  const [only] = starts;
  if (only !== undefined && starts.length === 1) return at(only);
  return { ok: false, reason: starts.length === 0 ? "NOT_FOUND" : "AMBIGUOUS", occurrences: starts.length };
}

/**
 * Moves an annotation onto a new version of its message: the exact quote
 * (the occurrence with the best-matching context, then the nearest to where it
 * was), else the most similar passage if similar enough, else ORPHANED (the
 * caller still shows the original quote).
 */
export function reanchor(
  selector: { exact: string; prefix?: string; suffix?: string; start?: number; end?: number },
  newText: string,
): ReanchorResult {
  const { exact, prefix = "", suffix = "", start: oldStart = 0 } = selector;
  if (!exact || !newText) return { status: "ORPHANED" };

  let best: { start: number; context: number } | null = null;
  for (const start of occurrencesOf(newText, exact)) {
    const context = contextSimilarity(newText, start, start + exact.length, prefix, suffix);
    const better =
      !best ||
      context > best.context + EPSILON ||
      (context > best.context - EPSILON && Math.abs(start - oldStart) < Math.abs(best.start - oldStart));
    if (better) best = { start, context };
  }
  if (best) return { status: "EXACT", start: best.start, end: best.start + exact.length, score: 1 };

  const fuzzy = bestFuzzyMatch(newText, { exact, prefix, suffix }, oldStart);
  if (fuzzy && fuzzy.score >= FUZZY_MATCH_THRESHOLD) {
    return { status: "FUZZY", start: fuzzy.start, end: fuzzy.end, score: fuzzy.score };
  }
  return { status: "ORPHANED" };
}
