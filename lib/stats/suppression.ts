/**
 * Small-cell protection for published counts of people.
 *
 * Primary suppression: a count from 1 to minimum − 1 is shown as "fewer than
 * minimum" (`small`). Complementary suppression: a table is a set of lines
 * (each row with its total, each column with its total, the totals with the
 * grand total), and a reader who knows a line's total and its shown entries
 * knows the sum of its suppressed ones. For every line whose total is shown,
 * each suppressed entry must keep a range of possible values at least
 * `requiredWidth` wide, given that sum and what the labels say (`small`: 1 to
 * minimum − 1; `withheld`: the minimum or more). Where one does not, one more
 * entry of the line is suppressed (see `widen`: a count of at least the
 * minimum, `withheld` since it is not "fewer than" anything; else a zero, shown
 * as "fewer than", which is true of zero; else the line's total), until every
 * line holds. Entries in `neverSuppressed` (the grand total) are always shown.
 *
 * This is the usual line-by-line audit: no count can be worked out from its own
 * row, column or totals; combinations of several lines are not audited (a
 * linear-programming audit would be needed for that).
 */

export type Disclosure = "shown" | "small" | "withheld";

export type Line = { entries: readonly string[]; total: string };

export type SuppressionInput = {
  values: ReadonlyMap<string, number>;
  lines: readonly Line[];
  minimum: number;
  neverSuppressed?: ReadonlySet<string>;
};

/** How wide the range a reader can work out for a suppressed entry must stay: half the range "fewer than minimum" covers. */
export function requiredWidth(minimum: number) {
  return Math.ceil((minimum - 1) / 2);
}

export function suppressSmallCounts({ values, lines, minimum, neverSuppressed = new Set() }: SuppressionInput): Map<string, Disclosure> {
  const value = (key: string) => values.get(key) ?? 0;
  const state = new Map<string, Disclosure>();
  for (const key of values.keys()) state.set(key, !neverSuppressed.has(key) && value(key) > 0 && value(key) < minimum ? "small" : "shown");
  const disclosure = (key: string) => state.get(key) ?? "shown";
  // What the labels tell a reader. A zero shown as "fewer than" is counted as at least 1: more cautious, never less.
  const bounds = (key: string): [number, number] => (disclosure(key) === "small" ? [1, minimum - 1] : [minimum, Infinity]);
  const width = requiredWidth(minimum);

  /**
   * What a reader of this line alone learns too much of, if anything: "low" when the
   * others' ceilings force a suppressed entry up, "high" when the line's sum holds it down.
   */
  const exposure = (line: Line): "low" | "high" | null => {
    if (disclosure(line.total) !== "shown") return null;
    const suppressed = line.entries.filter((key) => disclosure(key) !== "shown");
    const sum = value(line.total) - line.entries.filter((key) => disclosure(key) === "shown").reduce((total, key) => total + value(key), 0);
    for (const key of suppressed) {
      if (value(key) === 0) continue;
      const others = suppressed.filter((other) => other !== key).map(bounds);
      const [low, high] = bounds(key);
      const derivedLow = Math.max(low, sum - others.reduce((total, [, otherHigh]) => total + otherHigh, 0));
      const derivedHigh = Math.min(high, sum - others.reduce((total, [otherLow]) => total + otherLow, 0));
      if (derivedHigh - derivedLow >= Math.min(width, high - low)) continue;
      return derivedLow > low ? "low" : "high";
    }
    return null;
  };

  /**
   * Suppresses one more entry of the line; false when nothing is left to. Any count of at
   * least the minimum lifts a floor (nothing caps it); only one above the minimum adds slack
   * under a ceiling; a zero shown as "fewer than" lifts a floor too; the total ends the line.
   */
  const widen = (line: Line, need: "low" | "high") => {
    const shown = line.entries.filter((key) => disclosure(key) === "shown" && !neverSuppressed.has(key)).sort((a, b) => value(a) - value(b));
    const complement = shown.find((key) => (need === "low" ? value(key) >= minimum : value(key) > minimum));
    if (complement) return state.set(complement, "withheld"), true;
    const zero = need === "low" ? shown.find((key) => value(key) === 0) : undefined;
    if (zero) return state.set(zero, "small"), true;
    if (!neverSuppressed.has(line.total)) return state.set(line.total, "withheld"), true;
    return false;
  };

  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      for (let need = exposure(line); need && widen(line, need); need = exposure(line)) changed = true;
    }
  }
  return state;
}
