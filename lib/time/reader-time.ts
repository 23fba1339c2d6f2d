import { formatInstant, labelled } from "./format";

/**
 * A deadline on the reader's own clock: "Your time: 15 July 2025 at 05:59
 * (GMT+9)". The server cannot know the reader's zone, so the browser writes
 * it, in one of two ways: the LocalTime component where the page's scripts
 * run, and READER_TIME_SCRIPT (./reader-time-script.ts, plain JavaScript
 * inline in a cached page) where they do not. Both say the same; a unit
 * test holds them to it.
 */
export function readerTimeText(iso: string, referenceTimeZone: string, label: string, locale: string, readerTimeZone: string) {
  const date = new Date(iso);
  // A reader whose clock shows the reference zone's time is not told the same time twice.
  if (wallTime(date, readerTimeZone) === wallTime(date, referenceTimeZone)) return null;
  return labelled(label, formatInstant(date, locale, readerTimeZone));
}

/** The wall-clock reading of an instant in a zone, to tell whether two zones show the same time. */
const wallTime = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en", { timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" }).format(date);
