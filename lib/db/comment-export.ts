import { sql } from "./sql";

/** A public comment as the exports write it: the comment's columns, its agreements and its current disposition. */
export type ExportedComment = {
  id: string;
  messageId: string;
  messageVersionId: string;
  parentId: string | null;
  status: string;
  body: string;
  authorName: string;
  authorStakeholderGroup: string;
  authorRegion: string;
  authorCountry: string;
  authorOrganisation: string | null;
  quoteExact: string | null;
  quotePrefix: string | null;
  quoteSuffix: string | null;
  positionStart: number | null;
  positionEnd: number | null;
  createdAt: Date;
  editedAt: Date | null;
  moderatedAt: Date | null;
  moderationReason: string | null;
  moderationNote: string | null;
  agreements: number;
  dispositionOutcome: string | null;
  dispositionRationale: string | null;
  dispositionAt: Date | null;
};

export type CommentKey = { createdAt: Date; id: string };

/**
 * A consultation's messages in the order of the document: sections by
 * position at every depth, a section's own messages before its sub-sections.
 */
export async function messagesInDocumentOrder(consultationId: string): Promise<{ id: string; number: string }[]> {
  return sql()<{ id: string; number: string }[]>`
    with recursive tree as (
      select id, array[0, position] as path from "Section" where "consultationId" = ${consultationId} and "parentId" is null
      union all
      select s.id, t.path || array[1, s.position] from "Section" s join tree t on s."parentId" = t.id
    )
    select m.id, m.number from "Message" m join tree t on t.id = m."sectionId"
    order by t.path || array[0, m.position], m.id`;
}

/**
 * The next `limit` public comments of a message after `after`, oldest first:
 * one short query on the (messageId, createdAt) index, so an export holds no
 * connection between batches however slowly its reader takes them. Comments
 * waiting for approval are never exported. With `dispositions`, each comment
 * carries its latest disposition (the current one).
 */
export async function exportedComments(messageId: string, after: CommentKey | null, limit: number, dispositions: boolean): Promise<ExportedComment[]> {
  const db = sql();
  const from = after ? db`and c."createdAt" >= ${after.createdAt} and (c."createdAt", c.id) > (${after.createdAt}, ${after.id})` : db``;
  return db<ExportedComment[]>`
    select c.id, c."messageId", c."messageVersionId", c."parentId", c.status, c.body,
           c."authorName", c."authorStakeholderGroup", c."authorRegion", c."authorCountry", c."authorOrganisation",
           c."quoteExact", c."quotePrefix", c."quoteSuffix", c."positionStart", c."positionEnd",
           c."createdAt", c."editedAt", c."moderatedAt", c."moderationReason", c."moderationNote",
           (select count(*)::int from "CommentAgreement" a where a."commentId" = c.id) as agreements,
           d.outcome as "dispositionOutcome", d.rationale as "dispositionRationale", d."createdAt" as "dispositionAt"
    from "Comment" c
    left join lateral (
      select outcome, rationale, "createdAt" from "Disposition"
      where "commentId" = c.id and ${dispositions}
      order by "createdAt" desc, id desc limit 1
    ) d on true
    where c."messageId" = ${messageId} and c.status <> 'PENDING' ${from}
    order by c."createdAt", c.id
    limit ${limit}`;
}
