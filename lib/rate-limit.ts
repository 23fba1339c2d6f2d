import { AppError } from "./errors";
import { db } from "./db/client";

export type RateLimit = { key: string; limit: number; windowSeconds: number };

/**
 * Counts one hit against each limit in a fixed time window, in PostgreSQL so the
 * count holds across app instances. Throws RATE_LIMITED with the wait when any
 * limit is exceeded.
 */
export async function enforceRateLimits(limits: RateLimit[], now = new Date()) {
  let retryAfterSeconds = 0;
  for (const { key, limit, windowSeconds } of limits) {
    const windowMs = windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    const [row] = await db.$queryRaw<{ count: number }[]>`
      insert into "RateLimitCounter" ("key", "windowStart", "count") values (${key}, ${windowStart}, 1)
      on conflict ("key", "windowStart") do update set "count" = "RateLimitCounter"."count" + 1
      returning "count"`;
    if (row && row.count > limit) {
      const wait = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
      retryAfterSeconds = Math.max(retryAfterSeconds, wait);
    }
  }
  if (retryAfterSeconds > 0) throw new AppError("RATE_LIMITED", { retryAfterSeconds });
}

/** Old windows are only counters, not evidence: drop them once they are a day old. */
export async function pruneRateLimitCounters(now = new Date()) {
  await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 86_400_000) } } });
}
