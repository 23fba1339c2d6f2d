import { locateQuote, selectorFor, verifySelector } from "@/lib/annotations/anchoring";
import { AppError } from "@/lib/errors";
import type { SelectorInput } from "./schemas";

export type Target = { exact: string; prefix: string; suffix: string; start: number; end: number };

/**
 * Turns what was sent into selectors checked against the version's text: the
 * API's selectors must match exactly; a typed quote is looked up (with the
 * browser selection's offsets, when there was one, to pick among repeats).
 */
export function resolveTarget(
  text: string,
  input: { selector?: SelectorInput; quote?: string; quoteStart?: number | ""; quoteEnd?: number | "" },
): Target | null {
  if (input.selector) {
    const checked = verifySelector(text, input.selector);
    if (!checked.ok) throw new AppError("VALIDATION", { fieldErrors: { selector: "errors.selectorMismatch" } });
    return selectorFor(text, checked.start, checked.end);
  }
  if (!input.quote) return null;
  const hint =
    typeof input.quoteStart === "number" && typeof input.quoteEnd === "number" ? { start: input.quoteStart, end: input.quoteEnd } : undefined;
  const located = locateQuote(text, input.quote, hint);
  if (!located.ok) {
    throw new AppError("VALIDATION", {
      fieldErrors: { quote: located.reason === "AMBIGUOUS" ? "errors.quoteAmbiguous" : "errors.quoteNotFound" },
    });
  }
  return selectorFor(text, located.start, located.end);
}
