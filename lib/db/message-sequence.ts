import { db } from "./client";
import { Prisma } from "./generated/client";

/** Where a message stands in its document: its place (1-based), the count, and the numbers of its neighbours. */
export type MessagePlace = { position: number; total: number; previous: string | null; next: string | null };

/**
 * A message's place in document order (sections depth-first by position,
 * a section's own messages before its subsections'), in one statement that
 * reads only ids, positions and numbers.
 */
export async function findMessagePlace(consultationId: string, number: string): Promise<MessagePlace | null> {
  const [row] = await db.$queryRaw<{ position: bigint; total: bigint; previous: string | null; next: string | null }[]>`
    with recursive ${sectionPaths(consultationId)}, ordered as (
      select m.number,
             row_number() over w as position,
             count(*) over () as total,
             lag(m.number) over w as previous,
             lead(m.number) over w as next
      from "Message" m join tree t on t.id = m."sectionId"
      where m."consultationId" = ${consultationId}
      window w as (order by t.path, m.position, m.id)
    )
    select position, total, previous, next from ordered where number = ${number}`;
  return row ? { position: Number(row.position), total: Number(row.total), previous: row.previous, next: row.next } : null;
}

/** A consultation's messages in the order of the document, as findMessagePlace counts it. */
export async function messagesInDocumentOrder(consultationId: string): Promise<{ id: string; number: string }[]> {
  return db.$queryRaw<{ id: string; number: string }[]>`
    with recursive ${sectionPaths(consultationId)}
    select m.id, m.number from "Message" m join tree t on t.id = m."sectionId"
    order by t.path, m.position, m.id`;
}

/**
 * The CTE `tree`: every section of the consultation with its path of
 * positions from the top, so that ordering by (path, message position) reads
 * sections depth-first, a section's own messages before its subsections'.
 */
function sectionPaths(consultationId: string) {
  return Prisma.sql`tree as (
      select id, array[position] as path from "Section" where "consultationId" = ${consultationId} and "parentId" is null
      union all
      select s.id, t.path || s.position from "Section" s join tree t on s."parentId" = t.id
    )`;
}
