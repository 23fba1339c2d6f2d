import { consultationState, type ConsultationState, type StateInput } from "@/lib/consultations/state";
import { db } from "@/lib/db/client";
import { DISPOSITION_OUTCOMES } from "@/lib/finalisation/schemas";
import { participationFigures } from "@/lib/db/participation-figures";
import { wholeNumberFromEnvironment } from "@/lib/env";
import { isStorableText } from "@/lib/text/user-text";
import { countryList, crossTable, participantPattern } from "./participation-table";
import { largestRemainderPercentages, PERCENT_DECIMALS } from "./percentages";

/** The smallest number of people a published figure may describe (`STATS_MIN_CELL`, default 5). */
export function minimumCell() {
  return wholeNumberFromEnvironment("STATS_MIN_CELL", 5, 1);
}

export type StatisticsOptions = { now?: Date; minimum?: number };

/**
 * A published consultation's participation statistics (from UPCOMING on;
 * they grow while it is open), or null when there is none to show (a draft,
 * or no such slug). Dispositions only once the outcome is published (FINAL).
 * The open-data shape of GET /api/v1/consultations/{slug}/stats.
 */
export async function participationStatistics(slug: string, options: StatisticsOptions = {}) {
  return (await statisticsPage(slug, options))?.statistics ?? null;
}

/** The statistics with the consultation as its page's header shows it. */
export async function statisticsPage(slug: string, { now = new Date(), minimum = minimumCell() }: StatisticsOptions = {}) {
  if (!isStorableText(slug)) return null;
  const consultation = await db.consultation.findFirst({
    where: { slug, publishedAt: { not: null } },
    select: { id: true, slug: true, title: true, language: true, publishedAt: true, opensAt: true, closesAt: true, finalisedAt: true, referenceTimeZone: true },
  });
  if (!consultation) return null;
  return { consultation: { ...consultation, state: consultationState(consultation, now) }, statistics: await statistics(consultation, now, minimum) };
}

async function statistics(consultation: { id: string; slug: string; title: string; language: string } & StateInput, now: Date, minimum: number) {
  const state: ConsultationState = consultationState(consultation, now);
  const figures = await participationFigures(consultation.id, state === "FINAL");
  const pattern = participantPattern(figures.byGroupAndRegion, minimum);
  const participants = crossTable(figures.byGroupAndRegion, "participants", pattern);
  const comments = crossTable(figures.byGroupAndRegion, "comments", pattern);
  const topLevel = figures.byGroupAndRegion.reduce((sum, row) => sum + row.topLevel, 0);
  const countries = countryList(figures.byCountry, participants.total, minimum);
  const sectionPercents = largestRemainderPercentages(figures.bySection.map((row) => row.comments));
  const dispositions = figures.dispositions ? dispositionSummary(figures.dispositions) : null;

  return {
    consultation: { slug: consultation.slug, title: consultation.title, language: consultation.language, state: state.toLowerCase() },
    generatedAt: now.toISOString(),
    minimumCount: minimum,
    percentDecimals: PERCENT_DECIMALS,
    participants,
    comments: { ...comments, topLevel, replies: comments.total - topLevel },
    countries: { represented: countries.length, list: countries },
    sections: figures.bySection.map((row, index) => ({
      number: row.number,
      heading: row.heading,
      comments: row.comments,
      topLevelComments: row.topLevel,
      percent: sectionPercents[index]!,
    })),
    dispositions,
  };
}

/** Top-level comments by their current disposition, with those still without one, adding up to 100 %. */
function dispositionSummary(rows: { outcome: string | null; comments: number }[]) {
  const count = (outcome: string | null) => rows.find((row) => row.outcome === outcome)?.comments ?? 0;
  const counts = [...DISPOSITION_OUTCOMES.map(count), count(null)];
  const percents = largestRemainderPercentages(counts);
  return {
    topLevelComments: counts.reduce((sum, value) => sum + value, 0),
    byOutcome: DISPOSITION_OUTCOMES.map((outcome, index) => ({ outcome, count: counts[index]!, percent: percents[index]! })),
    withoutDisposition: { count: counts.at(-1)!, percent: percents.at(-1)! },
  };
}

export type ParticipationStatistics = Awaited<ReturnType<typeof statistics>>;
