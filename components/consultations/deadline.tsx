import { getLocale, getTranslations } from "next-intl/server";
import { formatInstant, timeLeft } from "@/lib/time/format";
import { LocalTime } from "./local-time";

type DeadlineProps = { closesAt: Date; referenceTimeZone: string; now?: Date; showTimeLeft?: boolean };

/** The deadline in the consultation's reference zone, the reader's own zone, and the time left. */
export async function Deadline({ closesAt, referenceTimeZone, now = new Date(), showTimeLeft = true }: DeadlineProps) {
  const t = await getTranslations("time");
  const locale = await getLocale();
  const left = showTimeLeft ? timeLeft(closesAt, now) : null;
  return (
    <span className="deadline">
      <time dateTime={closesAt.toISOString()}>{formatInstant(closesAt, locale, referenceTimeZone)}</time>
      {left ? <strong className="time-left"> {t(`left.${left.unit}`, { count: left.value })}</strong> : null}
      {/* A line of its own, kept from the start: the reader's time arrives after the page, and moves nothing when it does.
          The data is for a cached page read without its scripts (lib/time/reader-time.ts). */}
      <span className="local-time-slot" data-instant={closesAt.toISOString()} data-zone={referenceTimeZone} data-label={t("yourTime")}>
        <LocalTime iso={closesAt.toISOString()} referenceTimeZone={referenceTimeZone} label={t("yourTime")} />
      </span>
    </span>
  );
}
