"use client";

import { useSyncExternalStore } from "react";
import { useLocale } from "next-intl";
import { formatInstant, labelled } from "@/lib/time/format";

type LocalTimeProps = { iso: string; referenceTimeZone: string; label: string };

const subscribe = () => () => {};
const readerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noZoneOnServer = () => null;

/** The wall-clock reading of an instant in a zone, to tell whether two zones show the same time. */
const wallTime = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en", { timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" }).format(date);

/**
 * The same instant on the reader's own clock. The server cannot know the
 * reader's zone, so this appears once the page has loaded, and only when the
 * reader's clock shows another time than the reference zone's (a reader in
 * London is not told the time twice for a deadline in UTC).
 */
export function LocalTime({ iso, referenceTimeZone, label }: LocalTimeProps) {
  const locale = useLocale();
  const zone = useSyncExternalStore(subscribe, readerZone, noZoneOnServer);
  if (!zone || wallTime(new Date(iso), zone) === wallTime(new Date(iso), referenceTimeZone)) return null;
  return (
    <span className="local-time">{labelled(label, formatInstant(new Date(iso), locale, zone))}</span>
  );
}
