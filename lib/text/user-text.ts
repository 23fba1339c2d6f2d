import { z } from "zod";

// One rule for every string a person or a client sends. PostgreSQL cannot store
// U+0000 (it answers with an error), and a lone UTF-16 surrogate would be stored
// silently as U+FFFD, so both are refused with a message rather than reaching it.
const NUL = /\u0000/;
/** In a `u` expression a surrogate pair is one code point, so only a lone half matches. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Anything that shows by itself: not a space, control, format character, combining mark or blank letter (Hangul fillers, braille blank). */
const VISIBLE = /[^\p{White_Space}\p{Z}\p{Cc}\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/u;

/** Embeddings, overrides, isolates and marks: in a name they could make it read as another ("IGF Secretariat"). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

/** Line breaks and other invisible characters in a name. ZWNJ and ZWJ stay: Persian, Indic scripts and emoji need them. */
const HIDDEN_IN_NAME = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0\u2800]/u;

/** True for a string PostgreSQL stores as sent: the test for ids, slugs and cursors before a look-up. */
export function isStorableText(text: string): boolean {
  return !NUL.test(text) && !LONE_SURROGATE.test(text);
}

/**
 * The message key for what is wrong with (already trimmed) text, or null.
 * Empty text passes: whether a field may be empty is the field's own rule.
 */
export function textProblem(text: string, kind: "text" | "name" | "key" = "text"): string | null {
  if (NUL.test(text)) return "errors.textHasNul";
  if (LONE_SURROGATE.test(text)) return "errors.textHasBrokenCharacter";
  if (kind === "key") return null;
  if (text !== "" && !VISIBLE.test(text)) return "errors.textNotVisible";
  if (kind === "name" && BIDI_CONTROL.test(text)) return "errors.nameHasDirectionControl";
  if (kind === "name" && HIDDEN_IN_NAME.test(text)) return "errors.nameHasInvisibleCharacter";
  return null;
}

const refuse = (kind: "text" | "name" | "key") => (text: string, context: z.RefinementCtx<string>) => {
  const problem = textProblem(text, kind);
  if (problem) context.addIssue({ code: "custom", message: problem });
};

/** Any string a client sends back as it is (an id, a cursor, a search, a selector): no NUL, no lone surrogate. */
export const storableText = z.string().superRefine(refuse("key"));

/** The id of a record, from a form, an API body or a path. */
export const recordId = storableText.min(1);

type TextLimits = {
  max: number;
  tooLong: string;
  /** The message for missing or empty text; without it the text may be empty. */
  required?: string;
};

function trimmedText(kind: "text" | "name", { max, tooLong, required }: TextLimits) {
  const text = z.string(required).trim();
  return (required ? text.min(1, required) : text).max(max, tooLong).superRefine(refuse(kind));
}

/** What a person writes (a comment, a title, a heading): trimmed, storable, and if not empty, visible. */
export const userText = (limits: TextLimits) => trimmedText("text", limits);

/** A display name or an organisation: also no direction controls, line breaks or invisible characters. */
export const nameText = (limits: TextLimits) => trimmedText("name", limits);
