/*
 * Offsets are UTF-16 code-unit indices into the text (String.prototype.slice),
 * `end` exclusive, as in anchoring.ts.
 */

export type HighlightRange = { id: string; start: number; end: number };

/** A run of text covered by the same annotations; `ids` is empty for plain text. */
export type HighlightSegment = { text: string; start: number; end: number; ids: string[] };

export type HighlightLayout = {
  segments: HighlightSegment[];
  /** Index in `segments` of each annotation's first segment, for its one anchor id. */
  firstSegmentOf: Record<string, number>;
};

function isValid(range: HighlightRange, length: number) {
  const { start, end } = range;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= length;
}

function pushTo(map: Map<number, string[]>, key: number, id: string) {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/**
 * Cuts the text into consecutive segments so that overlapping and nested
 * highlights render as flat, non-overlapping marks. Every valid range's start
 * and end is a segment boundary; empty, reversed and out-of-range ranges are
 * ignored. `ids` are in the order the ranges start (outermost first; input
 * order among equal starts). O(r log r + output), never per character.
 */
export function highlightSegments(text: string, ranges: readonly HighlightRange[]): HighlightLayout {
  const startsAt = new Map<number, string[]>();
  const endsAt = new Map<number, string[]>();
  for (const range of ranges) {
    if (!isValid(range, text.length)) continue;
    pushTo(startsAt, range.start, range.id);
    pushTo(endsAt, range.end, range.id);
  }
  const boundaries = [...new Set([0, text.length, ...startsAt.keys(), ...endsAt.keys()])].sort((a, b) => a - b);

  // Counts, so that an id given two overlapping ranges is listed once; insertion order gives `ids` their order.
  const active = new Map<string, number>();
  const segments: HighlightSegment[] = [];
  // No prototype: an id such as "__proto__" stays an ordinary key.
  const firstSegmentOf: Record<string, number> = Object.create(null);
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const start = boundaries[i] ?? 0;
    const end = boundaries[i + 1] ?? text.length;
    for (const id of endsAt.get(start) ?? []) {
      const count = (active.get(id) ?? 0) - 1;
      if (count > 0) active.set(id, count);
      else active.delete(id);
    }
    for (const id of startsAt.get(start) ?? []) active.set(id, (active.get(id) ?? 0) + 1);
    const ids = [...active.keys()];
    for (const id of ids) if (!(id in firstSegmentOf)) firstSegmentOf[id] = segments.length;
    segments.push({ text: text.slice(start, end), start, end, ids });
  }
  return { segments, firstSegmentOf };
}
