import { describe, expect, it } from "vitest";
import { groupDuplicates } from "@/lib/finalisation/duplicates";

const comments = (...bodies: string[]) => bodies.map((body, index) => ({ id: `c${index}`, body }));

describe("groupDuplicates", () => {
  it("groups texts equal after normalisation as exact, and nearly equal ones transitively, leaving others out", () => {
    const groups = groupDuplicates(
      comments(
        "Protect encryption for everyone, without backdoors.",
        "Cables need repair ships.",
        "PROTECT ENCRYPTION  for everyone — without backdoors!",
        "Protect encryption for everyone, without any backdoors.",
        "Submarine cables need more repair ships.",
        "Ｃａｂｌｅｓ need repair ships",
      ),
    );
    expect(groups).toEqual([
      { ids: ["c0", "c2", "c3"], exact: false },
      { ids: ["c1", "c5"], exact: true },
    ]);
  });

  it("works on Chinese text, character by character, and with short texts", () => {
    expect(groupDuplicates(comments("同意", "同意！", "反对", "互联网治理需要多利益相关方的参与和合作。", "互联网治理需要多利益相关方参与和合作。"))).toEqual([
      { ids: ["c0", "c1"], exact: true },
      { ids: ["c3", "c4"], exact: false },
    ]);
  });

  it("keeps a few thousand comments fast", () => {
    // A seeded generator: distinct comments of 30 words from 2000 made-up ones, a quarter of them a campaign's three variants.
    let seed = 42;
    // mulberry32
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    const vocabulary = Array.from({ length: 2000 }, () => Array.from({ length: 3 + Math.floor(random() * 6) }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(random() * 26)]).join(""));
    const bodies = Array.from({ length: 4000 }, (_, index) => {
      if (index % 4 === 0) return `We ask the IGF to protect encryption for everyone, everywhere, campaign copy number ${index % 3}.`;
      return Array.from({ length: 30 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(" ");
    });
    const started = performance.now();
    const groups = groupDuplicates(comments(...bodies));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(groups.map((group) => group.ids.length)).toEqual([1000]);
  });
});
