import type { Tx } from "./client";

export type CommentTally = { messageId: string; sectionId: string; total: number; answered: number };

/**
 * Top-level published comments per message of a consultation (with the
 * message's section), and how many of them have a disposition: the
 * finalisation's progress, counted in the database rather than by loading
 * every comment.
 */
export async function tallyAnswered(tx: Pick<Tx, "$queryRaw">, consultationId: string): Promise<CommentTally[]> {
  const rows = await tx.$queryRaw<{ messageId: string; sectionId: string; total: bigint; answered: bigint }[]>`
    select c."messageId" as "messageId", m."sectionId" as "sectionId",
           count(*) as total,
           count(*) filter (where exists (select 1 from "Disposition" d where d."commentId" = c.id)) as answered
      from "Comment" c
      join "Message" m on m.id = c."messageId"
     where m."consultationId" = ${consultationId} and c."parentId" is null and c.status = 'PUBLISHED'
     group by c."messageId", m."sectionId"`;
  return rows.map((row) => ({ messageId: row.messageId, sectionId: row.sectionId, total: Number(row.total), answered: Number(row.answered) }));
}
