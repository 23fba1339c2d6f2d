import { sql } from "@/lib/db/sql";
import type { Region, StakeholderGroup } from "@/lib/db/generated/enums";

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
  /** The comment replied to, if a reply was asked for and it exists. */
  parent: { id: string; parentId: string | null; messageId: string; status: string } | null;
};

/**
 * Everything a new comment is checked against, in one read: the message's
 * consultation times, its current version, the author's declared identity,
 * any earlier comment with the same idempotency key and the comment replied
 * to. Comment submission is the hot path, so this is one SQL statement (and
 * insertComment the only other).
 */
export async function loadCommentContext(messageId: string, authorId: string, idempotencyKey: string | null, parentId: string | null) {
  const [row] = await sql()<CommentContext[]>`
    select m.id as "messageId", c."publishedAt", c."opensAt", c."closesAt", c."finalisedAt",
           v.id as "versionId", v.text,
           u.name as "authorName", p."stakeholderGroup", p.region, p.country, p.organisation,
           (select id from "Comment" where "authorId" = ${authorId} and "idempotencyKey" = ${idempotencyKey}) as "repeatedId",
           (select json_build_object('id', id, 'parentId', "parentId", 'messageId', "messageId", 'status', status)
              from "Comment" where id = ${parentId}) as parent
    from "Message" m
    join "Consultation" c on c.id = m."consultationId"
    join lateral (select id, text from "MessageVersion" where "messageId" = m.id order by number desc limit 1) v on true
    join "User" u on u.id = ${authorId}
    left join "StakeholderProfile" p on p."userId" = u.id
    where m.id = ${messageId}`;
  return row ?? null;
}
