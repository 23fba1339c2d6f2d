import { z } from "zod";
import { recordId, storableText, userText } from "@/lib/text/user-text";
import { COMMENT_BODY_MAX, CONTEXT_INPUT_MAX, IDEMPOTENCY_KEY_MAX, QUOTE_INPUT_MAX } from "./limits";

export { COMMENT_BODY_MAX, CONTEXT_INPUT_MAX, IDEMPOTENCY_KEY_MAX, QUOTE_INPUT_MAX };

export const commentBodyField = userText({ required: "errors.commentBodyRequired", max: COMMENT_BODY_MAX, tooLong: "errors.commentBodyTooLong" });

const offset = z.coerce.number().int().min(0);

/** W3C TextQuoteSelector + TextPositionSelector against the version's text (API, and a browser selection). */
export const selectorSchema = z.object({
  exact: storableText.min(1, "errors.quoteRequired").max(QUOTE_INPUT_MAX, "errors.quoteTooLong"),
  prefix: storableText.max(CONTEXT_INPUT_MAX).optional(),
  suffix: storableText.max(CONTEXT_INPUT_MAX).optional(),
  start: offset,
  end: offset,
});
export type SelectorInput = z.output<typeof selectorSchema>;

/** A BCP 47 language tag, in the shape browsers and Intl accept (a primary language, then subtags). */
export const languageTag = z
  .string()
  .max(35, "errors.languageInvalid")
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "errors.languageInvalid")
  .transform((tag, context) => {
    try {
      return Intl.getCanonicalLocales(tag)[0]!;
    } catch {
      context.addIssue({ code: "custom", message: "errors.languageInvalid" });
      return z.NEVER;
    }
  });

const optionalText = storableText
  .optional()
  .transform((value) => (value?.trim() ? value : undefined));

export const createCommentSchema = z
  .object({
    messageId: recordId,
    body: commentBodyField,
    parentId: optionalText,
    /** A passage typed or pasted by the person (keyboard, screen reader, no JavaScript). */
    quote: optionalText.pipe(z.string().max(QUOTE_INPUT_MAX, "errors.quoteTooLong").optional()),
    /** Where a browser selection put the quote, to tell repeated passages apart. */
    quoteStart: z.union([offset, z.literal("")]).optional(),
    quoteEnd: z.union([offset, z.literal("")]).optional(),
    /** One of the nearest passages offered when a typed quote was not found ("start:end"), or "" for none. */
    quoteChoice: z.union([z.string().regex(/^\d{1,6}:\d{1,6}$/, "errors.quoteChoiceInvalid"), z.literal("")]).optional(),
    selector: selectorSchema.optional(),
    idempotencyKey: optionalText.pipe(z.string().max(IDEMPOTENCY_KEY_MAX, "errors.invalid").optional()),
    /** The language the comment is written in (BCP 47: "en", "zh-Hans", "ar"); without it, the author's profile language. */
    language: optionalText.pipe(languageTag.optional()),
    /** Written on the document's translation into this language (the quote is in its text); without it, on the original. */
    textLanguage: optionalText.pipe(languageTag.optional()),
  })
  .superRefine((input, context) => {
    if (input.parentId && (input.quote || input.quoteChoice || input.selector)) {
      context.addIssue({ code: "custom", path: ["quote"], message: "errors.replyWithQuote" });
    }
  });
export type CreateCommentInput = z.input<typeof createCommentSchema>;

export const editCommentSchema = z.object({ commentId: recordId, body: commentBodyField });

export const commentIdSchema = z.object({ commentId: recordId });
