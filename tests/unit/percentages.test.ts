import { describe, expect, it } from "vitest";
import { largestRemainderPercentages, sumOfPercentages } from "@/lib/stats/percentages";

describe("largestRemainderPercentages", () => {
  it("gives exact shares unchanged", () => {
    expect(largestRemainderPercentages([18, 12, 10])).toEqual([45, 30, 25]);
    expect(largestRemainderPercentages([15, 11, 14])).toEqual([37.5, 27.5, 35]);
  });

  it("makes thirds add up to exactly 100, the extra tenth going to the first of equal remainders", () => {
    const thirds = largestRemainderPercentages([1, 1, 1]);
    expect(thirds).toEqual([33.4, 33.3, 33.3]);
    expect(sumOfPercentages(thirds)).toBe(100);
  });

  it("gives the missing units to the largest remainders, not the largest values", () => {
    // 2/7 = 28.571…, 2/7, 3/7 = 42.857…: rounded down 28.5 + 28.5 + 42.8 = 99.8; remainders .71, .71, .57.
    expect(largestRemainderPercentages([2, 2, 3])).toEqual([28.6, 28.6, 42.8]);
  });

  it("keeps zeros at zero and rounds with whole numbers when asked", () => {
    expect(largestRemainderPercentages([0, 1, 2], 0)).toEqual([0, 33, 67]);
    expect(largestRemainderPercentages([0, 0])).toEqual([0, 0]);
    expect(largestRemainderPercentages([])).toEqual([]);
  });

  it("always adds up to 100 over many awkward totals", () => {
    for (let total = 1; total <= 60; total += 1) {
      const values = Array.from({ length: 7 }, (_, index) => Math.floor((total * (index + 1)) / 28));
      values[0]! += total - values.reduce((sum, value) => sum + value, 0);
      const percents = largestRemainderPercentages(values);
      expect(sumOfPercentages(percents)).toBe(100);
      percents.forEach((percent, index) => expect(Math.abs(percent - (100 * values[index]!) / total)).toBeLessThan(0.1));
    }
  });
});
