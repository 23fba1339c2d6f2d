import { normaliseForMatching } from "@/lib/text/fingerprint";
import { NEAR_DUPLICATE_SIMILARITY } from "./schemas";

export type DuplicateCandidate = { id: string; body: string };

/** Comments whose normalised texts are the same or nearly the same; `exact` when all of them are the same. */
export type DuplicateGroup = { ids: string[]; exact: boolean };

/**
 * Groups comments that say the same thing (a campaign's copies): first by
 * equal normalised text (lib/text/fingerprint's normalisation), then the
 * distinct texts by the Jaccard similarity of their character shingles
 * (trigrams; bigrams in Chinese, Japanese, Korean) ≥ `threshold`,
 * joined transitively (union-find); only texts that share a rare shingle are
 * compared. Groups of two or more, the largest first, each in input order.
 */
export function groupDuplicates(comments: readonly DuplicateCandidate[], threshold = NEAR_DUPLICATE_SIMILARITY): DuplicateGroup[] {
  const byText = new Map<string, number[]>();
  comments.forEach((comment, index) => {
    const text = normaliseForMatching(comment.body);
    const same = byText.get(text);
    if (same) same.push(index);
    else byText.set(text, [index]);
  });
  const texts = [...byText.keys()];
  const members = [...byText.values()];
  const sets = tokenSets(texts);
  const parent = texts.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]!]!;
      index = parent[index]!;
    }
    return index;
  };
  for (const [a, b] of similarPairs(sets, threshold)) parent[find(a)] = find(b);

  const groups = new Map<number, number[]>();
  texts.forEach((_, index) => pushTo(groups, find(index), index));
  return [...groups.values()]
    .map((textIndexes) => ({ indexes: textIndexes.flatMap((index) => members[index]!).sort((a, b) => a - b), exact: textIndexes.length === 1 }))
    .filter((group) => group.indexes.length >= 2)
    .sort((a, b) => b.indexes.length - a.indexes.length || a.indexes[0]! - b.indexes[0]!)
    .map(({ indexes, exact }) => ({ ids: indexes.map((index) => comments[index]!.id), exact }));
}

/** Scripts written without spaces, where one character often is a word: shingles of two characters. */
const DENSE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Character shingles (by code point, so Chinese and emoji count as one
 * character each: trigrams, bigrams for Chinese, Japanese and Korean) as
 * token ids, rarest first.
 */
function tokenSets(texts: readonly string[]): number[][] {
  const ids = new Map<string, number>();
  const raw = texts.map((text) => {
    const characters = Array.from(text);
    const size = DENSE_SCRIPT.test(text) ? 2 : 3;
    const grams = new Set<string>();
    if (characters.length < size) grams.add(text);
    for (let i = 0; i + size <= characters.length; i++) grams.add(characters.slice(i, i + size).join(""));
    return [...grams].map((gram) => {
      let id = ids.get(gram);
      if (id === undefined) ids.set(gram, (id = ids.size));
      return id;
    });
  });
  const frequency = new Array<number>(ids.size).fill(0);
  for (const set of raw) for (const id of set) frequency[id]!++;
  // Rank: rarer first, ties by id; every set is sorted by it, so intersections are merges.
  const order = [...frequency.keys()].sort((a, b) => frequency[a]! - frequency[b]! || a - b);
  const rank = new Array<number>(ids.size);
  order.forEach((id, position) => (rank[id] = position));
  return raw.map((set) => set.map((id) => rank[id]!).sort((a, b) => a - b));
}

/**
 * Pairs of sets with Jaccard ≥ t, by prefix filtering with positions
 * (PPJoin): sets are taken shortest first; each indexes the rarest tokens it
 * must share with any longer match, and probes with the rarest tokens any
 * shorter match must share; a candidate whose overlap can no longer reach
 * what t requires is dropped before the full comparison.
 */
function* similarPairs(sets: readonly number[][], threshold: number): Generator<[number, number]> {
  const order = [...sets.keys()].sort((a, b) => sets[a]!.length - sets[b]!.length);
  const index = new Map<number, number[]>();
  // Per probing set: the overlap counted so far with each candidate (-1: dropped), and which were touched.
  const overlap = new Int32Array(sets.length);
  const touched: number[] = [];
  for (const current of order) {
    const x = sets[current]!;
    const probe = x.length - Math.ceil(threshold * x.length) + 1;
    for (let i = 0; i < probe; i++) {
      const postings = index.get(x[i]!);
      if (!postings) continue;
      // Postings hold pairs: set, position of the token in it.
      for (let k = 0; k < postings.length; k += 2) {
        const other = postings[k]!;
        const seen = overlap[other]!;
        if (seen < 0) continue;
        const y = sets[other]!;
        if (y.length < threshold * x.length) continue;
        if (seen === 0) touched.push(other);
        const needed = Math.ceil((threshold / (1 + threshold)) * (x.length + y.length));
        const possible = seen + 1 + Math.min(x.length - i - 1, y.length - postings[k + 1]! - 1);
        overlap[other] = possible >= needed ? seen + 1 : -1;
      }
    }
    for (const other of touched) {
      if (overlap[other]! > 0 && similarEnough(sets[other]!, x, threshold)) yield [other, current];
      overlap[other] = 0;
    }
    touched.length = 0;
    const indexed = x.length - Math.ceil(((2 * threshold) / (1 + threshold)) * x.length) + 1;
    for (let i = 0; i < indexed; i++) {
      const postings = index.get(x[i]!);
      if (postings) postings.push(current, i);
      else index.set(x[i]!, [current, i]);
    }
  }
}

/** Whether Jaccard(a, b) ≥ t, for sets sorted alike; stops as soon as the overlap t needs is out of reach. */
function similarEnough(a: readonly number[], b: readonly number[], threshold: number) {
  const needed = Math.ceil((threshold / (1 + threshold)) * (a.length + b.length));
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length && shared + Math.min(a.length - i, b.length - j) >= needed) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared >= needed && shared / (a.length + b.length - shared) >= threshold;
}

function pushTo(map: Map<number, number[]>, key: number, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
