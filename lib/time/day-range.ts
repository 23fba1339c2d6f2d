import { z } from "zod";

/** A calendar day as a URL or form gives it (YYYY-MM-DD), read in UTC. */
export const calendarDay = z.iso.date("errors.dateInvalid");

/** For a schema's refine: `to` may not come before `from` (either may be left out). */
export const daysInOrder: [(range: { from?: string; to?: string }) => boolean, { path: string[]; message: string }] = [
  (range) => !range.from || !range.to || range.from <= range.to,
  { path: ["to"], message: "errors.toBeforeFrom" },
];

const DAY_MS = 86_400_000;

/** Days `from` to `to`, both included, as the instants [start, end) they cover; an end left out is undefined. */
export function dayRangeInstants(range: { from?: string; to?: string }) {
  return {
    start: range.from ? new Date(`${range.from}T00:00:00Z`) : undefined,
    end: range.to ? new Date(new Date(`${range.to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
  };
}
