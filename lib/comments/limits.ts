/**
 * The sizes a comment's fields may have: checked by the schemas
 * (./schemas.ts) and given to the form's fields as maxLength. Apart from
 * zod, so that the browser's comment form does not load it.
 */
export const COMMENT_BODY_MAX = 5_000;
export const QUOTE_INPUT_MAX = 1_000;
export const CONTEXT_INPUT_MAX = 256;
export const IDEMPOTENCY_KEY_MAX = 200;
