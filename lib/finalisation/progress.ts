import type { Tx } from "@/lib/db/client";
import { tallyAnswered } from "@/lib/db/finalisation";

export type Progress = { answered: number; total: number };

/** Answered / total top-level published comments, per message and per section (by id), and overall. */
export async function answerProgress(tx: Pick<Tx, "$queryRaw">, consultationId: string) {
  const tallies = await tallyAnswered(tx, consultationId);
  const byMessage = new Map<string, Progress>(tallies.map(({ messageId, answered, total }) => [messageId, { answered, total }]));
  const bySection = new Map<string, Progress>();
  const overall: Progress = { answered: 0, total: 0 };
  for (const { sectionId, answered, total } of tallies) {
    const section = bySection.get(sectionId) ?? { answered: 0, total: 0 };
    bySection.set(sectionId, { answered: section.answered + answered, total: section.total + total });
    overall.answered += answered;
    overall.total += total;
  }
  return { byMessage, bySection, overall };
}
