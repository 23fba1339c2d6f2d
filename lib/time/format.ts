/** Dates as people read them: in a given zone, with the zone's name. */
export function formatInstant(date: Date, locale: string, timeZone: string) {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: "long",
    timeStyle: "short",
  }).format(date) + ` (${zoneName(date, locale, timeZone)})`;
}

function zoneName(date: Date, locale: string, timeZone: string) {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** The largest whole unit of time left, for "3 days left". Null when none is left. */
export function timeLeft(until: Date, now: Date): { value: number; unit: "day" | "hour" | "minute" } | null {
  const ms = until.getTime() - now.getTime();
  if (ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  if (minutes >= 2 * 24 * 60) return { value: Math.floor(minutes / (24 * 60)), unit: "day" };
  if (minutes >= 120) return { value: Math.floor(minutes / 60), unit: "hour" };
  return { value: Math.max(1, minutes), unit: "minute" };
}
