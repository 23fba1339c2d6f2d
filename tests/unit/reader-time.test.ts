import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { readerTimeText } from "@/lib/time/reader-time";
import { READER_TIME_SCRIPT } from "@/lib/time/reader-time-script";
import { fakeDocument, runInline } from "./support/fake-document";

const label = (locale: string) => (JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")) as { time: { yourTime: string } }).time.yourTime;

describe("the reader's time of a deadline", () => {
  it("is written the same by the inline script (a cached page without its scripts) as by the LocalTime component", () => {
    const instants = ["2025-07-14T21:59:00.000Z", "2026-01-31T23:30:00.000Z"];
    let written = 0;
    for (const locale of LOCALES) {
      for (const reference of ["UTC", "Europe/Oslo"]) {
        for (const reader of ["UTC", "Europe/Oslo", "Asia/Tokyo", "America/Sao_Paulo", "Asia/Kolkata"]) {
          const fake = fakeDocument({ lang: locale, timeZone: reader, slots: instants.map((instant) => ({ "data-instant": instant, "data-zone": reference, "data-label": label(locale) })) });
          runInline(READER_TIME_SCRIPT, fake);
          const expected = instants.map((instant) => readerTimeText(instant, reference, label(locale), locale, reader));
          expect(fake.slots.map((slot) => slot.text), `${locale} ${reference} ${reader}`).toEqual(expected.map((text) => (text ? [`local-time: ${text}`] : [])));
          written += expected.filter(Boolean).length;
        }
      }
    }
    // Most combinations show another time; a reader on the reference zone's clock is not told it twice.
    expect(written).toBeGreaterThan(80);
    // Midnight in UTC on 15 January: London's clock shows the same.
    const midnight = "2026-01-15T00:00:00.000Z";
    expect(readerTimeText(midnight, "UTC", "Your time:", "en", "UTC")).toBeNull();
    expect(readerTimeText(midnight, "UTC", "Your time:", "en", "Europe/London")).toBeNull();
    expect(readerTimeText(midnight, "UTC", "Your time:", "en", "Asia/Tokyo")).toBe("Your time: January 15, 2026 at 9:00 AM (GMT+9)");
    expect(readerTimeText(midnight, "UTC", label("zh"), "zh", "Asia/Tokyo")).toBe("您的当地时间：2026年1月15日 09:00（GMT+9）");
  });
});
