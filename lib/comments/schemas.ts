import { z } from "zod";

export const COMMENT_BODY_MAX = 5_000;
export const QUOTE_INPUT_MAX = 1_000;
export const CONTEXT_INPUT_MAX = 256;
export const IDEMPOTENCY_KEY_MAX = 200;

export const commentBodyField = z
  .string("errors.commentBodyRequired")
  .transform((body) => body.trim())
  .pipe(z.string().min(1, "errors.commentBodyRequired").max(COMMENT_BODY_MAX, "errors.commentBodyTooLong"));

const offset = z.coerce.number().int().min(0);

/** W3C TextQuoteSelector + TextPositionSelector against the version's text (API, and a browser selection). */
export const selectorSchema = z.object({
  exact: z.string().min(1, "errors.quoteRequired").max(QUOTE_INPUT_MAX, "errors.quoteTooLong"),
  prefix: z.string().max(CONTEXT_INPUT_MAX).optional(),
  suffix: z.string().max(CONTEXT_INPUT_MAX).optional(),
  start: offset,
  end: offset,
});
export type SelectorInput = z.output<typeof selectorSchema>;

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value : undefined));

export const createCommentSchema = z
  .object({
    messageId: z.string().min(1),
    body: commentBodyField,
    parentId: optionalText,
    /** A passage typed or pasted by the person (keyboard, screen reader, no JavaScript). */
    quote: optionalText.pipe(z.string().max(QUOTE_INPUT_MAX, "errors.quoteTooLong").optional()),
    /** Where a browser selection put the quote, to tell repeated passages apart. */
    quoteStart: z.union([offset, z.literal("")]).optional(),
    quoteEnd: z.union([offset, z.literal("")]).optional(),
    selector: selectorSchema.optional(),
    idempotencyKey: optionalText.pipe(z.string().max(IDEMPOTENCY_KEY_MAX, "errors.invalid").optional()),
  })
  .superRefine((input, context) => {
    if (input.parentId && (input.quote || input.selector)) {
      context.addIssue({ code: "custom", path: ["quote"], message: "errors.replyWithQuote" });
    }
  });
export type CreateCommentInput = z.input<typeof createCommentSchema>;

export const editCommentSchema = z.object({ commentId: z.string().min(1), body: commentBodyField });

export const commentIdSchema = z.object({ commentId: z.string().min(1) });
