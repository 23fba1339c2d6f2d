import type { Actor } from "@/lib/auth/actor";
import { requireSecretariat } from "@/lib/auth/guards";
import { readTree, type SectionNode } from "@/lib/consultations/read-tree";
import { consultationState } from "@/lib/consultations/state";
import { db } from "@/lib/db/client";
import { isStorableText } from "@/lib/text/user-text";
import { duplicateGroupsIn } from "./duplicate-groups";
import { answerProgress, type Progress } from "./progress";

export type OverviewMessage = {
  id: string;
  number: string;
  fate: "KEPT" | "DROPPED" | "MERGED";
  mergedIntoNumber: string | null;
  hasFinalText: boolean;
  progress: Progress;
};

export type OverviewSection = { id: string; number: string; heading: string; progress: Progress; messages: OverviewMessage[] };

/**
 * The secretariat's finalisation page of a consultation: progress per section
 * and overall, each message's state, the duplicate groups, and the
 * corrections made since publication. Null when there is no such consultation.
 */
export async function finalisationOverview(actor: Actor | null, slug: string, now = new Date()) {
  const secretariat = requireSecretariat(actor);
  const consultation = isStorableText(slug)
    ? await db.consultation.findUnique({
        where: { slug },
        select: { id: true, slug: true, title: true, language: true, publishedAt: true, opensAt: true, closesAt: true, finalisedAt: true, referenceTimeZone: true, outcomeOverrideReason: true },
      })
    : null;
  if (!consultation) return null;
  const state = consultationState(consultation, now);
  const [tree, messages, progress, duplicates, corrections] = await Promise.all([
    readTree(consultation.id),
    db.message.findMany({
      where: { consultationId: consultation.id },
      select: { id: true, fate: true, mergedInto: { select: { number: true } }, versions: { where: { kind: "FINAL" }, take: 1, select: { id: true } } },
    }),
    answerProgress(db, consultation.id),
    duplicateGroupsIn({ consultationId: consultation.id }),
    correctionHistory(consultation.id),
  ]);
  const details = new Map(messages.map((message) => [message.id, message]));
  const sections: OverviewSection[] = [];
  const walk = (nodes: SectionNode[]) => {
    for (const node of nodes) {
      if (node.messages.length > 0) {
        sections.push({
          id: node.id, number: node.number, heading: node.heading,
          progress: progress.bySection.get(node.id) ?? { answered: 0, total: 0 },
          messages: node.messages.map((message) => {
            const detail = details.get(message.id);
            return {
              id: message.id, number: message.number, fate: detail?.fate ?? "KEPT", mergedIntoNumber: detail?.mergedInto?.number ?? null,
              hasFinalText: (detail?.versions.length ?? 0) > 0, progress: progress.byMessage.get(message.id) ?? { answered: 0, total: 0 },
            };
          }),
        });
      }
      walk(node.sections);
    }
  };
  walk(tree);
  const keptWithoutFinalText = sections.flatMap((section) => section.messages).filter((message) => message.fate === "KEPT" && !message.hasFinalText).map((message) => message.number);
  return {
    consultation, state, sections, overall: progress.overall, duplicates, corrections, keptWithoutFinalText,
    canOverride: secretariat.role === "ADMIN",
  };
}

/** The corrections of a published outcome, the newest first. */
export async function correctionHistory(consultationId: string) {
  return db.outcomeCorrection.findMany({
    where: { consultationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true, note: true, createdAt: true, message: { select: { number: true } }, by: { select: { name: true, email: true } },
      _count: { select: { versions: true, dispositions: true } },
    },
  });
}
