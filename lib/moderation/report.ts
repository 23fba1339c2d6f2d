import { z } from "zod";
import { db } from "@/lib/db/client";
import { moderationFigures } from "@/lib/db/moderation-report";
import { AppError } from "@/lib/errors";
import { searchParam } from "@/lib/http/search-params";
import { calendarDay, dayRangeInstants, daysInOrder } from "@/lib/time/day-range";
import { parseInput } from "@/lib/validation";

/** `from` and `to` are calendar days (UTC), both included; either may be left out. */
const reportQuerySchema = z
  .object({ from: calendarDay.optional(), to: calendarDay.optional(), consultation: z.string().max(200, "errors.invalid").optional() })
  .refine(...daysInOrder);

export type ReportQuery = z.output<typeof reportQuerySchema>;

/** The query from URL parameters; bad dates are a VALIDATION error naming the field. */
export function reportQuery(params: Record<string, string | string[] | null | undefined>): ReportQuery {
  return parseInput(reportQuerySchema, { from: searchParam(params.from), to: searchParam(params.to), consultation: searchParam(params.consultation) });
}

const EARLIEST = new Date("2000-01-01T00:00:00Z");

/**
 * The public moderation report: what was flagged and why, what the
 * moderators did and why, how fast, appeals and suspensions; per
 * consultation and per month. Only counts: no names, no texts.
 */
export async function moderationReport(query: ReportQuery, now = new Date()) {
  const consultation = query.consultation
    ? await db.consultation.findFirst({ where: { slug: query.consultation, publishedAt: { not: null } }, select: { id: true, slug: true, title: true } })
    : null;
  if (query.consultation && !consultation) throw new AppError("NOT_FOUND");
  const days = dayRangeInstants(query);
  const from = days.start ?? EARLIEST;
  const to = days.end ?? new Date(now.getTime() + 1);
  const figures = await moderationFigures({ from, to, consultationId: consultation?.id });
  const { received, upheld } = figures.flagOutcomes;
  const suspensions = (kind: string) => figures.actionsByKind.filter((row) => row.action === kind).reduce((sum, row) => sum + row.count, 0);
  return {
    range: { from: query.from ?? null, to: query.to ?? null },
    consultation: consultation ? { slug: consultation.slug, title: consultation.title } : null,
    flags: { received, byReason: figures.flagsByReason, upheld, dismissed: figures.flagOutcomes.dismissed, open: figures.flagOutcomes.open },
    /** Flags whose comment the moderators hid, of all flags received. */
    shareOfFlagsActedOn: received === 0 ? null : upheld / received,
    actions: figures.actionsByKind,
    medianHoursFromFirstFlagToDecision: figures.decisionTimes.medianSeconds === null ? null : figures.decisionTimes.medianSeconds / 3600,
    commentsDecided: figures.decisionTimes.decided,
    appeals: figures.appeals,
    suspensions: consultation ? null : { suspended: suspensions("SUSPEND_USER"), reinstated: suspensions("REINSTATE_USER") },
    perConsultation: figures.perConsultation,
    perMonth: figures.perMonth,
  };
}
