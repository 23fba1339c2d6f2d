import type { Comment } from "@/lib/db/generated/client";
import { sql } from "@/lib/db/sql";
import { rateLimitWindows, type RateLimit } from "@/lib/rate-limit";
import type { Target } from "./resolve-target";

export type NewComment = {
  id: string;
  messageId: string;
  versionId: string;
  authorId: string;
  parentId: string | null;
  body: string;
  author: { name: string; group: string; region: string; country: string; organisation: string | null };
  target: Target | null;
  idempotencyKey: string | null;
  action: string;
  /** Counted for this attempt; the comment is written only while every count stays within its limit. */
  limits: RateLimit[];
  now: Date;
};

export type InsertResult = {
  /** Null when a limit was exceeded, or the author already used the idempotency key. */
  comment: Comment | null;
  /** Each limit's count with this attempt. */
  counts: { key: string; count: number }[];
};

/**
 * One statement, so all or nothing is written: counts the attempt against the
 * author's rate limits, then, if they all hold, inserts the comment (unless
 * the author already used the idempotency key) and its audit event.
 */
export async function insertComment(input: NewComment): Promise<InsertResult> {
  const { target, author, limits, now } = input;
  const [row] = await sql()<(Partial<Comment> & { rateLimitCounts: InsertResult["counts"] })[]>`
    with limits as (
      select * from json_to_recordset(${sql().json(limitRows(limits, now))}::json) as t(key text, "limit" int, window_start timestamp)
    ), counted as (
      insert into "RateLimitCounter" ("key", "windowStart", "count")
      select key, window_start, 1 from limits
      on conflict ("key", "windowStart") do update set "count" = "RateLimitCounter"."count" + 1
      returning "key", "count"
    ), inserted as (
      insert into "Comment" (id, "messageId", "messageVersionId", "authorId", "parentId", body, status,
        "authorName", "authorGroup", "authorRegion", "authorCountry", "authorOrganisation",
        "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "idempotencyKey", "createdAt", "updatedAt")
      select ${input.id}, ${input.messageId}, ${input.versionId}, ${input.authorId}, ${input.parentId}, ${input.body}, 'PUBLISHED',
        ${author.name}, ${author.group}::"StakeholderGroup", ${author.region}::"Region", ${author.country}, ${author.organisation},
        ${target?.exact ?? null}, ${target?.prefix ?? null}, ${target?.suffix ?? null}, ${target?.start ?? null}::int, ${target?.end ?? null}::int,
        ${input.idempotencyKey}, ${now}, ${now}
      where not exists (select 1 from counted join limits using ("key") where counted.count > limits."limit")
      on conflict ("authorId", "idempotencyKey") do nothing
      returning *
    ), audit as (
      insert into "AuditEvent" ("actorId", action, "subjectType", "subjectId", data, "createdAt")
      select "authorId", ${input.action}, 'Comment', id,
             jsonb_build_object('messageId', "messageId", 'versionId', "messageVersionId", 'parentId', "parentId"), "createdAt"
      from inserted
    )
    select inserted.*, (select coalesce(json_agg(json_build_object('key', key, 'count', count)), '[]') from counted) as "rateLimitCounts"
    from (values (1)) as one left join inserted on true`;
  const { rateLimitCounts, ...comment } = row!;
  return { comment: comment.id ? (comment as Comment) : null, counts: rateLimitCounts };
}

/** The limits as rows for json_to_recordset (one parameter, no array types to look up). */
function limitRows(limits: RateLimit[], now: Date) {
  const windows = rateLimitWindows(limits, now);
  return limits.map((limit, index) => ({ key: limit.key, limit: limit.limit, window_start: windows[index]!.toISOString() }));
}
