import type { Target } from "@/lib/comments/resolve-target";
import { auditRowsFrom } from "./audit";
import type { Comment } from "./generated/client";
import { notificationDelivery } from "./notification-delivery";
import { countHitsCtes, type CounterHit } from "./rate-limit-counter";
import { PARKED_UNTIL_APPROVED } from "./notification-queue";
import { sql } from "./sql";

export type NewComment = {
  id: string;
  messageId: string;
  versionId: string;
  /** The translation's text it is written on (lib/translations); null: the original's version. */
  translatedTextId: string | null;
  authorId: string;
  parentId: string | null;
  /** The comment the reply answers: the thread's first comment, or a reply in it (parentId is the thread's first comment). */
  repliedToId: string | null;
  body: string;
  /** textFingerprint(body): the re-post check compares it with hidden comments'. */
  bodyFingerprint: string;
  /** The consultation holds every new comment for a moderator's approval. */
  preModeration: boolean;
  author: { name: string; stakeholderGroup: string; region: string; country: string; organisation: string | null };
  /** BCP 47, or null when neither the author nor their profile gave one. */
  language: string | null;
  target: Target | null;
  idempotencyKey: string | null;
  action: string;
  /** Counted for this attempt; the comment is written only while every count stays within its limit. */
  hits: CounterHit[];
  /** Mail can be sent (SMTP or the development outbox): queue the author's receipt and the reply notification. */
  queueMail: boolean;
  /** Draws a new receipt number (lib/comments/receipt-number.ts); drawn again if it is taken. */
  drawReceiptNumber: () => string;
};

export type InsertResult = {
  /** Null when a limit was exceeded, or the author already used the idempotency key. */
  comment: Comment | null;
  /** Each limit's count with this attempt (none when the consultation was not open). */
  counts: { key: string; count: number }[];
  /** The database's time when the statement began: the comment's createdAt, and the instant the deadline was checked at. */
  acceptedAt: Date;
  /** Whether the consultation was open for comments at acceptedAt; when not, nothing was written or counted. */
  open: boolean;
};

/** Hidden for these, the same text posted again is held for review instead of published. */
export const REPOST_HELD_REASONS = ["VIOLENT_EXTREMISM", "HARASSMENT_OR_HATE"] as const;

/**
 * One statement, so all or nothing is written: counts the attempt against the
 * author's rate limits, then, if they all hold, inserts the comment (unless
 * the author already used the idempotency key) with its receipt number, its
 * audit event and the mail it causes (the author's receipt, a notification to
 * the authors of the thread and of the comment replied to), queued for the worker: no extra round trip.
 *
 * The database's clock decides the deadline, so that app instances whose
 * clocks disagree accept the same things: the comment is written only while
 * its consultation is open at statement_timestamp() (opensAt included,
 * closesAt excluded), and that instant is its createdAt. statement_timestamp(),
 * not now() (the start of a surrounding transaction, which may be older) nor
 * clock_timestamp() (which moves while the statement runs, so the check and the
 * stored time could disagree): one instant for the check, the stored time,
 * the receipt and the audit event. It is cut to the millisecond first, as the
 * columns store it: rounded there instead, 0.9996 ms before closesAt would be
 * stored as closesAt itself.
 *
 * A comment is held (PENDING, with a HOLD_COMMENT action by nobody and its
 * audit event) when the consultation is pre-moderated, or when its text's
 * fingerprint matches a comment hidden for violent extremism or hate (the
 * action then carries that category). A held comment's receipt still goes
 * out (it says the comment waits for approval); reply notifications wait for
 * its approval (queued parked, due only once approveComment releases them), so nobody is sent a link to a
 * text they cannot read.
 */
export async function insertComment(input: NewComment): Promise<InsertResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertCommentOnce(input, input.drawReceiptNumber());
    } catch (error) {
      // Two comments drew the same random receipt number (about once in 10⁵ comments at ten million): draw again.
      if (attempt >= 3 || (error as { constraint_name?: string }).constraint_name !== "Comment_receiptNumber_key") throw error;
    }
  }
}

async function insertCommentOnce(input: NewComment, receiptNumber: string): Promise<InsertResult> {
  const { target, author } = input;
  const [row] = await sql()<(Partial<Comment> & { rateLimitCounts: InsertResult["counts"]; acceptedAt: Date; open: boolean })[]>`
    with clock as (
      select t.at, exists (
        select 1 from "Message" m join "Consultation" c on c.id = m."consultationId"
        where m.id = ${input.messageId} and c."publishedAt" is not null and c."finalisedAt" is null
          and (c."opensAt" is null or c."opensAt" <= t.at) and (c."closesAt" is null or t.at < c."closesAt")
      ) as open
      from (select date_trunc('milliseconds', statement_timestamp() at time zone 'UTC') as at) t
    ), ${countHitsCtes(input.hits, sql()`(select open from clock)`)}, repost as (
      select h."moderationReason" as reason from "Comment" h
      where h."bodyFingerprint" = ${input.bodyFingerprint} and h.status = 'HIDDEN'
        and h."moderationReason" in ${sql()(REPOST_HELD_REASONS as unknown as string[])}
      order by h."moderatedAt" desc nulls last limit 1
    ), inserted as (
      insert into "Comment" (id, "messageId", "messageVersionId", "translatedTextId", "authorId", "parentId", body, language, status,
        "authorName", "authorStakeholderGroup", "authorRegion", "authorCountry", "authorOrganisation",
        "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "idempotencyKey", "receiptNumber", "bodyFingerprint", "moderatedAt", "moderationReason", "createdAt", "updatedAt")
      select ${input.id}, ${input.messageId}, ${input.versionId}, ${input.translatedTextId}, ${input.authorId}, ${input.parentId}, ${input.body}, ${input.language},
        (case when ${input.preModeration}::boolean or exists (select 1 from repost) then 'PENDING' else 'PUBLISHED' end)::"CommentStatus",
        ${author.name}, ${author.stakeholderGroup}::"StakeholderGroup", ${author.region}::"Region", ${author.country}, ${author.organisation},
        ${target?.exact ?? null}, ${target?.prefix ?? null}, ${target?.suffix ?? null}, ${target?.start ?? null}::int, ${target?.end ?? null}::int,
        ${input.idempotencyKey}, ${receiptNumber}, ${input.bodyFingerprint},
        case when ${input.preModeration}::boolean or exists (select 1 from repost) then (select at from clock) end,
        (select reason from repost), (select at from clock), (select at from clock)
      where (select open from clock) and not exists (select 1 from counted join limits using ("key") where counted.count > limits."limit")
      on conflict ("authorId", "idempotencyKey") do nothing
      returning *
    ), audit as (${auditRowsFrom(
      sql()`select "authorId" as "actorId", id as "subjectId", "createdAt",
              jsonb_build_object('messageId', "messageId", 'versionId', "messageVersionId", 'parentId', "parentId") as data from inserted`,
      input.action,
      "Comment",
    )}), hold as (
      insert into "ModerationAction" (id, action, "commentId", "moderatorId", "reasonCategory", "createdAt")
      select gen_random_uuid()::text, 'HOLD_COMMENT', id, null, "moderationReason", "createdAt" from inserted where status = 'PENDING'
      returning id, "commentId", "reasonCategory", "createdAt"
    ), hold_audit as (${auditRowsFrom(
      sql()`select null::text as "actorId", "commentId" as "subjectId", "createdAt",
              jsonb_build_object('moderationActionId', id, 'cause', case when "reasonCategory" is null then 'pre-moderation' else 'repost' end)
              || case when "reasonCategory" is null then '{}'::jsonb else jsonb_build_object('reason', "reasonCategory") end as data from hold`,
      "comment.held",
      "Comment",
    )}), receipt as (
      insert into "Notification" (id, "userId", kind, "dedupeKey", "commentId", "runAfter", "createdAt")
      select gen_random_uuid()::text, "authorId", 'RECEIPT', 'receipt:' || id, id, "createdAt", "createdAt" from inserted
      where ${input.queueMail}::boolean and not exists (select 1 from "NotificationSetting" s where s."userId" = inserted."authorId" and not s.receipts)
    ), reply as (
      insert into "Notification" (id, "userId", kind, delivery, "dedupeKey", "commentId", "runAfter", "createdAt")
      select distinct on (answered."authorId") gen_random_uuid()::text, answered."authorId", 'REPLY', d.delivery,
             'reply:' || inserted.id || ':' || answered."authorId", inserted.id,
             case when inserted.status = 'PUBLISHED' then inserted."createdAt" else ${PARKED_UNTIL_APPROVED}::timestamp end, inserted."createdAt"
      from inserted
      join "Comment" answered on answered.id in (inserted."parentId", ${input.repliedToId}::text)
      join "NotificationSetting" s on s."userId" = answered."authorId" and s.replies
      cross join lateral (select ${notificationDelivery(sql()`answered."authorId"`)} as delivery) d
      where ${input.queueMail}::boolean and answered."authorId" <> inserted."authorId" and d.delivery is not null
    )
    select inserted.*, (select coalesce(json_agg(json_build_object('key', key, 'count', count)), '[]') from counted) as "rateLimitCounts",
           clock.at as "acceptedAt", clock.open
    from clock left join inserted on true`;
  const { rateLimitCounts, acceptedAt, open, ...comment } = row!;
  return { comment: comment.id ? (comment as Comment) : null, counts: rateLimitCounts, acceptedAt, open };
}
