import type { Target } from "@/lib/comments/resolve-target";
import { auditRowsFrom } from "./audit";
import type { Comment } from "./generated/client";
import { countHitsCtes, type CounterHit } from "./rate-limit-counter";
import { sql } from "./sql";

export type NewComment = {
  id: string;
  messageId: string;
  versionId: string;
  authorId: string;
  parentId: string | null;
  body: string;
  author: { name: string; stakeholderGroup: string; region: string; country: string; organisation: string | null };
  target: Target | null;
  idempotencyKey: string | null;
  action: string;
  /** Counted for this attempt; the comment is written only while every count stays within its limit. */
  hits: CounterHit[];
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
  const { target, author, now } = input;
  const [row] = await sql()<(Partial<Comment> & { rateLimitCounts: InsertResult["counts"] })[]>`
    with ${countHitsCtes(input.hits)}, inserted as (
      insert into "Comment" (id, "messageId", "messageVersionId", "authorId", "parentId", body, status,
        "authorName", "authorStakeholderGroup", "authorRegion", "authorCountry", "authorOrganisation",
        "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "idempotencyKey", "createdAt", "updatedAt")
      select ${input.id}, ${input.messageId}, ${input.versionId}, ${input.authorId}, ${input.parentId}, ${input.body}, 'PUBLISHED',
        ${author.name}, ${author.stakeholderGroup}::"StakeholderGroup", ${author.region}::"Region", ${author.country}, ${author.organisation},
        ${target?.exact ?? null}, ${target?.prefix ?? null}, ${target?.suffix ?? null}, ${target?.start ?? null}::int, ${target?.end ?? null}::int,
        ${input.idempotencyKey}, ${now}, ${now}
      where not exists (select 1 from counted join limits using ("key") where counted.count > limits."limit")
      on conflict ("authorId", "idempotencyKey") do nothing
      returning *
    ), audit as (${auditRowsFrom(
      sql()`select "authorId" as "actorId", id as "subjectId", "createdAt",
              jsonb_build_object('messageId', "messageId", 'versionId', "messageVersionId", 'parentId', "parentId") as data from inserted`,
      input.action,
      "Comment",
    )})
    select inserted.*, (select coalesce(json_agg(json_build_object('key', key, 'count', count)), '[]') from counted) as "rateLimitCounts"
    from (values (1)) as one left join inserted on true`;
  const { rateLimitCounts, ...comment } = row!;
  return { comment: comment.id ? (comment as Comment) : null, counts: rateLimitCounts };
}
