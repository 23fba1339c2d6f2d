import { describe, expect, it } from "vitest";
import { countryList, crossTable, participantPattern } from "@/lib/stats/participation-table";
import { sumOfPercentages } from "@/lib/stats/percentages";
import { REGIONS, STAKEHOLDER_GROUPS } from "@/lib/profiles/stakeholder";
import { suppressSmallCounts, type Disclosure } from "@/lib/stats/suppression";

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

describe("a consultation with fewer participants than the minimum", () => {
  it("shows the total but not which group or region they belong to", () => {
    const few = [{ group: "GOVERNMENT", region: "AFRICA", participants: 3, comments: 3, topLevel: 3 }];
    const table = crossTable(few, "participants", participantPattern(few, 5));
    expect(table.total).toBe(3);
    const hiddenRows = table.rows.filter((row) => row.total.suppressed !== null).map((row) => row.group);
    const hiddenColumns = table.columnTotals.filter((column) => column.suppressed !== null).map((column) => column.region);
    expect(hiddenRows).toContain("GOVERNMENT");
    expect(hiddenRows.length).toBeGreaterThanOrEqual(2);
    expect(hiddenColumns).toContain("AFRICA");
    expect(hiddenColumns.length).toBeGreaterThanOrEqual(2);
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

/**
 * An attacker's view of one line, worked out independently of the algorithm:
 * every value a hidden entry can take given the line's shown total and what
 * the labels say ("fewer than" is 0 to minimum − 1; "withheld" is 0 or at least the minimum).
 */
function possibleValues(hiddenEntries: Disclosure[], sum: number, minimum: number): Set<number>[] {
  const range = (disclosure: Disclosure) =>
    Array.from({ length: sum + 1 }, (_, value) => value).filter((value) => (disclosure === "small" ? value < minimum : value === 0 || value >= minimum));
  const sumsOf = (entries: Disclosure[]) =>
    entries.reduce((sums, entry) => new Set([...sums].flatMap((total) => range(entry).map((value) => total + value)).filter((total) => total <= sum)), new Set([0]));
  return hiddenEntries.map((entry, index) => {
    const others = sumsOf(hiddenEntries.filter((_, other) => other !== index));
    return new Set(range(entry).filter((value) => others.has(sum - value)));
  });
}

describe("the participation table's suppression on random populations", () => {
  it("never lets a row, a column or the totals give a hidden count away", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let run = 0; run < 150; run += 1) {
      const rows = STAKEHOLDER_GROUPS.flatMap((group) =>
        REGIONS.map((region) => {
          const draw = random();
          const participants = draw < 0.5 ? 0 : draw < 0.8 ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 20);
          return { group, region, participants, comments: participants, topLevel: participants };
        }),
      ).filter((row) => row.participants > 0);
      const minimum = 5;
      const table = crossTable(rows, "participants", participantPattern(rows, minimum));
      const truth = (group: string, region: string) => rows.find((row) => row.group === group && row.region === region)?.participants ?? 0;
      const disclosureOf = (figure: { suppressed: string | null }): Disclosure => (figure.suppressed === null ? "shown" : figure.suppressed === "fewerThanMinimum" ? "small" : "withheld");
      type Entry = { value: number; figure: { count: number | null; suppressed: string | null } };
      const lines: { entries: Entry[]; total: Entry }[] = [
        ...table.rows.map((row, g) => ({
          entries: row.cells.map((cell) => ({ value: truth(row.group, cell.region), figure: cell })),
          total: { value: REGIONS.reduce((sum, region) => sum + truth(STAKEHOLDER_GROUPS[g]!, region), 0), figure: row.total },
        })),
        ...table.columnTotals.map((column, r) => ({
          entries: table.rows.map((row) => ({ value: truth(row.group, column.region), figure: row.cells[r]! })),
          total: { value: STAKEHOLDER_GROUPS.reduce((sum, group) => sum + truth(group, column.region), 0), figure: column },
        })),
      ];
      const grand = { value: table.total, figure: { count: table.total, suppressed: null } };
      lines.push({ entries: lines.slice(0, STAKEHOLDER_GROUPS.length).map((line) => line.total), total: grand });
      lines.push({ entries: lines.slice(STAKEHOLDER_GROUPS.length, STAKEHOLDER_GROUPS.length + REGIONS.length).map((line) => line.total), total: grand });
      for (const line of lines) {
        for (const entry of [...line.entries, line.total]) {
          if (entry.value > 0 && entry.value < minimum) expect(entry.figure.suppressed).toBe("fewerThanMinimum");
          if (entry.figure.suppressed === null) expect(entry.figure.count).toBe(entry.value);
        }
        if (line.total.figure.suppressed !== null) continue;
        const hiddenEntries = line.entries.filter((entry) => entry.figure.suppressed !== null);
        const sum = line.total.value - line.entries.filter((entry) => entry.figure.suppressed === null).reduce((total, entry) => total + entry.value, 0);
        const possible = possibleValues(hiddenEntries.map((entry) => disclosureOf(entry.figure)), sum, minimum);
        hiddenEntries.forEach((entry, index) => {
          expect(possible[index]!.has(entry.value)).toBe(true);
          if (entry.value > 0) expect(possible[index]!.size, `run ${run}: a hidden ${entry.value} in a line summing to ${sum}`).toBeGreaterThanOrEqual(3);
        });
      }
    }
  });
});
