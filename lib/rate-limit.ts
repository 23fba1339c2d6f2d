import { AppError } from "./errors";
import { db } from "./db/client";

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
  const counts = await db.$queryRaw<{ key: string; count: number }[]>`
    insert into "RateLimitCounter" ("key", "windowStart", "count")
    select key, window_start, 1 from unnest(${limits.map((limit) => limit.key)}::text[], ${rateLimitWindows(limits, now)}::timestamp[]) as t(key, window_start)
    on conflict ("key", "windowStart") do update set "count" = "RateLimitCounter"."count" + 1
    returning "key", "count"`;
  checkRateLimitCounts(limits, counts, now);
  return counts;
}

/** Old windows are only counters, not evidence: drop them once they are a day old. */
export async function pruneRateLimitCounters(now = new Date()) {
  await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 86_400_000) } } });
}
