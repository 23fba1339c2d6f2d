import { describe, expect, it } from "vitest";
import { RECEIPT_ALPHABET, RECEIPT_NUMBER_PATTERN, newReceiptNumber } from "@/lib/comments/receipt-number";
import { failureOutcome, retryDelayMs } from "@/lib/notifications/delivery-failure";

describe("a failed mail attempt", () => {
  it("is retried only when nothing can have been delivered", () => {
    expect(failureOutcome({ responseCode: 451, command: "RCPT TO" })).toBe("retry");
    expect(failureOutcome({ code: "ESOCKET", command: "CONN", message: "connect ECONNREFUSED" })).toBe("retry");
    expect(failureOutcome({ code: "EAUTH", command: "AUTH PLAIN" })).toBe("retry");
    expect(failureOutcome({ responseCode: 550, command: "RCPT TO" })).toBe("refused");
    // The connection dropped while the message was on the wire: it may have arrived, so it is not sent again.
    expect(failureOutcome({ code: "ESOCKET", command: "DATA" })).toBe("uncertain");
    expect(failureOutcome(new Error("anything else"))).toBe("uncertain");
  });

  it("waits twice as long after each attempt, at most six hours", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20)).toBe(6 * 3_600_000);
  });
});

describe("receipt numbers", () => {
  it("use an alphabet without look-alike characters, in the C-XXXX-XXXX form", () => {
    for (const lookAlike of ["0", "O", "1", "I", "L", "U", "V"]) expect(RECEIPT_ALPHABET).not.toContain(lookAlike);
    const numbers = Array.from({ length: 1000 }, newReceiptNumber);
    for (const number of numbers) expect(number).toMatch(RECEIPT_NUMBER_PATTERN);
    expect(new Set(numbers).size).toBe(1000);
  });
});
