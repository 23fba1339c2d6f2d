import { Prisma } from "./generated/client";
import { db } from "./client";
import type { FlagReason } from "./generated/enums";

/** Why a comment is in the moderation queue. */
export type QueueState = "flagged" | "pending" | "appealed";

export type QueueFilter = { consultationId?: string; reason?: FlagReason; state?: QueueState };

export type QueueRow = { id: string; since: Date; openFlags: number; reasons: FlagReason[]; appealId: string | null; status: string };

/**
 * The comments waiting for a moderator, oldest first: those with open flags
 * (hidden automatically or not), those waiting for approval, and those whose
 * hiding is appealed. One statement for a page and the total: the open flags
 * are grouped once (served by the index on the flags' resolution).
 */
export async function queuePage(filter: QueueFilter, limit: number, offset: number) {
  const consultation = filter.consultationId ? Prisma.sql`and m."consultationId" = ${filter.consultationId}` : Prisma.empty;
  const reason = filter.reason ? Prisma.sql`and ${filter.reason}::"FlagReason" = any(q.reasons)` : Prisma.empty;
  const state =
    filter.state === "flagged" ? Prisma.sql`and q."openFlags" > 0`
    : filter.state === "pending" ? Prisma.sql`and q.status = 'PENDING'`
    : filter.state === "appealed" ? Prisma.sql`and q."appealId" is not null`
    : Prisma.empty;
  const rows = await db.$queryRaw<(QueueRow & { total: bigint })[]>`
    with flags as (
      select "commentId", count(*)::int as "openFlags", min("createdAt") as "firstFlag", array_agg(distinct reason) as reasons
      from "Flag" where resolution is null group by "commentId"
    ), appeals as (
      select distinct on ("commentId") "commentId", id as "appealId", "createdAt" as "appealedAt"
      from "Appeal" where outcome is null order by "commentId", "createdAt"
    ), waiting as (
      select id as "commentId" from "Comment" where status = 'PENDING'
      union select "commentId" from flags
      union select "commentId" from appeals
    ), q as (
      select c.id, c.status::text as status, c."messageId",
             least(f."firstFlag", a."appealedAt", case when c.status = 'PENDING' then c."createdAt" end) as since,
             coalesce(f."openFlags", 0) as "openFlags", coalesce(f.reasons, '{}') as reasons, a."appealId"
      from waiting w join "Comment" c on c.id = w."commentId"
      left join flags f on f."commentId" = c.id left join appeals a on a."commentId" = c.id
    )
    select q.id, q.status, q.since, q."openFlags", q.reasons::text[] as reasons, q."appealId", count(*) over () as total
    from q join "Message" m on m.id = q."messageId"
    where true ${consultation} ${reason} ${state}
    order by q.since, q.id
    limit ${limit} offset ${offset}`;
  return { rows: rows.map(({ total: _total, ...row }) => row), total: Number(rows[0]?.total ?? 0) };
}

/** Total of the same query when the page asked lies beyond the last (no rows came back to carry it). */
export async function queueCount(filter: QueueFilter) {
  return (await queuePage(filter, 1, 0)).total;
}
