"use client";

import { useSyncExternalStore } from "react";
import { useLocale } from "next-intl";
import { readerTimeText } from "@/lib/time/reader-time";

type LocalTimeProps = { iso: string; referenceTimeZone: string; label: string };

const subscribe = () => () => {};
const readerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noZoneOnServer = () => null;

/**
 * The same instant on the reader's own clock, where the page's scripts run
 * (a cached page without them has READER_TIME_SCRIPT write the same text).
 * The server cannot know the reader's zone, so this appears once the page has
 * loaded, and only when the reader's clock shows another time than the
 * reference zone's (a reader in London is not told the time twice for a
 * deadline in UTC).
 */
export function LocalTime({ iso, referenceTimeZone, label }: LocalTimeProps) {
  const locale = useLocale();
  const zone = useSyncExternalStore(subscribe, readerZone, noZoneOnServer);
  const text = zone ? readerTimeText(iso, referenceTimeZone, label, locale, zone) : null;
  return text ? <span className="local-time">{text}</span> : null;
}
