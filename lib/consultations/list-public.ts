import { db } from "@/lib/db/client";
import { consultationPhase, type ConsultationPhase } from "./phase";

export const HOME_LIST_LIMIT = 200;

export type ConsultationSummary = {
  slug: string;
  title: string;
  language: string;
  opensAt: Date | null;
  closesAt: Date | null;
  referenceTimeZone: string;
  phase: ConsultationPhase;
  messageCount: number;
};

/** Published consultations grouped as the home page shows them. */
export async function listPublicConsultations(now = new Date()) {
  const rows = await db.consultation.findMany({
    where: { publishedAt: { not: null } },
    orderBy: [{ closesAt: "asc" }, { createdAt: "desc" }],
    take: HOME_LIST_LIMIT,
    select: {
      slug: true,
      title: true,
      language: true,
      opensAt: true,
      closesAt: true,
      referenceTimeZone: true,
      publishedAt: true,
      finalisedAt: true,
      _count: { select: { messages: true } },
    },
  });
  const groups: Record<"OPEN" | "UPCOMING" | "CLOSED" | "FINAL", ConsultationSummary[]> = {
    OPEN: [],
    UPCOMING: [],
    CLOSED: [],
    FINAL: [],
  };
  for (const { _count, publishedAt: _published, finalisedAt: _finalised, ...row } of rows) {
    const phase = consultationPhase({ ...row, publishedAt: _published, finalisedAt: _finalised }, now);
    if (phase === "DRAFT") continue;
    groups[phase].push({ ...row, phase, messageCount: _count.messages });
  }
  // Closed and final: the most recent first.
  groups.CLOSED.reverse();
  groups.FINAL.reverse();
  return groups;
}
