"use client";

import { useSyncExternalStore } from "react";
import { useLocale } from "next-intl";

type LocalTimeProps = { iso: string; referenceTimeZone: string; label: string };

const subscribe = () => () => {};
const readerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noZoneOnServer = () => null;

/**
 * The same instant on the reader's own clock. The server cannot know the
 * reader's zone, so this appears once the page has loaded, and only when the
 * reader's zone differs from the reference zone.
 */
export function LocalTime({ iso, referenceTimeZone, label }: LocalTimeProps) {
  const locale = useLocale();
  const zone = useSyncExternalStore(subscribe, readerZone, noZoneOnServer);
  if (!zone || zone === referenceTimeZone) return null;
  // dateStyle cannot be combined with timeZoneName: spell the fields out.
  const formatted = new Intl.DateTimeFormat(locale, {
    year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short",
  }).format(new Date(iso));
  return (
    <span className="local-time">
      {" · "}
      {label}: {formatted}
    </span>
  );
}
