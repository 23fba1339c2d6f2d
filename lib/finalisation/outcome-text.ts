/**
 * Rules every view of a published outcome shares (its page, print page, JSON,
 * Markdown and Word exports): which text is final, what changed from the
 * draft, and how many comments got which disposition. Pure: no database.
 */
import type { DispositionOutcome } from "@/lib/db/generated/enums";
import { redline, type RedlinePart } from "@/lib/text/redline";
import type { OutcomeComment, OutcomeDocument, OutcomeMessage, OutcomeSection } from "./outcome-types";
import { DISPOSITION_OUTCOMES } from "./schemas";

/**
 * The message's text in the final document: its final version, or for a kept
 * message the secretariat did not rewrite, its draft unchanged. Null for a
 * dropped or merged message without a final text of its own.
 */
export function finalTextOf(message: Pick<OutcomeMessage, "fate" | "draftText" | "finalText">): string | null {
  return message.fate === "KEPT" ? (message.finalText ?? message.draftText) : message.finalText;
}

/** The word-level changes from the draft to the final text; a dropped or merged message's draft is all deleted. */
export function changesOf(message: Pick<OutcomeMessage, "fate" | "draftText" | "finalText">, language: string): RedlinePart[] {
  return redline(message.draftText, finalTextOf(message) ?? "", language);
}

/** Every message of the document in reading order. */
export function outcomeMessages(sections: OutcomeSection[]): OutcomeMessage[] {
  return sections.flatMap((section) => [...section.messages, ...outcomeMessages(section.sections)]);
}

export type DispositionCounts = {
  comments: number;
  answered: number;
  byOutcome: Record<DispositionOutcome, number>;
};

/** How many comments got each disposition (and how many none). */
export function countDispositions(comments: readonly Pick<OutcomeComment, "disposition">[]): DispositionCounts {
  const byOutcome = Object.fromEntries(DISPOSITION_OUTCOMES.map((outcome) => [outcome, 0])) as Record<DispositionOutcome, number>;
  let answered = 0;
  for (const comment of comments) {
    if (!comment.disposition) continue;
    answered += 1;
    byOutcome[comment.disposition.outcome] += 1;
  }
  return { comments: comments.length, answered, byOutcome };
}

/** The dispositions of the whole document. */
export function documentCounts(outcome: Pick<OutcomeDocument, "sections">): DispositionCounts {
  return countDispositions(outcomeMessages(outcome.sections).flatMap((message) => message.comments));
}
