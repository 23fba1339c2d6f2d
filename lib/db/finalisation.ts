import type { Tx } from "./client";

export type CommentTally = { sectionId: string; total: number; answered: number };

/**
 * Top-level published comments per section of a consultation, and how many
 * of them have a disposition: the finalisation's progress, counted in the
 * database rather than by loading every comment.
 */
export async function tallyAnswered(tx: Pick<Tx, "$queryRaw">, consultationId: string): Promise<CommentTally[]> {
  const rows = await tx.$queryRaw<{ sectionId: string; total: bigint; answered: bigint }[]>`
    select m."sectionId" as "sectionId",
           count(*) as total,
           count(*) filter (where exists (select 1 from "Disposition" d where d."commentId" = c.id)) as answered
      from "Comment" c
      join "Message" m on m.id = c."messageId"
     where m."consultationId" = ${consultationId} and c."parentId" is null and c.status = 'PUBLISHED'
     group by m."sectionId"`;
  return rows.map((row) => ({ sectionId: row.sectionId, total: Number(row.total), answered: Number(row.answered) }));
}

/** The same per message. */
export async function tallyAnsweredByMessage(tx: Pick<Tx, "$queryRaw">, consultationId: string) {
  const rows = await tx.$queryRaw<{ messageId: string; total: bigint; answered: bigint }[]>`
    select c."messageId" as "messageId",
           count(*) as total,
           count(*) filter (where exists (select 1 from "Disposition" d where d."commentId" = c.id)) as answered
      from "Comment" c
      join "Message" m on m.id = c."messageId"
     where m."consultationId" = ${consultationId} and c."parentId" is null and c.status = 'PUBLISHED'
     group by c."messageId"`;
  return new Map(rows.map((row) => [row.messageId, { total: Number(row.total), answered: Number(row.answered) }]));
}
