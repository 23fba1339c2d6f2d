import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { pageSlice } from "@/lib/http/pagination";
import { consultationState, type ConsultationState } from "./state";

/** The most recent past consultations on the home page; the archive pages hold them all. */
export const PAST_ON_HOME = 10;
export const ARCHIVE_PAGE_SIZE = 30;

export type ConsultationSummary = {
  slug: string;
  title: string;
  language: string;
  opensAt: Date | null;
  closesAt: Date | null;
  referenceTimeZone: string;
  state: ConsultationState;
  /** When the outcome was published (FINAL only). */
  finalisedAt: Date | null;
  messageCount: number;
};

const SUMMARY = {
  slug: true,
  title: true,
  language: true,
  opensAt: true,
  closesAt: true,
  referenceTimeZone: true,
  publishedAt: true,
  finalisedAt: true,
  _count: { select: { messages: true } },
} satisfies Prisma.ConsultationSelect;

type SummaryRow = Prisma.ConsultationGetPayload<{ select: typeof SUMMARY }>;

const toSummary = ({ _count, publishedAt, finalisedAt, ...row }: SummaryRow, now: Date): ConsultationSummary => ({
  ...row,
  finalisedAt,
  state: consultationState({ ...row, publishedAt, finalisedAt }, now),
  messageCount: _count.messages,
});

/** Published and still taking comments, or about to. */
const currentWhere = (now: Date): Prisma.ConsultationWhereInput => ({
  publishedAt: { not: null },
  finalisedAt: null,
  OR: [{ closesAt: null }, { closesAt: { gt: now } }],
});

/** Published and closed (final or not). */
const pastWhere = (now: Date): Prisma.ConsultationWhereInput => ({
  publishedAt: { not: null },
  OR: [{ finalisedAt: { not: null } }, { closesAt: { lte: now } }],
});

const MOST_RECENT_FIRST: Prisma.ConsultationOrderByWithRelationInput[] = [{ closesAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }];

/**
 * The home page: every current consultation (open, the soonest deadline
 * first, and upcoming), and the most recent past ones with how many there are.
 */
export async function listPublicConsultations(now = new Date()) {
  const [current, past, pastCount] = await Promise.all([
    db.consultation.findMany({ where: currentWhere(now), orderBy: [{ closesAt: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }], select: SUMMARY }),
    db.consultation.findMany({ where: pastWhere(now), orderBy: MOST_RECENT_FIRST, take: PAST_ON_HOME, select: SUMMARY }),
    db.consultation.count({ where: pastWhere(now) }),
  ]);
  const groups: Record<"OPEN" | "UPCOMING" | "CLOSED" | "FINAL", ConsultationSummary[]> = { OPEN: [], UPCOMING: [], CLOSED: [], FINAL: [] };
  for (const row of [...current, ...past]) {
    const summary = toSummary(row, now);
    if (summary.state !== "DRAFT") groups[summary.state].push(summary);
  }
  return { groups, pastCount };
}

/** One page of the archive of past consultations, the most recent first. */
export async function listPastConsultations(page: number, now = new Date()) {
  const count = await db.consultation.count({ where: pastWhere(now) });
  const { skip, take, ...shown } = pageSlice(count, page, ARCHIVE_PAGE_SIZE);
  const rows = await db.consultation.findMany({ where: pastWhere(now), orderBy: MOST_RECENT_FIRST, skip, take, select: SUMMARY });
  return { consultations: rows.map((row) => toSummary(row, now)), ...shown, count };
}
