import { Prisma } from "./generated/client";
import { db } from "./client";

export type ReportRange = { from: Date; to: Date; consultationId?: string };

/**
 * The figures of the public moderation report, counted in PostgreSQL over
 * [from, to), optionally for one consultation. Nothing about any person:
 * counts, shares and durations only.
 */
export async function moderationFigures({ from, to, consultationId }: ReportRange) {
  const inConsultation = consultationId ? Prisma.sql`and m."consultationId" = ${consultationId}` : Prisma.empty;
  const flagged = Prisma.sql`
    select f.*, m."consultationId" from "Flag" f join "Comment" c on c.id = f."commentId" join "Message" m on m.id = c."messageId"
    where f."createdAt" >= ${from} and f."createdAt" < ${to} ${inConsultation}`;
  // Actions on comments belong to the comment's consultation; actions on people (suspensions) to none.
  const actions = Prisma.sql`
    select a.*, m."consultationId" from "ModerationAction" a
    left join "Comment" c on c.id = a."commentId" left join "Message" m on m.id = c."messageId"
    where a."createdAt" >= ${from} and a."createdAt" < ${to}
      ${consultationId ? Prisma.sql`and m."consultationId" = ${consultationId}` : Prisma.empty}`;

  const [flagsByReason, actionsByKind, flagOutcomes, decisionTimes, appeals, perConsultation, perMonth] = await Promise.all([
    db.$queryRaw<{ reason: string; count: number }[]>`
      select f.reason::text as reason, count(*)::int as count from (${flagged}) f group by f.reason order by f.reason`,
    db.$queryRaw<{ action: string; reason: string | null; count: number }[]>`
      select a.action::text as action, a."reasonCategory"::text as reason, count(*)::int as count from (${actions}) a
      group by a.action, a."reasonCategory" order by a.action, a."reasonCategory" nulls first`,
    db.$queryRaw<{ received: number; upheld: number; dismissed: number; open: number }[]>`
      select count(*)::int as received,
             count(*) filter (where resolution = 'UPHELD')::int as upheld,
             count(*) filter (where resolution = 'DISMISSED')::int as dismissed,
             count(*) filter (where resolution is null)::int as open
      from (${flagged}) f`,
    // Per flagged comment: from its first flag to the first decision on its flags.
    db.$queryRaw<{ decided: number; medianSeconds: number | null }[]>`
      select count(*)::int as decided,
             percentile_cont(0.5) within group (order by extract(epoch from decided_at - first_flag))::float8 as "medianSeconds"
      from (select min("createdAt") as first_flag, min("resolvedAt") as decided_at from (${flagged}) f group by "commentId") per_comment
      where decided_at is not null`,
    db.$queryRaw<{ outcome: string; count: number }[]>`
      select coalesce(p.outcome::text, 'PENDING') as outcome, count(*)::int as count
      from "Appeal" p join "Comment" c on c.id = p."commentId" join "Message" m on m.id = c."messageId"
      where p."createdAt" >= ${from} and p."createdAt" < ${to} ${inConsultation}
      group by 1 order by 1`,
    db.$queryRaw<{ slug: string; title: string; flags: number; hidden: number }[]>`
      select k.slug, k.title,
             (select count(*)::int from (${flagged}) f where f."consultationId" = k.id) as flags,
             (select count(*)::int from (${actions}) a where a."consultationId" = k.id and a.action in ('HIDE_COMMENT', 'AUTO_HIDE_COMMENT')) as hidden
      from "Consultation" k
      -- Only published consultations are named; a draft's figures still count in the totals.
      where k."publishedAt" is not null
        and k.id in (select "consultationId" from (${flagged}) f union select "consultationId" from (${actions}) a where "consultationId" is not null)
      order by k.title`,
    db.$queryRaw<{ month: string; flags: number; actions: number }[]>`
      select to_char(month, 'YYYY-MM') as month, sum(flags)::int as flags, sum(actions)::int as actions from (
        select date_trunc('month', "createdAt") as month, 1 as flags, 0 as actions from (${flagged}) f
        union all
        select date_trunc('month', "createdAt"), 0, 1 from (${actions}) a
      ) events group by month order by month`,
  ]);
  return { flagsByReason, actionsByKind, flagOutcomes: flagOutcomes[0]!, decisionTimes: decisionTimes[0]!, appeals, perConsultation, perMonth };
}
