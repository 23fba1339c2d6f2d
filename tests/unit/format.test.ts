import { describe, expect, it } from "vitest";
import { formatInstant, labelColon, labelled } from "@/lib/time/format";

const deadline = new Date("2025-07-14T21:59:00Z");

describe("dates in Chinese", () => {
  it("puts the zone after the time, in full-width brackets without a space", () => {
    expect(formatInstant(deadline, "zh", "Europe/Oslo")).toBe("2025年7月14日 23:59（GMT+2）");
    expect(formatInstant(deadline, "en", "UTC")).toMatch(/^July 14, 2025.* 9:59\sPM \(UTC\)$/u);
  });

  it("leaves no space after a full-width colon", () => {
    expect(labelled("截止时间：", "2025年7月14日")).toBe("截止时间：2025年7月14日");
    expect(labelled("Closed", "14 July")).toBe("Closed 14 July");
  });
});

describe("a colon after a label", () => {
  it("is full-width in Chinese, after a no-break space in French, plain elsewhere", () => {
    expect(labelColon("zh")).toBe("：");
    expect(labelColon("fr")).toBe("\u00a0: ");
    expect(labelColon("ru")).toBe(": ");
    expect(labelColon("ar")).toBe(": ");
  });
});
