/** The queue's back-off: 1, 2, 4, … minutes after each failed attempt, at most 6 hours; given up after MAX_ATTEMPTS. */
export const MAX_ATTEMPTS = 8;

export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60_000);
}

/**
 * What a failed attempt means for "never twice". Retried only when nothing can
 * have been delivered: the server refused for now (4xx), or the connection,
 * DNS, TLS or login failed before the message was handed over. Refused for good
 * (5xx): given up. Anything else (the connection dropped while the message or
 * its acknowledgement was on the wire) may have been delivered: given up too,
 * so a mail is sent at most once.
 */
export function failureOutcome(error: unknown): "retry" | "refused" | "uncertain" {
  const { code, responseCode, command } = (error ?? {}) as { code?: string; responseCode?: number; command?: string };
  if (typeof responseCode === "number" && responseCode >= 500) return "refused";
  if (typeof responseCode === "number" && responseCode >= 400) return "retry";
  if (command === "CONN" || ["ECONNECTION", "EDNS", "ETLS", "EAUTH", "ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH"].includes(code ?? "")) return "retry";
  return "uncertain";
}

/**
 * What the queue and the log keep of a failure: its kind, codes and SMTP command,
 * never its text, which may name the recipient ("550 5.1.1 <ada@example.org>: no
 * such user") or hold a query's values.
 */
export function describeFailure(error: unknown): string {
  const { name, code, responseCode, command } = (error ?? {}) as { name?: unknown; code?: unknown; responseCode?: unknown; command?: unknown };
  const details = [code, responseCode, command].filter((part) => typeof part === "string" || typeof part === "number");
  return [typeof name === "string" ? name : "Error", ...details].join(" ");
}
