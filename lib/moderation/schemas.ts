import { z } from "zod";
import { FlagReason } from "@/lib/db/generated/enums";
import { recordId, userText } from "@/lib/text/user-text";
import { wholeNumberFromEnvironment } from "@/lib/env";

/** The code of participation's categories, in the order the flag form lists them. */
export const FLAG_REASONS = Object.values(FlagReason);

export const MODERATION_NOTE_MAX = 500;

/** How many different people's open flags hide a comment pending review (MODERATION_AUTO_HIDE_FLAGS, default 3). */
export const AUTO_HIDE_FLAGS = wholeNumberFromEnvironment("MODERATION_AUTO_HIDE_FLAGS", 3);

const note = (required?: string) => userText({ max: MODERATION_NOTE_MAX, tooLong: "errors.moderationNoteTooLong", required });

export const flagSchema = z
  .object({
    commentId: recordId,
    reason: z.enum(FlagReason, "errors.flagReasonRequired"),
    note: note().optional(),
  })
  // "Other" says what the matter is.
  .refine((flag) => flag.reason !== "OTHER" || Boolean(flag.note), { path: ["note"], message: "errors.flagNoteRequired" });

export const hideSchema = z.object({
  commentId: recordId,
  reason: z.enum(FlagReason, "errors.hideReasonRequired"),
  publicNote: note("errors.publicNoteRequired"),
});

export const commentDecisionSchema = z.object({ commentId: recordId });

export const suspensionSchema = z.object({ userId: recordId, reason: note("errors.suspensionReasonRequired") });

export const APPEAL_TEXT_MAX = 1000;

export const appealSchema = z.object({
  commentId: recordId,
  text: userText({ max: APPEAL_TEXT_MAX, tooLong: "errors.appealTooLong", required: "errors.appealTextRequired" }),
});

export const appealDecisionSchema = z.object({
  appealId: recordId,
  outcome: z.enum(["UPHELD", "REVERSED"], "errors.appealOutcomeRequired"),
  note: note("errors.appealNoteRequired"),
});

export const BULK_MAX = 200;

/** Many comments at once (a flood of identical spam): the same decision, the same category and note. */
export const bulkDecisionSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("hide"), commentIds: z.array(recordId).min(1, "errors.chooseComments").max(BULK_MAX, "errors.tooManyComments"), reason: hideSchema.shape.reason, publicNote: hideSchema.shape.publicNote }),
  z.object({ decision: z.literal("approve"), commentIds: z.array(recordId).min(1, "errors.chooseComments").max(BULK_MAX, "errors.tooManyComments") }),
], { error: "errors.chooseDecision" });

/**
 * Whether a hidden comment was hidden automatically (after readers' flags,
 * pending review) rather than by a moderator: only a moderator's hiding
 * carries a public note.
 */
export function hiddenAutomatically(comment: { status: string; moderationNote: string | null }) {
  return comment.status === "HIDDEN" && comment.moderationNote === null;
}
