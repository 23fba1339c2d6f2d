import { z } from "zod";
import { DispositionOutcome, MessageFate } from "@/lib/db/generated/enums";
import { MESSAGE_TEXT_MAX } from "@/lib/consultations/schemas";
import { recordId, storableText, userText } from "@/lib/text/user-text";

/** The outcomes in the order the forms list them. */
export const DISPOSITION_OUTCOMES = Object.values(DispositionOutcome);
export const MESSAGE_FATES = Object.values(MessageFate);

/** Outcomes that must say why: what was (partly) left out, or why it is out of scope. */
export const RATIONALE_REQUIRED: readonly DispositionOutcome[] = ["NOT_INCORPORATED", "PARTLY_INCORPORATED", "OUT_OF_SCOPE"];

export const RATIONALE_MAX = 2000;
export const FATE_NOTE_MAX = 2000;
export const CORRECTION_NOTE_MAX = 1000;
export const OVERRIDE_REASON_MAX = 1000;
/** One disposition applied to at most this many comments in one call (a campaign's group fits). */
export const DISPOSITION_BULK_MAX = 500;

/** Two comments are near duplicates from this Jaccard similarity of their character-trigram sets on. */
export const NEAR_DUPLICATE_SIMILARITY = 0.8;

const correctionNote = userText({ max: CORRECTION_NOTE_MAX, tooLong: "finalise.errors.correctionNoteTooLong" }).optional();

export const finalTextSchema = z.object({
  messageId: recordId,
  text: userText({ max: MESSAGE_TEXT_MAX, tooLong: "errors.messageTextTooLong", required: "errors.messageTextRequired" }),
  correctionNote,
});

export const fateSchema = z
  .object({
    messageId: recordId,
    fate: z.enum(MessageFate, "finalise.errors.fateRequired"),
    /** Only read for MERGED; a form sends it (empty) whatever the fate. */
    mergedIntoId: storableText.optional(),
    fateNote: userText({ max: FATE_NOTE_MAX, tooLong: "finalise.errors.fateNoteTooLong" }).default(""),
    correctionNote,
  })
  .refine((input) => input.fate !== "MERGED" || Boolean(input.mergedIntoId), { path: ["mergedIntoId"], message: "finalise.errors.mergeTargetRequired" })
  // A message left out of the final document says why, publicly.
  .refine((input) => input.fate === "KEPT" || input.fateNote !== "", { path: ["fateNote"], message: "finalise.errors.fateNoteRequired" })
  .transform(({ mergedIntoId, ...input }) => ({ ...input, mergedIntoId: input.fate === "MERGED" ? (mergedIntoId ?? null) : null }));

export const dispositionSchema = z
  .object({
    consultationId: recordId,
    commentIds: z.array(recordId).min(1, "finalise.errors.chooseComments").max(DISPOSITION_BULK_MAX, "finalise.errors.tooManyComments"),
    outcome: z.enum(DispositionOutcome, "finalise.errors.outcomeRequired"),
    rationale: userText({ max: RATIONALE_MAX, tooLong: "finalise.errors.rationaleTooLong" }).default(""),
    correctionNote,
  })
  .refine((input) => !RATIONALE_REQUIRED.includes(input.outcome) || input.rationale !== "", { path: ["rationale"], message: "finalise.errors.rationaleRequired" });

export const publishOutcomeSchema = z.object({
  consultationId: recordId,
  overrideReason: userText({ max: OVERRIDE_REASON_MAX, tooLong: "finalise.errors.overrideReasonTooLong" }).optional(),
});
