import { db } from "./client";

/** Where a message stands in its document: its place (1-based), the count, and the numbers of its neighbours. */
export type MessagePlace = { position: number; total: number; previous: string | null; next: string | null };

/**
 * A message's place in document order (sections depth-first by position,
 * a section's own messages before its subsections'), in one statement that
 * reads only ids, positions and numbers.
 */
export async function findMessagePlace(consultationId: string, number: string): Promise<MessagePlace | null> {
  const [row] = await db.$queryRaw<{ position: bigint; total: bigint; previous: string | null; next: string | null }[]>`
    with recursive tree as (
      select id, array[position] as path from "Section" where "consultationId" = ${consultationId} and "parentId" is null
      union all
      select s.id, t.path || s.position from "Section" s join tree t on s."parentId" = t.id
    ), ordered as (
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
