import type { Tx } from "@/lib/db/client";
import { tallyAnswered } from "@/lib/db/finalisation";

export type Progress = { answered: number; total: number };

/** Answered / total top-level published comments, per section (by id) and overall. */
export async function answerProgress(tx: Pick<Tx, "$queryRaw">, consultationId: string) {
  const tallies = await tallyAnswered(tx, consultationId);
  const bySection = new Map<string, Progress>(tallies.map(({ sectionId, answered, total }) => [sectionId, { answered, total }]));
  const overall = tallies.reduce((sum, tally) => ({ answered: sum.answered + tally.answered, total: sum.total + tally.total }), { answered: 0, total: 0 });
  return { bySection, overall };
}
