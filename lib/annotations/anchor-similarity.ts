/** A character bigram as one number (two UTF-16 code units), cheap to hash. */
export function bigramAt(text: string, index: number): number {
  return text.charCodeAt(index) * 0x10000 + text.charCodeAt(index + 1);
}

/**
 * Sørensen–Dice coefficient on the multisets of character bigrams, 0..1.
 * Characters rather than words, so it works for Chinese (no spaces) as well as
 * English. Strings too short to have a bigram are similar only when equal.
 */
export function bigramDice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const remaining = new Map<number, number>();
  for (let i = 0; i + 1 < a.length; i++) {
    const bigram = bigramAt(a, i);
    remaining.set(bigram, (remaining.get(bigram) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const bigram = bigramAt(b, i);
    const count = remaining.get(bigram) ?? 0;
    if (count > 0) {
      shared++;
      remaining.set(bigram, count - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/**
 * How well the text just before `start` matches a stored prefix, 0..1,
 * compared edge to edge over the prefix's length; undefined without a prefix.
 * An empty prefix says nothing: the old version's start may now have text before it.
 */
export function prefixSimilarity(text: string, start: number, prefix: string): number | undefined {
  return prefix ? bigramDice(prefix, text.slice(Math.max(0, start - prefix.length), start)) : undefined;
}

/** The same after `end`, for a stored suffix. */
export function suffixSimilarity(text: string, end: number, suffix: string): number | undefined {
  return suffix ? bigramDice(suffix, text.slice(end, end + suffix.length)) : undefined;
}

/** The mean over the sides that have context; 0 when neither has. */
export function meanContext(before: number | undefined, after: number | undefined): number {
  if (before === undefined) return after ?? 0;
  return after === undefined ? before : (before + after) / 2;
}

export function contextSimilarity(text: string, start: number, end: number, prefix: string, suffix: string): number {
  return meanContext(prefixSimilarity(text, start, prefix), suffixSimilarity(text, end, suffix));
}
