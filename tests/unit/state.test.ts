import { describe, expect, it } from "vitest";
import { carriesCommentForms, consultationState, LATE_SUBMISSION_WINDOW_MS } from "@/lib/consultations/state";
import { timeLeft } from "@/lib/time/format";

const opensAt = new Date("2025-06-27T00:00:00Z");
const closesAt = new Date("2025-07-14T21:59:00Z");
const published = { publishedAt: opensAt, opensAt, closesAt, finalisedAt: null };

describe("consultation state", () => {
  it("follows the stored times, with the deadline instant already closed", () => {
    expect(consultationState({ ...published, publishedAt: null }, closesAt)).toBe("DRAFT");
    expect(consultationState(published, new Date(opensAt.getTime() - 1))).toBe("UPCOMING");
    expect(consultationState(published, opensAt)).toBe("OPEN");
    expect(consultationState(published, new Date(closesAt.getTime() - 1))).toBe("OPEN");
    expect(consultationState(published, closesAt)).toBe("CLOSED");
    expect(consultationState({ ...published, finalisedAt: closesAt }, closesAt)).toBe("FINAL");
  });

  it("keeps comment forms in pages while open and for a day after the deadline", () => {
    expect(carriesCommentForms(published, new Date(opensAt.getTime() - 1))).toBe(false);
    expect(carriesCommentForms(published, opensAt)).toBe(true);
    expect(carriesCommentForms(published, closesAt)).toBe(true);
    expect(carriesCommentForms(published, new Date(closesAt.getTime() + LATE_SUBMISSION_WINDOW_MS - 1))).toBe(true);
    expect(carriesCommentForms(published, new Date(closesAt.getTime() + LATE_SUBMISSION_WINDOW_MS))).toBe(false);
    expect(carriesCommentForms({ ...published, finalisedAt: closesAt }, closesAt)).toBe(false);
  });

  it("says how much time is left in the largest sensible unit", () => {
    expect(timeLeft(closesAt, new Date(closesAt.getTime() - 3 * 86_400_000))).toEqual({ value: 3, unit: "day" });
    expect(timeLeft(closesAt, new Date(closesAt.getTime() - 5 * 3_600_000))).toEqual({ value: 5, unit: "hour" });
    expect(timeLeft(closesAt, new Date(closesAt.getTime() - 59 * 60_000))).toEqual({ value: 59, unit: "minute" });
    expect(timeLeft(closesAt, new Date(closesAt.getTime() - 10_000))).toEqual({ value: 1, unit: "minute" });
    expect(timeLeft(closesAt, closesAt)).toBeNull();
  });
});
