import { z } from "zod";
import { recordId, userText } from "@/lib/text/user-text";
import { TITLE_MAX } from "./limits";

export { TITLE_MAX };
export const SLUG_MAX = 80;
export const HEADING_MAX = 300;
export const INTRODUCTION_MAX = 20_000;
export const MESSAGE_TEXT_MAX = 10_000;

/** Languages offered for a document: the six UN languages first; the field accepts any BCP 47 tag. */
export const DOCUMENT_LANGUAGE_CODES = ["ar", "en", "es", "fr", "ru", "zh", "pt", "de"] as const;

export const slugField = z
  .string()
  .trim()
  .min(1, "errors.slugRequired")
  .max(SLUG_MAX, "errors.slugTooLong")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "errors.slugFormat");

export const titleField = userText({ required: "errors.titleRequired", max: TITLE_MAX, tooLong: "errors.titleTooLong" });

const introductionField = userText({ max: INTRODUCTION_MAX, tooLong: "errors.introductionTooLong" });

const headingField = userText({ required: "errors.headingRequired", max: HEADING_MAX, tooLong: "errors.headingTooLong" });

export const languageField = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "errors.languageInvalid");

const checkbox = z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("")]).optional().transform((v) => v === true || v === "on" || v === "true");

/** The import form: where the document goes and how to read it. */
export const importSettingsSchema = z.object({
  slug: slugField,
  title: titleField,
  /** Empty: guessed from the document's text. */
  language: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), languageField.optional()),
  paragraphsAreMessages: checkbox,
  /** Continuation ids the secretariat chose not to merge, comma-separated. */
  keepSeparate: z
    .string()
    .optional()
    .transform((value) => new Set((value ?? "").split(",").map((id) => id.trim()).filter(Boolean))),
});
export type ImportSettings = z.output<typeof importSettingsSchema>;

export const IANA_TIME_ZONE_MAX = 64;

const timeZoneField = z
  .string()
  .trim()
  .min(1, "errors.timeZoneRequired")
  .max(IANA_TIME_ZONE_MAX)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "errors.timeZoneInvalid");

/** "2025-07-14T23:59" read as a wall-clock time in the reference zone. */
const localDateTime = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value), "errors.dateInvalid");

export const scheduleSchema = z
  .object({
    consultationId: recordId,
    opensAt: localDateTime,
    closesAt: localDateTime,
    referenceTimeZone: timeZoneField,
  })
  .superRefine((value, context) => {
    if (value.opensAt && value.closesAt && value.closesAt <= value.opensAt) {
      context.addIssue({ code: "custom", path: ["closesAt"], message: "errors.closesBeforeOpens" });
    }
  });

export const consultationDetailsSchema = z.object({
  consultationId: recordId,
  title: titleField,
  introduction: introductionField,
  language: languageField,
});

export const idSchema = z.object({ id: recordId });

/**
 * A form sends a textarea's line breaks as CR LF, and a browser reads them back from the page as LF: stored as LF, the text
 * on the page is the version's text exactly, which selections and the W3C selectors count in.
 */
export const messageTextField = userText({ required: "errors.messageTextRequired", max: MESSAGE_TEXT_MAX, tooLong: "errors.messageTextTooLong" }).transform(
  (text) => text.replace(/\r\n?/g, "\n"),
);

export const sectionUpdateSchema = z.object({
  sectionId: recordId,
  heading: headingField,
  introduction: introductionField,
});

export const moveSchema = z.object({ id: recordId, direction: z.enum(["up", "down"]) });

export const messageEditSchema = z.object({ messageId: recordId, text: messageTextField });

export const messageAddSchema = z.object({ sectionId: recordId, text: messageTextField });

export const sectionSplitSchema = z.object({
  messageId: recordId,
  heading: headingField,
});

/** Pre-moderation on or off: a checkbox (sent as "on" when ticked, absent when not). */
export const moderationSettingsSchema = z.object({
  consultationId: recordId,
  preModeration: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()),
});
