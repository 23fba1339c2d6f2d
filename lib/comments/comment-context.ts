import { sql } from "@/lib/db/sql";
import type { Region, StakeholderGroup } from "@/lib/db/generated/enums";
import { rateLimitWindows, type RateLimit } from "@/lib/rate-limit";

export type CommentContext = {
  messageId: string;
  publishedAt: Date | null;
  opensAt: Date | null;
  closesAt: Date | null;
  finalisedAt: Date | null;
  versionId: string;
  text: string;
  authorName: string | null;
  stakeholderGroup: StakeholderGroup | null;
  region: Region | null;
  country: string | null;
  organisation: string | null;
  /** The author's earlier comment with the same idempotency key, if any. */
  repeatedId: string | null;
  /** The rate-limit counts after this attempt was counted. */
  counts: { key: string; count: number }[];
};

/**
 * Everything a new comment is checked against, in one round trip: the
 * message's consultation times, its current version, the author's declared
 * identity, any earlier comment with the same idempotency key, and the
 * author's rate-limit counters, counted for this attempt. This is the hot path
 * of comment submission, so it is one SQL statement.
 */
export async function loadCommentContext(
  messageId: string,
  authorId: string,
  idempotencyKey: string | null,
  limits: RateLimit[],
  now: Date,
) {
  const [row] = await sql()<CommentContext[]>`
    with counted as (
      insert into "RateLimitCounter" ("key", "windowStart", "count")
      select key, window_start, 1 from unnest(${limits.map((limit) => limit.key)}::text[], ${rateLimitWindows(limits, now).map((window) => window.toISOString())}::timestamp[]) as t(key, window_start)
      on conflict ("key", "windowStart") do update set "count" = "RateLimitCounter"."count" + 1
      returning "key", "count"
    )
    select m.id as "messageId", c."publishedAt", c."opensAt", c."closesAt", c."finalisedAt",
           v.id as "versionId", v.text,
           u.name as "authorName", p."stakeholderGroup", p.region, p.country, p.organisation,
           (select id from "Comment" where "authorId" = ${authorId} and "idempotencyKey" = ${idempotencyKey}) as "repeatedId",
           (select coalesce(json_agg(json_build_object('key', key, 'count', count)), '[]'::json) from counted) as counts
    from "Message" m
    join "Consultation" c on c.id = m."consultationId"
    join lateral (select id, text from "MessageVersion" where "messageId" = m.id order by number desc limit 1) v on true
    join "User" u on u.id = ${authorId}
    left join "StakeholderProfile" p on p."userId" = u.id
    where m.id = ${messageId}`;
  return row ?? null;
}
