/**
 * The published outcome as plain data: what the outcome page, its JSON, the
 * Markdown, print and Word exports are all made from. Read by getOutcome in
 * lib/finalisation/outcome.ts; nothing here touches the database.
 */
import type { DispositionOutcome, MessageFate } from "@/lib/db/generated/enums";

export type OutcomeDisposition = {
  outcome: DispositionOutcome;
  rationale: string;
  decidedAt: Date;
};

/** A public top-level comment on the message, with how it was handled (null: not answered). */
export type OutcomeComment = {
  id: string;
  body: string;
  /** The body's language (BCP 47), when known. */
  language: string | null;
  authorName: string;
  authorStakeholderGroup: string;
  authorRegion: string;
  authorCountry: string;
  authorOrganisation: string | null;
  /** The passage commented on, when the comment is an annotation. */
  quoteExact: string | null;
  createdAt: Date;
  disposition: OutcomeDisposition | null;
};

export type OutcomeMessage = {
  id: string;
  number: string;
  fate: MessageFate;
  /** For a MERGED message: the number of the message that carries its text. */
  mergedIntoNumber: string | null;
  /** The secretariat's public explanation of the final text, the drop or the merge. */
  fateNote: string;
  /** The last draft version's text: what was put to comment. */
  draftText: string;
  /** The newest FINAL version's text; null when no final text was written (a dropped or merged message). */
  finalText: string | null;
  finalVersionNumber: number | null;
  comments: OutcomeComment[];
};

export type OutcomeSection = {
  id: string;
  number: string;
  heading: string;
  introduction: string;
  messages: OutcomeMessage[];
  sections: OutcomeSection[];
};

export type OutcomeCorrectionEntry = {
  id: string;
  note: string;
  /** The message it concerns, when it concerns one. */
  messageNumber: string | null;
  createdAt: Date;
};

export type OutcomeDocument = {
  slug: string;
  title: string;
  introduction: string;
  /** BCP 47 tag of the document's text. */
  language: string;
  /** IANA zone the consultation announces its times in. */
  referenceTimeZone: string;
  closesAt: Date | null;
  /** When the outcome was published. */
  finalisedAt: Date;
  sections: OutcomeSection[];
  corrections: OutcomeCorrectionEntry[];
};
