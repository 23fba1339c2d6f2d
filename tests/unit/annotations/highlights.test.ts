import { describe, expect, it } from "vitest";
import { highlightSegments, type HighlightRange, type HighlightSegment } from "@/lib/annotations/highlights";

const ZH = "全球海底电缆网络的韧性取决于主动规划、内置冗余以及快速响应事件的能力。";
const EN = "The committee will publish its final report by the end of March.";

/** Segments as [text, ids] pairs, easier to read in expectations. */
const brief = (segments: HighlightSegment[]) => segments.map((segment) => [segment.text, segment.ids]);

const rangeOf = (id: string, text: string, passage: string): HighlightRange => {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`fixture: "${passage}" is not in the text`);
  return { id, start, end: start + passage.length };
};

/** Invariants every layout must hold: consecutive, non-empty, rejoining to the text. */
function expectWellFormed(text: string, segments: HighlightSegment[]) {
  expect(segments.map((segment) => segment.text).join("")).toBe(text);
  let at = 0;
  for (const segment of segments) {
    expect(segment.start).toBe(at);
    expect(segment.end).toBeGreaterThan(segment.start);
    expect(segment.text).toBe(text.slice(segment.start, segment.end));
    at = segment.end;
  }
  expect(at).toBe(text.length);
}

describe("highlightSegments", () => {
  it("returns the whole text as one plain segment without ranges", () => {
    const { segments, firstSegmentOf } = highlightSegments(ZH, []);
    expect(segments).toEqual([{ text: ZH, start: 0, end: ZH.length, ids: [] }]);
    expect(firstSegmentOf).toEqual({});
  });

  it("returns no segments for an empty text", () => {
    expect(highlightSegments("", [{ id: "a", start: 0, end: 0 }])).toEqual({ segments: [], firstSegmentOf: {} });
  });

  it("marks one range", () => {
    const { segments, firstSegmentOf } = highlightSegments(ZH, [rangeOf("a", ZH, "主动规划")]);
    expect(brief(segments)).toEqual([
      ["全球海底电缆网络的韧性取决于", []],
      ["主动规划", ["a"]],
      ["、内置冗余以及快速响应事件的能力。", []],
    ]);
    expect(segments[1]).toMatchObject({ start: 14, end: 18 });
    expect(firstSegmentOf).toEqual({ a: 1 });
    expectWellFormed(ZH, segments);
  });

  it("marks a range covering the whole text, or its first or last character", () => {
    expect(brief(highlightSegments(EN, [{ id: "all", start: 0, end: EN.length }]).segments)).toEqual([[EN, ["all"]]]);
    const edges = highlightSegments(ZH, [
      { id: "first", start: 0, end: 1 },
      { id: "last", start: ZH.length - 1, end: ZH.length },
    ]);
    expect(brief(edges.segments)).toEqual([
      ["全", ["first"]],
      [ZH.slice(1, -1), []],
      ["。", ["last"]],
    ]);
    expect(edges.firstSegmentOf).toEqual({ first: 0, last: 2 });
  });

  it("splits two overlapping ranges into flat segments", () => {
    const { segments, firstSegmentOf } = highlightSegments(ZH, [
      rangeOf("a", ZH, "主动规划、内置冗余"),
      rangeOf("b", ZH, "内置冗余以及快速响应"),
    ]);
    expect(brief(segments)).toEqual([
      ["全球海底电缆网络的韧性取决于", []],
      ["主动规划、", ["a"]],
      ["内置冗余", ["a", "b"]],
      ["以及快速响应", ["b"]],
      ["事件的能力。", []],
    ]);
    expect(firstSegmentOf).toEqual({ a: 1, b: 2 });
    expectWellFormed(ZH, segments);
  });

  it("lists ids in the order their ranges start, whatever the input order", () => {
    const { segments } = highlightSegments(ZH, [rangeOf("b", ZH, "内置冗余以及快速响应"), rangeOf("a", ZH, "主动规划、内置冗余")]);
    expect(segments[2]).toMatchObject({ text: "内置冗余", ids: ["a", "b"] });
  });

  it("nests a range inside another, outermost first", () => {
    const { segments, firstSegmentOf } = highlightSegments(EN, [
      rangeOf("inner", EN, "final"),
      rangeOf("outer", EN, "publish its final report"),
    ]);
    expect(brief(segments)).toEqual([
      ["The committee will ", []],
      ["publish its ", ["outer"]],
      ["final", ["outer", "inner"]],
      [" report", ["outer"]],
      [" by the end of March.", []],
    ]);
    expect(firstSegmentOf).toEqual({ outer: 1, inner: 2 });
  });

  it("puts identical ranges in one segment, in input order", () => {
    const { segments, firstSegmentOf } = highlightSegments(ZH, [rangeOf("x", ZH, "内置冗余"), rangeOf("y", ZH, "内置冗余")]);
    expect(brief(segments)).toEqual([
      ["全球海底电缆网络的韧性取决于主动规划、", []],
      ["内置冗余", ["x", "y"]],
      ["以及快速响应事件的能力。", []],
    ]);
    expect(firstSegmentOf).toEqual({ x: 1, y: 1 });
  });

  it("keeps touching ranges apart (one ends where the next starts)", () => {
    const { segments, firstSegmentOf } = highlightSegments(EN, [
      rangeOf("a", EN, "final "),
      rangeOf("b", EN, "report"),
    ]);
    expect(brief(segments)).toEqual([
      ["The committee will publish its ", []],
      ["final ", ["a"]],
      ["report", ["b"]],
      [" by the end of March.", []],
    ]);
    expect(firstSegmentOf).toEqual({ a: 1, b: 2 });
  });

  it("ends a segment at every range's end, so each note can follow its passage", () => {
    // Two passages of one annotation that touch stay two segments.
    const { segments } = highlightSegments(EN, [
      { id: "a", start: 0, end: 3 },
      { id: "a", start: 3, end: 13 },
    ]);
    expect(segments.map((segment) => segment.end)).toEqual([3, 13, EN.length]);
  });

  it("lists an id once when its ranges overlap", () => {
    const { segments, firstSegmentOf } = highlightSegments(EN, [
      { id: "a", start: 0, end: 13 },
      { id: "a", start: 4, end: 18 },
    ]);
    expect(brief(segments)).toEqual([
      ["The ", ["a"]],
      ["committee", ["a"]],
      [" will", ["a"]],
      [EN.slice(18), []],
    ]);
    expect(firstSegmentOf).toEqual({ a: 0 });
  });

  it("ignores empty, reversed, out-of-range and fractional ranges", () => {
    const valid = rangeOf("ok", ZH, "冗余");
    const { segments, firstSegmentOf } = highlightSegments(ZH, [
      { id: "empty", start: 5, end: 5 },
      { id: "reversed", start: 9, end: 3 },
      { id: "negative", start: -1, end: 3 },
      { id: "beyond", start: 30, end: ZH.length + 1 },
      { id: "fraction", start: 1.5, end: 3 },
      { id: "nan", start: Number.NaN, end: 3 },
      valid,
    ]);
    expect(brief(segments)).toEqual([
      ["全球海底电缆网络的韧性取决于主动规划、内置", []],
      ["冗余", ["ok"]],
      ["以及快速响应事件的能力。", []],
    ]);
    expect(firstSegmentOf).toEqual({ ok: 1 });
  });

  it("keeps an id such as __proto__ as an ordinary key", () => {
    const { firstSegmentOf } = highlightSegments(EN, [{ id: "__proto__", start: 4, end: 13 }]);
    expect(Object.keys(firstSegmentOf)).toEqual(["__proto__"]);
    expect(firstSegmentOf["__proto__"]).toBe(1);
  });

  it("matches a brute-force check for 1,000 random ranges on a 5,000-character text", () => {
    let state = 42;
    const random = (below: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state % below;
    };
    const text = (ZH + EN).repeat(60).slice(0, 5_000);
    const ranges: HighlightRange[] = Array.from({ length: 1_000 }, (_, i) => {
      const start = random(text.length + 20) - 10; // a few out of range, some empty or reversed
      const length = random(8) === 0 ? random(2_000) : random(60) - 5;
      return { id: `c${i}`, start, end: start + length };
    });

    const { segments, firstSegmentOf } = highlightSegments(text, ranges);

    expectWellFormed(text, segments);
    const valid = ranges.filter(({ start, end }) => start >= 0 && start < end && end <= text.length);
    expect(valid.length).toBeGreaterThan(700);
    expect(valid.length).toBeLessThan(1_000);
    // Brute force: every character knows which valid ranges cover it.
    const covering = Array.from({ length: text.length }, () => [] as string[]);
    for (const range of valid) for (let i = range.start; i < range.end; i++) covering[i]!.push(range.id);
    for (const segment of segments) {
      for (let i = segment.start; i < segment.end; i++) expect([...segment.ids].sort()).toEqual([...covering[i]!].sort());
    }
    // Each valid id's first segment is the one holding its start; invalid ids have none.
    for (const range of valid) {
      const first = firstSegmentOf[range.id];
      expect(first, range.id).toBeDefined();
      expect(segments[first!]!.start).toBe(range.start);
    }
    expect(Object.keys(firstSegmentOf)).toHaveLength(valid.length);
    // Every range's start and end is a boundary.
    const boundaries = new Set(segments.flatMap((segment) => [segment.start, segment.end]));
    for (const range of valid) expect(boundaries.has(range.start) && boundaries.has(range.end)).toBe(true);
  });
});
