import type { CountryRow, GroupRegionRow } from "@/lib/db/participation-figures";
import { REGIONS, STAKEHOLDER_GROUPS } from "@/lib/profiles/stakeholder";
import { largestRemainderPercentages } from "./percentages";
import { suppressSmallCounts, type Disclosure, type Line } from "./suppression";

/** A published number: `count` and `percent` are null when `suppressed` says why. */
export type Figure = { count: number | null; percent: number | null; suppressed: null | "fewerThanMinimum" | "withheld" };

export type ParticipationTable = {
  /** Rows by stakeholder group (all of them, in the IGF's order), columns by region. */
  rows: { group: string; cells: ({ region: string } & Figure)[]; total: Figure }[];
  columnTotals: ({ region: string } & Figure)[];
  /** The grand total, always shown; percentages are shares of it. */
  total: number;
};

const cellKey = (group: string, region: string) => `cell:${group}:${region}`;
const rowKey = (group: string) => `row:${group}`;
const columnKey = (region: string) => `column:${region}`;
const GRAND = "grand";

/** Every line a reader can add up: each row and each column with its total, and both sets of totals with the grand total. */
function tableLines(): Line[] {
  return [
    ...STAKEHOLDER_GROUPS.map((group) => ({ entries: REGIONS.map((region) => cellKey(group, region)), total: rowKey(group) })),
    ...REGIONS.map((region) => ({ entries: STAKEHOLDER_GROUPS.map((group) => cellKey(group, region)), total: columnKey(region) })),
    { entries: STAKEHOLDER_GROUPS.map(rowKey), total: GRAND },
    { entries: REGIONS.map(columnKey), total: GRAND },
  ];
}

function figure(count: number, percent: number, disclosure: Disclosure): Figure {
  if (disclosure === "shown") return { count, percent, suppressed: null };
  return { count: null, percent: null, suppressed: disclosure === "small" ? "fewerThanMinimum" : "withheld" };
}

/** The group × region table of one measure, with totals, percentages of the grand total, and a suppression pattern. */
export function crossTable(rows: GroupRegionRow[], measure: "participants" | "comments", pattern: Map<string, Disclosure>): ParticipationTable {
  const count = new Map<string, number>();
  for (const row of rows) count.set(cellKey(row.group, row.region), row[measure]);
  const cell = (group: string, region: string) => count.get(cellKey(group, region)) ?? 0;
  const rowTotals = STAKEHOLDER_GROUPS.map((group) => REGIONS.reduce((sum, region) => sum + cell(group, region), 0));
  const columnTotals = REGIONS.map((region) => STAKEHOLDER_GROUPS.reduce((sum, group) => sum + cell(group, region), 0));
  const cellPercents = largestRemainderPercentages(STAKEHOLDER_GROUPS.flatMap((group) => REGIONS.map((region) => cell(group, region))));
  const rowPercents = largestRemainderPercentages(rowTotals);
  const columnPercents = largestRemainderPercentages(columnTotals);
  const shown = (key: string) => pattern.get(key) ?? "shown";
  return {
    rows: STAKEHOLDER_GROUPS.map((group, g) => ({
      group,
      cells: REGIONS.map((region, r) => ({ region, ...figure(cell(group, region), cellPercents[g * REGIONS.length + r]!, shown(cellKey(group, region))) })),
      total: figure(rowTotals[g]!, rowPercents[g]!, shown(rowKey(group))),
    })),
    columnTotals: REGIONS.map((region, r) => ({ region, ...figure(columnTotals[r]!, columnPercents[r]!, shown(columnKey(region))) })),
    total: rowTotals.reduce((sum, value) => sum + value, 0),
  };
}

/** Where the people are: the pattern of the participants table, which the comments table shares (same people, same cells). */
export function participantPattern(rows: GroupRegionRow[], minimum: number) {
  const values = new Map<string, number>();
  for (const group of STAKEHOLDER_GROUPS) for (const region of REGIONS) values.set(cellKey(group, region), 0);
  for (const row of rows) values.set(cellKey(row.group, row.region), row.participants);
  for (const group of STAKEHOLDER_GROUPS) values.set(rowKey(group), REGIONS.reduce((sum, region) => sum + values.get(cellKey(group, region))!, 0));
  for (const region of REGIONS) values.set(columnKey(region), STAKEHOLDER_GROUPS.reduce((sum, group) => sum + values.get(cellKey(group, region))!, 0));
  values.set(GRAND, rows.reduce((sum, row) => sum + row.participants, 0));
  return suppressSmallCounts({ values, lines: tableLines(), minimum, neverSuppressed: new Set([GRAND]) });
}

/** The countries represented, most participants first; those withheld last and by code, so that the order gives nothing away. */
export function countryList(rows: CountryRow[], participants: number, minimum: number) {
  const countries = [...rows].sort((a, b) => b.participants - a.participants || a.country.localeCompare(b.country));
  const values = new Map(countries.map((row) => [row.country, row.participants] as const));
  values.set(GRAND, participants);
  const pattern = suppressSmallCounts({
    values,
    lines: [{ entries: countries.map((row) => row.country), total: GRAND }],
    minimum,
    neverSuppressed: new Set([GRAND]),
  });
  const percents = largestRemainderPercentages(countries.map((row) => row.participants));
  const list = countries.map((row, index) => ({ country: row.country, ...figure(row.participants, percents[index]!, pattern.get(row.country) ?? "shown") }));
  return list.sort((a, b) => Number(a.suppressed !== null) - Number(b.suppressed !== null) || (a.suppressed ? a.country.localeCompare(b.country) : 0));
}
