import { isChinese } from "@/lib/i18n/locales";

/**
 * Dates as people read them: in a given zone, with the zone's name after the
 * time (Intl's own timeZoneName puts it before the time in Chinese), in
 * full-width brackets without a space in Chinese.
 */
export function formatInstant(date: Date, locale: string, timeZone: string) {
  const when = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "long", timeStyle: "short" }).format(date);
  const zone = zoneName(date, locale, timeZone);
  return isChinese(locale) ? `${when}（${zone}）` : `${when} (${zone})`;
}

/** The space after a label: none after full-width punctuation ("截止时间：2025年…", not "截止时间： 2025年…"). */
export function labelGap(label: string) {
  return /[\u3000-\u303f\uff00-\uffef]$/u.test(label) ? "" : " ";
}

/** A colon after a label, as the language writes it: full-width in Chinese, after a no-break space in French. */
export function labelColon(locale: string) {
  if (isChinese(locale)) return "：";
  return /^fr\b/iu.test(locale) ? "\u00a0: " : ": ";
}

export function labelled(label: string, value: string) {
  return `${label}${labelGap(label)}${value}`;
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
