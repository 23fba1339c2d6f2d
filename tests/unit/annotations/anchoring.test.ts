import { describe, expect, it } from "vitest";
import { bigramDice, contextSimilarity } from "@/lib/annotations/anchor-similarity";
import {
  CONTEXT_LENGTH,
  FUZZY_MATCH_THRESHOLD,
  QUOTE_MAX,
  locateQuote,
  reanchor,
  selectorFor,
  verifySelector,
} from "@/lib/annotations/anchoring";

const ZH_RESILIENCE = "全球海底电缆网络的韧性取决于主动规划、内置冗余以及快速响应事件的能力。";
const ZH_COOPERATION = "各国政府应与电缆运营商紧密合作，共同建立共享的故障报告机制。";
const ZH_COSTS = "区域合作可以降低维修船只的调度成本，并且显著缩短海底电缆的修复时间。";
const ZH = ZH_COOPERATION + ZH_RESILIENCE + ZH_COSTS;

const EN_AGENDA = "Members agreed on the agenda for the second session. ";
const EN_REPORT = "The committee will publish its final report by the end of March.";
const EN_LATE = " Comments received after the deadline will not be considered.";
const EN = EN_AGENDA + EN_REPORT + EN_LATE;

/** The selector of the first occurrence of `passage` in `text`. */
function selectorOf(text: string, passage: string) {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`fixture: "${passage}" is not in the text`);
  return selectorFor(text, start, start + passage.length);
}

/** Where `passage` is in `text`, as reanchor reports it. */
function rangeOf(text: string, passage: string, from = 0) {
  const start = text.indexOf(passage, from);
  if (start < 0) throw new Error(`fixture: "${passage}" is not in the text`);
  return { start, end: start + passage.length };
}

describe("bigram similarity", () => {
  it("compares character bigrams, for Chinese and English alike", () => {
    expect(bigramDice("主动规划", "主动规划")).toBe(1);
    expect(bigramDice("主动规划", "被动应对")).toBe(0);
    // 主动 动规 规划 vs 提前 前规 规划: one of three shared.
    expect(bigramDice("主动规划", "提前规划")).toBeCloseTo(1 / 3);
    expect(bigramDice("final report", "final reports")).toBeCloseTo(22 / 23);
  });

  it("counts repeated bigrams only as often as both have them", () => {
    expect(bigramDice("哈哈哈", "哈哈")).toBeCloseTo(2 / 3);
    expect(bigramDice("abab", "baba")).toBeCloseTo(2 * 2 / 6);
  });

  it("treats strings without bigrams as similar only when equal", () => {
    expect(bigramDice("", "")).toBe(1);
    expect(bigramDice("冗", "冗")).toBe(1);
    expect(bigramDice("冗", "余")).toBe(0);
    expect(bigramDice("", "冗余")).toBe(0);
  });

  it("compares context edge to edge, and ignores a side without context", () => {
    const start = ZH.indexOf("主动规划");
    const { prefix, suffix } = selectorFor(ZH, start, start + 4);
    expect(contextSimilarity(ZH, start, start + 4, prefix, suffix)).toBe(1);
    expect(contextSimilarity(ZH, start, start + 4, "", suffix)).toBe(1);
    expect(contextSimilarity(ZH, start, start + 4, "", "")).toBe(0);
    expect(contextSimilarity(ZH, start + 1, start + 5, prefix, suffix)).toBeLessThan(1);
    expect(contextSimilarity(ZH, start + 1, start + 5, prefix, suffix)).toBeGreaterThan(0.8);
  });
});

describe("selectorFor", () => {
  it("quotes the passage with up to CONTEXT_LENGTH characters of context each side", () => {
    const start = EN.indexOf(EN_REPORT);
    const end = start + EN_REPORT.length;
    expect(selectorFor(EN, start, end)).toEqual({
      exact: EN_REPORT,
      prefix: "eed on the agenda for the second session. ".slice(-CONTEXT_LENGTH),
      suffix: " Comments received after the deadline".slice(0, CONTEXT_LENGTH),
      start,
      end,
    });
    const zhStart = ZH.indexOf("主动规划");
    expect(selectorFor(ZH, zhStart, zhStart + 4)).toMatchObject({
      prefix: "密合作，共同建立共享的故障报告机制。全球海底电缆网络的韧性取决于",
      suffix: "、内置冗余以及快速响应事件的能力。区域合作可以降低维修船只的调度",
    });
    expect(CONTEXT_LENGTH).toBe(32);
    expect(QUOTE_MAX).toBe(1000);
  });

  it("takes shorter context at the edges of the text", () => {
    expect(selectorFor(ZH, 0, 4)).toMatchObject({ exact: "各国政府", prefix: "", suffix: ZH.slice(4, 4 + CONTEXT_LENGTH) });
    const end = EN.length;
    expect(selectorFor(EN, end - 11, end)).toMatchObject({ exact: "considered.", suffix: "" });
    expect(selectorFor("短句。", 1, 2)).toEqual({ exact: "句", prefix: "短", suffix: "。", start: 1, end: 2 });
  });

  it("does not split a surrogate pair at the edges of the context", () => {
    // 😀 is two UTF-16 code units; a 32-unit window would cut through it on both sides.
    const text = `😀${"前".repeat(31)}引文${"后".repeat(31)}😀尾`;
    const start = text.indexOf("引文");
    const selector = selectorFor(text, start, start + 2);
    expect(selector.prefix).toBe("前".repeat(31));
    expect(selector.suffix).toBe("后".repeat(31));
    const whole = selectorFor(`😀${"前".repeat(30)}引文${"后".repeat(30)}😀`, 32, 34);
    expect(whole.prefix).toBe(`😀${"前".repeat(30)}`);
    expect(whole.suffix).toBe(`${"后".repeat(30)}😀`);
  });

  it("rejects a range that is not a passage of the text", () => {
    expect(() => selectorFor(EN, 5, 5)).toThrow(RangeError);
    expect(() => selectorFor(EN, 6, 5)).toThrow(RangeError);
    expect(() => selectorFor(EN, -1, 5)).toThrow(RangeError);
    expect(() => selectorFor(EN, 0, EN.length + 1)).toThrow(RangeError);
    expect(() => selectorFor(EN, 0.5, 3)).toThrow(RangeError);
  });
});

describe("verifySelector", () => {
  it("accepts what selectorFor produces, anywhere in the text", () => {
    const text = "数据：Data 🌏 保护。";
    for (let start = 0; start < text.length; start++) {
      for (let end = start + 1; end <= text.length; end++) {
        const selector = selectorFor(text, start, end);
        const splits = (i: number) => /[\udc00-\udfff]/.test(text.charAt(i)) && i > 0;
        const expected = splits(start) || splits(end) ? { ok: false, reason: "OUT_OF_RANGE" } : { ok: true, start, end };
        expect(verifySelector(text, selector)).toEqual(expected);
      }
    }
  });

  it("accepts a selector without context, or with context shorter than CONTEXT_LENGTH", () => {
    const { start, end } = rangeOf(ZH, ZH_RESILIENCE);
    expect(verifySelector(ZH, { exact: ZH_RESILIENCE, start, end })).toEqual({ ok: true, start, end });
    expect(verifySelector(ZH, { exact: ZH_RESILIENCE, prefix: "机制。", suffix: "区域", start, end })).toEqual({
      ok: true,
      start,
      end,
    });
    expect(verifySelector(ZH, { exact: "各国", prefix: "", suffix: "政府", start: 0, end: 2 })).toEqual({ ok: true, start: 0, end: 2 });
  });

  it("says why a selector does not match", () => {
    const { start, end } = rangeOf(EN, EN_REPORT);
    const valid = { exact: EN_REPORT, prefix: "session. ", suffix: " Comments", start, end };
    const reason = (changes: Partial<typeof valid>) => verifySelector(EN, { ...valid, ...changes });
    expect(reason({})).toEqual({ ok: true, start, end });
    expect(reason({ exact: "" })).toEqual({ ok: false, reason: "EMPTY_QUOTE" });
    expect(reason({ exact: "x".repeat(QUOTE_MAX + 1), end: start + QUOTE_MAX + 1 })).toEqual({ ok: false, reason: "QUOTE_TOO_LONG" });
    expect(reason({ start: -1 })).toEqual({ ok: false, reason: "OUT_OF_RANGE" });
    expect(reason({ end: EN.length + 1 })).toEqual({ ok: false, reason: "OUT_OF_RANGE" });
    expect(reason({ start: end, end: start })).toEqual({ ok: false, reason: "OUT_OF_RANGE" });
    expect(reason({ start: start + 0.5 })).toEqual({ ok: false, reason: "OUT_OF_RANGE" });
    expect(reason({ start: start + 1, end: end + 1 })).toEqual({ ok: false, reason: "QUOTE_MISMATCH" });
    expect(reason({ exact: EN_REPORT.replace("final", "draft") })).toEqual({ ok: false, reason: "QUOTE_MISMATCH" });
    expect(reason({ prefix: "session." })).toEqual({ ok: false, reason: "CONTEXT_MISMATCH" });
    expect(reason({ prefix: `${EN_AGENDA}!` })).toEqual({ ok: false, reason: "CONTEXT_MISMATCH" });
    expect(reason({ suffix: "Comments" })).toEqual({ ok: false, reason: "CONTEXT_MISMATCH" });
    expect(reason({ suffix: `${EN_LATE}!` })).toEqual({ ok: false, reason: "CONTEXT_MISMATCH" });
  });

  it("accepts a quote of exactly QUOTE_MAX characters", () => {
    const text = `前${"字".repeat(QUOTE_MAX)}后`;
    expect(verifySelector(text, selectorFor(text, 1, QUOTE_MAX + 1))).toEqual({ ok: true, start: 1, end: QUOTE_MAX + 1 });
  });

  it("rejects offsets that cut a surrogate pair, which would store a broken character", () => {
    const text = "地球🌏很大";
    expect(verifySelector(text, { exact: "地球\ud83c", start: 0, end: 3 })).toEqual({ ok: false, reason: "OUT_OF_RANGE" });
    expect(verifySelector(text, { exact: "\udf0f很", start: 3, end: 5 })).toEqual({ ok: false, reason: "OUT_OF_RANGE" });
    expect(verifySelector(text, { exact: "🌏", start: 2, end: 4 })).toEqual({ ok: true, start: 2, end: 4 });
  });
});

describe("locateQuote", () => {
  it("finds a typed or pasted passage, trimmed", () => {
    expect(locateQuote(ZH, "主动规划")).toEqual({ ok: true, ...rangeOf(ZH, "主动规划") });
    expect(locateQuote(ZH, "\u3000 主动规划、内置冗余\n")).toEqual({ ok: true, ...rangeOf(ZH, "主动规划、内置冗余") });
    expect(locateQuote(EN, "  final report ")).toEqual({ ok: true, ...rangeOf(EN, "final report") });
  });

  it("reports a passage that is not in the text", () => {
    expect(locateQuote(ZH, "卫星通信")).toEqual({ ok: false, reason: "NOT_FOUND", occurrences: 0 });
    expect(locateQuote(EN, "Final Report")).toEqual({ ok: false, reason: "NOT_FOUND", occurrences: 0 });
    expect(locateQuote(EN, "   ")).toEqual({ ok: false, reason: "NOT_FOUND", occurrences: 0 });
  });

  it("reports a passage that occurs more than once, and how often", () => {
    expect(locateQuote(ZH, "合作")).toEqual({ ok: false, reason: "AMBIGUOUS", occurrences: 2 });
    expect(locateQuote(EN, "the")).toEqual({ ok: false, reason: "AMBIGUOUS", occurrences: 4 });
    // Overlapping occurrences count: a person could mean either.
    expect(locateQuote("哈哈哈", "哈哈")).toEqual({ ok: false, reason: "AMBIGUOUS", occurrences: 2 });
  });

  it("takes the occurrence a browser selection points at", () => {
    const second = ZH.indexOf("合作", ZH.indexOf("合作") + 1);
    expect(locateQuote(ZH, "合作", { start: second, end: second + 2 })).toEqual({ ok: true, start: second, end: second + 2 });
    // The selection took the whitespace that the quote was trimmed of.
    const text = "Data protection matters. Data protection costs.";
    const later = text.lastIndexOf("Data protection");
    expect(locateQuote(text, " Data protection ", { start: later - 1, end: later + 16 })).toEqual({
      ok: true,
      start: later,
      end: later + 15,
    });
  });

  it("ignores a hint where the quote is not", () => {
    expect(locateQuote(ZH, "合作", { start: 0, end: 4 })).toEqual({ ok: false, reason: "AMBIGUOUS", occurrences: 2 });
    expect(locateQuote(ZH, "主动规划", { start: 0, end: 4 })).toEqual({ ok: true, ...rangeOf(ZH, "主动规划") });
    expect(locateQuote(ZH, "卫星", { start: 0, end: 2 })).toEqual({ ok: false, reason: "NOT_FOUND", occurrences: 0 });
  });
});

describe("reanchor: exact quote", () => {
  it("keeps the passage where it was when the text is unchanged", () => {
    const selector = selectorOf(ZH, ZH_RESILIENCE);
    expect(reanchor(selector, ZH)).toEqual({ status: "EXACT", start: selector.start, end: selector.end, score: 1 });
  });

  it("follows the passage when words are inserted before and after it", () => {
    const selector = selectorOf(EN, EN_REPORT);
    const newText = `Preamble added in version 2. ${EN_AGENDA}${EN_REPORT} A new closing sentence.${EN_LATE}`;
    expect(reanchor(selector, newText)).toEqual({ status: "EXACT", ...rangeOf(newText, EN_REPORT), score: 1 });

    const zhSelector = selectorOf(ZH, "内置冗余");
    const zhText = `第二版新增的引言。${ZH_COOPERATION}新增一句话。${ZH_RESILIENCE}${ZH_COSTS}`;
    const moved = reanchor(zhSelector, zhText);
    expect(moved).toEqual({ status: "EXACT", ...rangeOf(zhText, "内置冗余"), score: 1 });
    expect(moved.start).toBe(zhSelector.start + "第二版新增的引言。新增一句话。".length);
  });

  it("picks the occurrence whose context matches when the quote appears twice", () => {
    const v1 = "第一条：成员国应保护个人数据。第二条：运营商应公开其数据保护政策，并每年审查。";
    const selector = selectorOf(v1, "数据保护");
    // Version 2 repeats the phrase earlier, nearer the old offset than the passage itself now is.
    const v2 = "第一条：成员国应加强数据保护。新增：各成员国应当在每年年底之前提交执行情况报告。第二条：运营商应公开其数据保护政策，并每年审查。";
    expect(v2.indexOf("数据保护")).toBeLessThan(selector.start);
    expect(Math.abs(v2.indexOf("数据保护") - selector.start)).toBeLessThan(
      Math.abs(v2.lastIndexOf("数据保护") - selector.start),
    );
    expect(reanchor(selector, v2)).toEqual({ status: "EXACT", ...rangeOf(v2, "数据保护", 20), score: 1 });
  });

  it("uses the suffix too, in English", () => {
    const v1 = "Operators must report outages. Regulators must report outages to the public within a week.";
    const selector = selectorFor(v1, v1.lastIndexOf("report outages"), v1.lastIndexOf("report outages") + 14);
    const v2 = "Regulators must report outages to the public within a week. Operators must report outages.";
    expect(reanchor(selector, v2)).toEqual({ status: "EXACT", start: 16, end: 30, score: 1 });
  });

  it("takes the occurrence nearest the old position when contexts tie", () => {
    // A 70-character unit, repeated: every inner occurrence has the same 32 characters around it.
    const unit = `${"甲".repeat(34)}重点${"乙".repeat(34)}`;
    const v1 = unit.repeat(4);
    const third = 2 * unit.length + 34;
    const selector = selectorFor(v1, third, third + 2);
    const v2 = `插入。${v1}`;
    expect(reanchor(selector, v2)).toEqual({ status: "EXACT", start: third + 3, end: third + 5, score: 1 });
    const second = unit.length + 34;
    expect(reanchor(selectorFor(v1, second, second + 2), v2)).toMatchObject({ start: second + 3 });
  });

  it("accepts a selector without context or position", () => {
    expect(reanchor({ exact: ZH_COSTS }, ZH)).toEqual({ status: "EXACT", ...rangeOf(ZH, ZH_COSTS), score: 1 });
  });
});

describe("reanchor: reworded passage", () => {
  it("exports the acceptance threshold", () => {
    expect(FUZZY_MATCH_THRESHOLD).toBe(0.75);
  });

  it("follows an English sentence with one word changed", () => {
    const selector = selectorOf(EN, EN_REPORT);
    const reworded = "The committee will publish its complete report by the end of March.";
    const newText = EN.replace(EN_REPORT, reworded);
    const placed = reanchor(selector, newText);
    expect(placed).toMatchObject({ status: "FUZZY", ...rangeOf(newText, reworded) });
    expect(placed.score).toBeGreaterThanOrEqual(FUZZY_MATCH_THRESHOLD);
    expect(placed.score).toBeLessThan(1);
  });

  it("follows a 30-character Chinese passage with one or two characters changed", () => {
    expect(ZH_COOPERATION).toHaveLength(30);
    const selector = selectorOf(ZH, ZH_COOPERATION);
    for (const reworded of [
      "各国政府应与电缆运营商密切合作，共同建立共享的故障报告机制。",
      "各国政府应与电缆运营商密切合作，共同建立统一的故障报告机制。",
      "各国政府须与电缆运营商紧密合作，共同建立共享的故障通报机制。",
    ]) {
      const newText = `修订说明。${ZH.replace(ZH_COOPERATION, reworded)}`;
      const placed = reanchor(selector, newText);
      expect(placed, reworded).toMatchObject({ status: "FUZZY", ...rangeOf(newText, reworded) });
      expect(placed.score).toBeGreaterThanOrEqual(FUZZY_MATCH_THRESHOLD);
    }
  });

  it("follows a passage that got slightly longer or shorter", () => {
    const selector = selectorOf(ZH, ZH_RESILIENCE);
    for (const reworded of [
      "全球海底电缆网络的韧性取决于主动规划、内置冗余、多样化路由以及快速响应事件的能力。",
      "全球海底电缆网络的韧性取决于主动规划以及快速响应事件的能力。",
    ]) {
      // The preamble moves the passage away from its old offset, which then does not help to find it.
      const newText = `修订说明：本条经过讨论后有较大改动。${ZH.replace(ZH_RESILIENCE, reworded)}`;
      expect(reanchor(selector, newText), reworded).toMatchObject({ status: "FUZZY", ...rangeOf(newText, reworded) });
    }
  });

  it("follows a reworded passage into new surroundings: lost context does not count against it", () => {
    const selector = selectorOf(ZH, ZH_RESILIENCE);
    const reworded = "全球海底电缆网络的韧性取决于提前规划、内置冗余以及快速响应事件的能力。";
    const newText = `${ZH_COSTS}此外，${reworded}详见附件二。${ZH_COOPERATION}`;
    const placed = reanchor(selector, newText);
    expect(placed).toMatchObject({ status: "FUZZY", ...rangeOf(newText, reworded) });
    expect(placed.score).toBeLessThan(0.95);
  });

  it("lets unchanged context vouch for a more heavily reworded passage, but only in place", () => {
    const selector = selectorOf(ZH, ZH_COOPERATION);
    // Four characters changed, one added: too different on its own.
    const reworded = "各国政府应当与网络运营商紧密协作，共同建立共享的故障通报机制。";
    const inPlace = ZH.replace(ZH_COOPERATION, reworded);
    const placed = reanchor(selector, inPlace);
    expect(placed).toMatchObject({ status: "FUZZY", ...rangeOf(inPlace, reworded) });
    expect(placed.score).toBeLessThan(0.8);
    const moved = `另一段落。${ZH_RESILIENCE}${ZH_COSTS}附加：${reworded}完。`;
    expect(reanchor(selector, moved)).toEqual({ status: "ORPHANED" });
  });

  it("handles text with characters outside the BMP", () => {
    const v1 = `🌊🌊 ${EN_REPORT} 🌊🌊`;
    const reworded = "The committee will publish its 🌏 report by the end of March.";
    const v2 = `🌊🌊 ${reworded} 🌊🌊`;
    expect(reanchor(selectorOf(v1, EN_REPORT), v2)).toMatchObject({ status: "FUZZY", ...rangeOf(v2, reworded) });
  });
});

describe("reanchor: orphaned", () => {
  it("orphans a deleted passage", () => {
    expect(reanchor(selectorOf(EN, EN_REPORT), EN_AGENDA + EN_LATE)).toEqual({ status: "ORPHANED" });
    expect(reanchor(selectorOf(ZH, ZH_RESILIENCE), ZH_COOPERATION + ZH_COSTS)).toEqual({ status: "ORPHANED" });
  });

  it("orphans a passage rewritten beyond recognition", () => {
    const rewritten = "海底电缆的安全需要更多投资与国际协调。";
    expect(reanchor(selectorOf(ZH, ZH_RESILIENCE), ZH.replace(ZH_RESILIENCE, rewritten))).toEqual({ status: "ORPHANED" });
    const selector = selectorOf(EN, EN_REPORT);
    expect(reanchor(selector, EN.replace(EN_REPORT, "A summary will follow in the spring."))).toEqual({ status: "ORPHANED" });
  });

  it("orphans everything on an empty text, and an empty quote", () => {
    expect(reanchor(selectorOf(ZH, ZH_RESILIENCE), "")).toEqual({ status: "ORPHANED" });
    expect(reanchor({ exact: "", prefix: "", suffix: "", start: 0, end: 0 }, ZH)).toEqual({ status: "ORPHANED" });
  });

  it("orphans a short quote that changed, rather than guess", () => {
    expect(reanchor(selectorOf(ZH, "冗余"), ZH.replace("冗余", "备份"))).toEqual({ status: "ORPHANED" });
    expect(reanchor(selectorOf("短。", "短"), "长。")).toEqual({ status: "ORPHANED" });
  });

  it("orphans a quote when the new text is much shorter than it", () => {
    expect(reanchor(selectorOf(ZH, ZH_RESILIENCE), "全球海底电缆网络")).toEqual({ status: "ORPHANED" });
  });
});

describe("reanchor: cost", () => {
  /** Deterministic pseudo-random text from a pool of characters. */
  function randomText(length: number, seed: number, pool: string) {
    let state = seed;
    let text = "";
    for (let i = 0; i < length; i++) {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      text += pool[state % pool.length];
    }
    return text;
  }

  // Its speed is measured by `npm run bench`, never by a timed assertion here.
  it("re-anchors a 1,000-character quote in a 10,000-character text", () => {
    const pool = ZH.replace(/[，。、]/g, "");
    const text = randomText(10_000, 7, pool);
    const selector = selectorFor(text, 4_000, 5_000);
    // Change one character in twenty: not found exactly, still similar.
    const changed = [...selector.exact].map((char, i) => (i % 20 === 10 ? "变" : char)).join("");
    const newText = `${randomText(300, 11, pool)}${text.slice(0, 4_000)}${changed}${text.slice(5_000)}`;
    const placed = reanchor(selector, newText);
    expect(placed).toMatchObject({ status: "FUZZY", start: 4_300, end: 5_300 });
  });
});
