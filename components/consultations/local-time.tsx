"use client";

import { useEffect, useState } from "react";
import { useLocale } from "next-intl";

type LocalTimeProps = { iso: string; referenceTimeZone: string; label: string };

/**
 * The same instant on the reader's own clock. The server cannot know the
 * reader's zone, so this appears once the page has loaded, and only when the
 * reader's zone differs from the reference zone.
 */
export function LocalTime({ iso, referenceTimeZone, label }: LocalTimeProps) {
  const locale = useLocale();
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === referenceTimeZone) return;
    const formatted = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZoneName: "short" }).format(new Date(iso));
    setText(`${label}: ${formatted}`);
  }, [iso, referenceTimeZone, label, locale]);
  return text ? <span className="local-time"> · {text}</span> : null;
}
