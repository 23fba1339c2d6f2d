import { describe, expect, it } from "vitest";
import { instantToWallTime, wallTimeToInstant } from "@/lib/time/zoned";

describe("wall-clock times in a zone", () => {
  it("reads the IGF 2025 deadline in Oslo summer time", () => {
    expect(wallTimeToInstant("2025-07-14T23:59", "Europe/Oslo").toISOString()).toBe("2025-07-14T21:59:00.000Z");
  });

  it("handles zones without daylight saving and with half hours", () => {
    expect(wallTimeToInstant("2025-01-01T00:00", "Asia/Kolkata").toISOString()).toBe("2024-12-31T18:30:00.000Z");
    expect(wallTimeToInstant("2025-01-01T00:00", "UTC").toISOString()).toBe("2025-01-01T00:00:00.000Z");
  });

  it("settles next to a daylight-saving change", () => {
    // Oslo moves from +01 to +02 at 02:00 on 30 March 2025.
    expect(wallTimeToInstant("2025-03-30T01:30", "Europe/Oslo").toISOString()).toBe("2025-03-30T00:30:00.000Z");
    expect(wallTimeToInstant("2025-03-30T03:30", "Europe/Oslo").toISOString()).toBe("2025-03-30T01:30:00.000Z");
  });

  it("round-trips", () => {
    const instant = new Date("2025-06-27T10:00:00Z");
    expect(instantToWallTime(instant, "Europe/Oslo")).toBe("2025-06-27T12:00");
    expect(wallTimeToInstant(instantToWallTime(instant, "America/Sao_Paulo"), "America/Sao_Paulo")).toEqual(instant);
  });
});
