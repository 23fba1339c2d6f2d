import { countHits, pruneCounters, type CounterHit } from "./db/rate-limit-counter";
import { AppError } from "./errors";

export type RateLimit = { key: string; limit: number; windowSeconds: number };

/** A limit a deployment may set in the environment: a whole number, 1 or more, else the app refuses to start. */
export { wholeNumberFromEnvironment as limitFromEnvironment } from "./env";

/** The fixed window each limit falls in at `now`. */
export function rateLimitWindows(limits: RateLimit[], now: Date) {
  return limits.map(({ windowSeconds }) => {
    const windowMs = windowSeconds * 1000;
    return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  });
}

/** Throws RATE_LIMITED with the longest wait when a counted hit went over its limit. */
export function checkRateLimitCounts(limits: RateLimit[], counts: { key: string; count: number }[], now: Date) {
  const windows = rateLimitWindows(limits, now);
  let retryAfterSeconds = 0;
  limits.forEach(({ key, limit, windowSeconds }, index) => {
    const count = counts.find((row) => row.key === key)?.count ?? 0;
    if (count > limit) {
      const wait = Math.ceil((windows[index]!.getTime() + windowSeconds * 1000 - now.getTime()) / 1000);
      retryAfterSeconds = Math.max(retryAfterSeconds, wait);
    }
  });
  if (retryAfterSeconds > 0) throw new AppError("RATE_LIMITED", { retryAfterSeconds });
}

/**
 * Counts one hit against each limit in a fixed time window, in PostgreSQL so the
 * count holds across app instances (one statement for all limits). Throws
 * RATE_LIMITED with the wait when any limit is exceeded.
 */
export async function enforceRateLimits(limits: RateLimit[], now = new Date()): Promise<{ key: string; count: number }[]> {
  if (limits.length === 0) return [];
  const counts = await countHits(counterHits(limits, now));
  checkRateLimitCounts(limits, counts, now);
  return counts;
}

/** Each limit as the hit that counts against it now. */
export function counterHits(limits: RateLimit[], now: Date): CounterHit[] {
  const windows = rateLimitWindows(limits, now);
  return limits.map((limit, index) => ({ key: limit.key, limit: limit.limit, windowStart: windows[index]! }));
}

/** Old windows are only counters, not evidence: drop them once they are a day old. */
export async function pruneRateLimitCounters(now = new Date()) {
  await pruneCounters(new Date(now.getTime() - 86_400_000));
}
