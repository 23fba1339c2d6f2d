import { describe, expect, it } from "vitest";
import { hasChanges, redline, sideOf, words } from "@/lib/text/redline";

describe("redline", () => {
  it("marks whole English words, not letters", () => {
    const parts = redline("Governments should protect human rights online.", "Governments must protect human rights online and offline.", "en");
    expect(parts).toEqual([
      { kind: "equal", text: "Governments " },
      { kind: "delete", text: "should" },
      { kind: "insert", text: "must" },
      { kind: "equal", text: " protect human rights online" },
      { kind: "insert", text: " and offline" },
      { kind: "equal", text: "." },
    ]);
  });

  it("joins neighbouring changes across a single space", () => {
    const parts = redline("the old text", "a new text", "en");
    expect(parts).toEqual([
      { kind: "delete", text: "the old" },
      { kind: "insert", text: "a new" },
      { kind: "equal", text: " text" },
    ]);
  });

  it("segments Chinese into words, so a changed word is not a changed sentence", () => {
    const before = "人工智能治理需要多利益相关方参与。";
    const after = "人工智能治理需要所有利益相关方参与。";
    const parts = redline(before, after, "zh-Hans");
    expect(sideOf(parts, "before")).toBe(before);
    expect(sideOf(parts, "after")).toBe(after);
    const changed = parts.filter((part) => part.kind !== "equal").map((part) => part.text);
    expect(changed.join("").length).toBeLessThan(8);
    expect(parts[0]).toEqual({ kind: "equal", text: expect.stringContaining("人工智能") });
    expect(words(before, "zh").length).toBeGreaterThan(4);
  });

  it("keeps an inserted Chinese clause whole and leaves the rest equal", () => {
    const parts = redline("数字鸿沟仍然存在。", "数字鸿沟在农村地区仍然存在。", "zh");
    expect(parts).toEqual([
      { kind: "equal", text: "数字鸿沟" },
      { kind: "insert", text: "在农村地区" },
      { kind: "equal", text: "仍然存在。" },
    ]);
  });

  it("gives both texts back exactly, emoji and combining characters included", () => {
    const before = "Café 👩🏽‍💻 policy, e\u0301tude; rights";
    const after = "Cafe 👩🏽‍💻 policies, e\u0301tude; rights and duties";
    const parts = redline(before, after, "fr");
    expect(sideOf(parts, "before")).toBe(before);
    expect(sideOf(parts, "after")).toBe(after);
  });

  it("reports no change for equal texts and handles empty ones", () => {
    expect(hasChanges(redline("Same.", "Same.", "en"))).toBe(false);
    expect(redline("", "New text.", "en")).toEqual([{ kind: "insert", text: "New text." }]);
    expect(redline("Old text.", "", "en")).toEqual([{ kind: "delete", text: "Old text." }]);
    expect(redline("", "", "en")).toEqual([]);
  });

  it("falls back to a known language for an unknown tag", () => {
    expect(sideOf(redline("a b", "a c", "zz-invalid-tag-!!"), "after")).toBe("a c");
  });
});
