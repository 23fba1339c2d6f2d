import { db } from "./client";

export type SearchHitRow = { kind: "message" | "section"; number: string; text: string; heading: string };

/**
 * Messages (their current text: the last draft until the outcome is published, when finalTexts) and sections (heading and introduction) of
 * a consultation that contain every pattern (ILIKE, served by the trigram
 * indexes), in document order.
 */
export async function findSearchHits(consultationId: string, patterns: string[], max: number, { finalTexts }: { finalTexts: boolean }) {
  return db.$queryRaw<SearchHitRow[]>`
    with current as (
      select distinct on (v."messageId") v."messageId", v.text
      from "MessageVersion" v join "Message" m on m.id = v."messageId"
      where m."consultationId" = ${consultationId} and (v.kind = 'DRAFT' or ${finalTexts})
      order by v."messageId", v.number desc
    )
    select * from (
    select 'message' as kind, m.number, c.text, s.heading, m.position, s.number as "sectionNumber"
    from current c join "Message" m on m.id = c."messageId" join "Section" s on s.id = m."sectionId"
    where c.text ilike all (${patterns}::text[])
    union all
    select 'section' as kind, s.number, s.introduction as text, s.heading, -1 as position, s.number as "sectionNumber"
    from "Section" s
    where s."consultationId" = ${consultationId} and (s.heading || ' ' || s.introduction) ilike all (${patterns}::text[])
    ) hits
    order by string_to_array("sectionNumber", '.')::int[], position
    limit ${max}`;
}
