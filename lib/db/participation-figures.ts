import { Prisma } from "./generated/client";
import { db } from "./client";

/**
 * The counts behind a consultation's participation statistics, grouped in
 * PostgreSQL (no comment is loaded). Counted: PUBLISHED comments and replies
 * written by participants (not by the secretariat or administrators, whose
 * answers are not participation). Each person is counted once, under the
 * stakeholder group, region and country copied onto their latest comment,
 * and each of their comments is counted under that same identity.
 */
function publicComments(consultationId: string) {
  return Prisma.sql`
    select c.id, c."authorId", c."parentId", c."messageId", c."createdAt",
           c."authorStakeholderGroup", c."authorRegion", c."authorCountry"
    from "Comment" c
    join "Message" m on m.id = c."messageId"
    join "User" u on u.id = c."authorId"
    where m."consultationId" = ${consultationId} and c.status = 'PUBLISHED' and u.role = 'PARTICIPANT'`;
}

/** One row per person (one pass): their latest identity and how many comments (and top-level comments) they wrote. */
function people(consultationId: string) {
  return Prisma.sql`
    select distinct on ("authorId") "authorId", "authorStakeholderGroup" as "group", "authorRegion" as region, "authorCountry" as country,
           count(*) over (partition by "authorId") as comments,
           count(*) filter (where "parentId" is null) over (partition by "authorId") as "topLevel"
    from (${publicComments(consultationId)}) pc
    order by "authorId", "createdAt" desc, id desc`;
}

export type GroupRegionRow = { group: string; region: string; participants: number; comments: number; topLevel: number };
export type CountryRow = { country: string; participants: number; comments: number };
export type SectionRow = { number: string; heading: string; comments: number; topLevel: number };
export type DispositionRow = { outcome: string | null; comments: number };

export async function participationFigures(consultationId: string, withDispositions: boolean) {
  const [byPeople, bySection, dispositions] = await Promise.all([
    // Both groupings of the people in one statement: by group and region, and by country.
    db.$queryRaw<(GroupRegionRow & { country: string | null; byCountry: boolean })[]>`
      select p."group"::text as "group", p.region::text as region, p.country::text as country,
             grouping(p.country) = 0 as "byCountry", count(*)::int as participants,
             sum(p.comments)::int as comments, sum(p."topLevel")::int as "topLevel"
      from (${people(consultationId)}) p
      group by grouping sets ((p."group", p.region), (p.country))`,
    // Every top-level section, in document order, with the comments on messages anywhere beneath it.
    db.$queryRaw<SectionRow[]>`
      with recursive tree as (
        select id, id as root from "Section" where "consultationId" = ${consultationId} and "parentId" is null
        union all
        select s.id, tree.root from "Section" s join tree on s."parentId" = tree.id
      ),
      counted as (
        select tree.root, count(pc.id)::int as comments, count(pc.id) filter (where pc."parentId" is null)::int as "topLevel"
        from (${publicComments(consultationId)}) pc
        join "Message" m on m.id = pc."messageId"
        join tree on tree.id = m."sectionId"
        group by tree.root
      )
      select s.number, s.heading, coalesce(counted.comments, 0)::int as comments, coalesce(counted."topLevel", 0)::int as "topLevel"
      from "Section" s left join counted on counted.root = s.id
      where s."consultationId" = ${consultationId} and s."parentId" is null
      order by s.position, s.id`,
    // Top-level comments by their current (latest) disposition; null: none recorded.
    withDispositions
      ? db.$queryRaw<DispositionRow[]>`
          select current.outcome::text as outcome, count(*)::int as comments
          from (${publicComments(consultationId)}) pc
          left join lateral (
            select d.outcome from "Disposition" d where d."commentId" = pc.id order by d."createdAt" desc, d.id desc limit 1
          ) current on true
          where pc."parentId" is null
          group by current.outcome`
      : Promise.resolve(null),
  ]);
  return {
    byGroupAndRegion: byPeople.filter((row) => !row.byCountry).map(({ group, region, participants, comments, topLevel }) => ({ group, region, participants, comments, topLevel })),
    byCountry: byPeople.filter((row) => row.byCountry).map(({ country, participants, comments }) => ({ country: country!, participants, comments })),
    bySection,
    dispositions,
  };
}
