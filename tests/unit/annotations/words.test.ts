import { describe, expect, it } from "vitest";
import { clauseJump, wordsOf } from "@/lib/annotations/words";

describe("wordsOf", () => {
  it("splits Chinese into dictionary words, clauses at full-width punctuation", () => {
    const text = "全球海底电缆网络的韧性取决于主动规划、内置冗余以及快速响应事件的能力。";
    const words = wordsOf(text, "zh");
    const spelled = words.map((word) => text.slice(word.start, word.end));
    expect(spelled.join("")).toBe(text.replace(/[、。]/gu, ""));
    expect(spelled.length).toBeGreaterThan(8);
    expect(spelled.some((word) => word.length > 1)).toBe(true);
    const second = words.findIndex((word) => word.clauseStart && word.start > 0);
    expect(text.slice(words[second]!.start)).toMatch(/^内置/u);
    expect(clauseJump(words, 0, 1)).toBe(second);
    expect(clauseJump(words, second, -1)).toBe(0);
    expect(clauseJump(words, second + 1, -1)).toBe(second);
  });

  it("skips spaces and punctuation in English and Arabic", () => {
    const text = "Peering and transit, at scale.";
    expect(wordsOf(text, "en").map((word) => text.slice(word.start, word.end))).toEqual(["Peering", "and", "transit", "at", "scale"]);
    expect(wordsOf(text, "en").map((word) => word.clauseStart)).toEqual([true, false, false, true, false]);
    const arabic = "الإنترنت مفتوح، وآمن.";
    expect(wordsOf(arabic, "ar").map((word) => arabic.slice(word.start, word.end))).toEqual(["الإنترنت", "مفتوح", "وآمن"]);
  });
});
