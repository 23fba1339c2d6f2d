import { db } from "@/lib/db/client";

export const HOME_LIST_LIMIT = 100;

/** Published consultations, newest deadline first. */
export async function listPublicConsultations() {
  return db.consultation.findMany({
    where: { publishedAt: { not: null } },
    orderBy: [{ closesAt: "desc" }, { createdAt: "desc" }],
    take: HOME_LIST_LIMIT,
    select: { slug: true, title: true, language: true, opensAt: true, closesAt: true, referenceTimeZone: true, finalisedAt: true },
  });
}
