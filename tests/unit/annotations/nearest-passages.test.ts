import { describe, expect, it } from "vitest";
import { nearestPassages } from "@/lib/annotations/nearest-passages";

const ZH = "所有利益相关方应共同维护全球互联网的开放与互联互通，并确保互联网治理的包容性。";

describe("nearestPassages", () => {
  it("offers the passage with the variant character for a quote typed with 互连 instead of 互联", () => {
    const passages = nearestPassages(ZH, "全球互连网的开放");
    expect(passages[0]).toEqual({ start: ZH.indexOf("全球互联网的开放"), end: ZH.indexOf("全球互联网的开放") + 8, exact: "全球互联网的开放" });
  });

  it("offers the whole passage, not a shorter one, when the quote's last character is the variant", () => {
    const text = "弥合数字鸿沟需要资金。";
    expect(nearestPassages(text, "数字鸿构")[0]).toEqual({ start: 2, end: 6, exact: "数字鸿沟" });
  });

  it("compares a quote too short for bigrams character by character, every offer in text order", () => {
    const passages = nearestPassages(ZH, "互连");
    // Three at most, the first ones of equal likeness, in text order.
    expect(passages).toEqual([
      { start: 14, end: 16, exact: "互联" },
      { start: 21, end: 23, exact: "互联" },
      { start: 23, end: 25, exact: "互通" },
    ]);
  });

  it("offers nothing when nothing is alike", () => {
    expect(nearestPassages(ZH, "Peering and transit")).toEqual([]);
    expect(nearestPassages(ZH, "   ")).toEqual([]);
  });
});
