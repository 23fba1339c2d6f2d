import { credentialSource, type CredentialColumns, type CredentialValidity, type HashedCredential, type OwnerFacts } from "./credential-owner";
import type { Region, StakeholderGroup } from "./generated/enums";
import { sql } from "./sql";

/** Who writes: a person already known, or a request's credential (session or token) still to be checked. */
export type AuthorRef = { userId: string } | HashedCredential;

/**
 * The author, read in the same statement (for a credential: whom it belongs
 * to, if it is valid), with the credential's columns when one was used
 * (expired tokens too: the caller refuses them, saying why).
 */
export type CommentContext = OwnerFacts & { [Column in keyof CredentialColumns]: CredentialColumns[Column] | null } & {
  /** The rest is null when the message does not exist. */
  messageId: string | null;
  publishedAt: Date | null;
  opensAt: Date | null;
  closesAt: Date | null;
  finalisedAt: Date | null;
  referenceTimeZone: string;
  /** The database's time when the context was read: the clock that decides the deadline (the write checks it again). */
  databaseTime: Date;
  /** The consultation's new comments wait for a moderator's approval. */
  preModeration: boolean;
  versionId: string;
  text: string;
  /** The document's own language. */
  documentLanguage: string;
  /** The newest text of the message in the translation asked for (`textLanguage`), if it has one. */
  translatedTextId: string | null;
  translatedText: string | null;
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
 * Everything a new comment is checked against, in one read: the author (for
 * a credential, found through it by the same SQL as whoIsAsking, so that the
 * write API needs no separate look-up) with their declared identity, the message's consultation times, its current
 * version, any earlier comment with the same idempotency key and the comment
 * replied to. Comment submission is the hot path, so this is one SQL
 * statement (and insertComment the only other). Null when there is no such
 * author (an unknown or revoked token, an ended session).
 */
export async function loadCommentContext(
  author: AuthorRef,
  request: { messageId: string; idempotencyKey: string | null; parentId: string | null; textLanguage: string | null },
  validity: CredentialValidity,
): Promise<CommentContext | null> {
  const owner =
    "userId" in author
      ? sql()`select ${author.userId}::text as "userId", null as "credentialId", null::timestamp as "expiresAt", null::timestamp as "lastUsedAt", null::timestamp as "startedAt"`
      : credentialSource(author, validity);
  const [row] = await sql()<CommentContext[]>`
    select u.id as "userId", u.role, u.email, u.name, u."suspendedAt", p."userId" is not null as "hasProfile",
           a."credentialId", a."expiresAt", a."lastUsedAt", a."startedAt",
           m.id as "messageId", c."publishedAt", c."opensAt", c."closesAt", c."finalisedAt", c."referenceTimeZone",
           date_trunc('milliseconds', statement_timestamp() at time zone 'UTC') as "databaseTime",
           coalesce(c."preModeration", false) as "preModeration",
           v.id as "versionId", v.text, c.language as "documentLanguage", tt.id as "translatedTextId", tt.text as "translatedText",
           p."stakeholderGroup", p.region, p.country, p.organisation, p."preferredLanguage" as "writingLanguage",
           (select id from "Comment" where "authorId" = u.id and "idempotencyKey" = ${request.idempotencyKey}) as "repeatedId",
           (select json_build_object('id', id, 'parentId', "parentId", 'messageId', "messageId", 'status', status)
              from "Comment" where id = ${request.parentId}) as parent
    from (${owner}) a
    join "User" u on u.id = a."userId"
    left join "StakeholderProfile" p on p."userId" = u.id
    left join "Message" m on m.id = ${request.messageId}
    left join "Consultation" c on c.id = m."consultationId"
    left join lateral (select id, text from "MessageVersion" where "messageId" = m.id order by number desc limit 1) v on true
    left join lateral (
      select t.id, t.text from "TranslatedText" t join "Translation" tr on tr.id = t."translationId"
      where t."messageId" = m.id and tr.language = ${request.textLanguage} order by t.number desc limit 1
    ) tt on true`;
  return row ?? null;
}
