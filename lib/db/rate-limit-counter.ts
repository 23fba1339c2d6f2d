import type postgres from "postgres";
import { sql } from "./sql";

/** One hit to count: a limit's key, its allowance and the start of the fixed window the hit falls in. */
export type CounterHit = { key: string; limit: number; windowStart: Date };

/**
 * The one way a hit is counted, shared by every limit in the app: two CTEs,
 * `limits` (the hits) and `counted` (each key's count in its window, this
 * hit included), upserted in PostgreSQL so the count holds across app
 * instances. `onlyIf` (a boolean SQL expression) counts the hits only when it
 * holds (the comment hot path: only while the consultation is open). A statement may go on from them (the comment hot path writes
 * its comment only while every count is within its limit).
 */
export function countHitsCtes(hits: CounterHit[], onlyIf?: postgres.Fragment) {
  const rows = hits.map((hit) => ({ key: hit.key, limit: hit.limit, window_start: hit.windowStart.toISOString() }));
  return sql()`
    limits as (
      select * from json_to_recordset(${sql().json(rows)}::json) as t(key text, "limit" int, window_start timestamp)
      ${onlyIf ? sql()`where ${onlyIf}` : sql()``}
    ), counted as (
      insert into "RateLimitCounter" ("key", "windowStart", "count")
      select key, window_start, 1 from limits
      on conflict ("key", "windowStart") do update set "count" = "RateLimitCounter"."count" + 1
      returning "key", "count"
    )`;
}

/** Counts the hits on their own (one statement for all), returning each key's count. */
export async function countHits(hits: CounterHit[]): Promise<{ key: string; count: number }[]> {
  return sql()<{ key: string; count: number }[]>`with ${countHitsCtes(hits)} select key, count from counted`;
}

/** Counters are not evidence: drop windows older than `before`. */
export async function pruneCounters(before: Date) {
  await sql()`delete from "RateLimitCounter" where "windowStart" < ${before}`;
}
