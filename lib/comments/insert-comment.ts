import type { Comment } from "@/lib/db/generated/client";
import { sql } from "@/lib/db/sql";
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
  now: Date;
};

/**
 * Inserts the comment and its audit event in one statement (so both or
 * neither are written). With an idempotency key already used by the author,
 * nothing is written and null is returned.
 */
export async function insertComment(input: NewComment): Promise<Comment | null> {
  const { target, author, now } = input;
  const [row] = await sql()<Comment[]>`
    with inserted as (
      insert into "Comment" (id, "messageId", "messageVersionId", "authorId", "parentId", body, status,
        "authorName", "authorGroup", "authorRegion", "authorCountry", "authorOrganisation",
        "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "idempotencyKey", "createdAt", "updatedAt")
      values (${input.id}, ${input.messageId}, ${input.versionId}, ${input.authorId}, ${input.parentId}, ${input.body}, 'PUBLISHED',
        ${author.name}, ${author.group}::"StakeholderGroup", ${author.region}::"Region", ${author.country}, ${author.organisation},
        ${target?.exact ?? null}, ${target?.prefix ?? null}, ${target?.suffix ?? null}, ${target?.start ?? null}::int, ${target?.end ?? null}::int,
        ${input.idempotencyKey}, ${now}, ${now})
      on conflict ("authorId", "idempotencyKey") do nothing
      returning *
    ), audit as (
      insert into "AuditEvent" ("actorId", action, "subjectType", "subjectId", data, "createdAt")
      select "authorId", ${input.action}, 'Comment', id,
             jsonb_build_object('messageId', "messageId", 'versionId', "messageVersionId", 'parentId', "parentId"), "createdAt"
      from inserted
    )
    select * from inserted`;
  return row ?? null;
}
