import { describe, expect, it } from "vitest";
import { countryList, crossTable, participantPattern } from "@/lib/stats/participation-table";
import { sumOfPercentages } from "@/lib/stats/percentages";
import { suppressSmallCounts } from "@/lib/stats/suppression";

const line = (values: Record<string, number>, total: number, minimum = 5) =>
  suppressSmallCounts({
    values: new Map([...Object.entries(values), ["total", total]]),
    lines: [{ entries: Object.keys(values), total: "total" }],
    minimum,
    neverSuppressed: new Set(["total"]),
  });
const hidden = (pattern: Map<string, string>) => Object.fromEntries([...pattern].filter(([, disclosure]) => disclosure !== "shown"));

/** The seeded population of the integration test: 40 people, one group × region cell of 2. */
const rows = (
  [
    ["CIVIL_SOCIETY", "AFRICA", 12],
    ["CIVIL_SOCIETY", "ASIA_PACIFIC", 2],
    ["CIVIL_SOCIETY", "WESTERN_EUROPE_OTHERS", 8],
    ["GOVERNMENT", "AFRICA", 6],
    ["GOVERNMENT", "WESTERN_EUROPE_OTHERS", 6],
    ["PRIVATE_SECTOR", "WESTERN_EUROPE_OTHERS", 6],
  ] as const
).map(([group, region, participants]) => ({ group, region, participants, comments: participants * 2, topLevel: participants }));

describe("suppressSmallCounts", () => {
  it("shows nothing below the minimum, and nothing else when every count is large or zero", () => {
    expect(hidden(line({ a: 10, b: 0, c: 7 }, 17))).toEqual({});
    expect(hidden(line({ a: 10, b: 4, c: 0 }, 14, 4))).toEqual({});
  });

  it("withholds a second count when one small count could be worked out from the total", () => {
    // 2 = 18 - 10 - 6 unless 6 is withheld too; the reader then knows only that the two make 8.
    expect(hidden(line({ a: 10, b: 6, c: 2 }, 18))).toEqual({ b: "withheld", c: "small" });
  });

  it("does not let two small counts pin each other down", () => {
    // 1 + 1 = 2 would give both away; so would 4 + 4 + 4 = 12 (each at most 4).
    expect(hidden(line({ a: 1, b: 1, c: 20 }, 22))).toEqual({ a: "small", b: "small", c: "withheld" });
    expect(hidden(line({ a: 4, b: 4, c: 4, d: 9 }, 21))).toEqual({ a: "small", b: "small", c: "small", d: "withheld" });
  });

  it("picks a complement with room above the minimum when the sum would cap the small count", () => {
    // With 5 withheld the pair makes 6: the small one would be 1. 9 leaves it anywhere from 1 to 4.
    expect(hidden(line({ a: 1, b: 5, c: 9 }, 15))).toEqual({ a: "small", c: "withheld" });
  });

  it("never hides the grand total, even when it is itself small", () => {
    expect(line({ a: 3, b: 0 }, 3).get("total")).toBe("shown");
  });
});

describe("the participation table's suppression", () => {
  const pattern = participantPattern(rows, 5);

  it("hides the cell of 2 and enough around it that no row or column gives it away", () => {
    expect(hidden(pattern)).toEqual({
      "cell:CIVIL_SOCIETY:ASIA_PACIFIC": "small",
      "cell:CIVIL_SOCIETY:WESTERN_EUROPE_OTHERS": "withheld",
      "cell:GOVERNMENT:AFRICA": "withheld",
      "cell:GOVERNMENT:WESTERN_EUROPE_OTHERS": "withheld",
      "column:AFRICA": "withheld",
      "column:ASIA_PACIFIC": "small",
    });
  });

  it("withholds the percentages of what it hides, and the others stay shares of the grand total", () => {
    const table = crossTable(rows, "participants", pattern);
    const civilSociety = table.rows.find((row) => row.group === "CIVIL_SOCIETY")!;
    expect(civilSociety.cells.find((cell) => cell.region === "ASIA_PACIFIC")).toEqual({ region: "ASIA_PACIFIC", count: null, percent: null, suppressed: "fewerThanMinimum" });
    expect(civilSociety.cells.find((cell) => cell.region === "AFRICA")).toMatchObject({ count: 12, percent: 30, suppressed: null });
    expect(table.rows.map((row) => row.total.percent)).toEqual([55, 30, 0, 15, 0, 0, 0, 0]);
    expect(table.columnTotals.map((column) => column.percent)).toEqual([null, null, 0, 0, 50, 0]);
  });

  it("computes percentages that add up to 100 across rows, columns and cells when nothing is hidden", () => {
    const table = crossTable(rows, "participants", participantPattern(rows, 1));
    expect(sumOfPercentages(table.rows.map((row) => row.total.percent!))).toBe(100);
    expect(sumOfPercentages(table.columnTotals.map((column) => column.percent!))).toBe(100);
    expect(sumOfPercentages(table.rows.flatMap((row) => row.cells.map((cell) => cell.percent!)))).toBe(100);
    expect(table.columnTotals.map((column) => column.percent)).toEqual([45, 5, 0, 0, 50, 0]);
  });
});

describe("countryList", () => {
  it("lists every country represented, hiding small counts and the one that would give them away, last and by code", () => {
    const countries = [["KE", 12], ["NO", 11], ["NG", 6], ["DE", 9], ["IN", 2]].map(([country, participants]) => ({ country: String(country), participants: Number(participants), comments: 0 }));
    expect(countryList(countries, 40, 5)).toEqual([
      { country: "KE", count: 12, percent: 30, suppressed: null },
      { country: "NO", count: 11, percent: 27.5, suppressed: null },
      { country: "DE", count: 9, percent: 22.5, suppressed: null },
      { country: "IN", count: null, percent: null, suppressed: "fewerThanMinimum" },
      { country: "NG", count: null, percent: null, suppressed: "withheld" },
    ]);
  });
});
