import { locateQuote, selectorFor, verifySelector } from "@/lib/annotations/anchoring";
import { splitsSurrogatePair } from "@/lib/annotations/anchor-unicode";
import { nearestPassages } from "@/lib/annotations/nearest-passages";
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
  input: { selector?: SelectorInput; quote?: string; quoteStart?: number | ""; quoteEnd?: number | ""; quoteChoice?: string },
): Target | null {
  if (input.selector) {
    const checked = verifySelector(text, input.selector);
    if (!checked.ok) throw new AppError("VALIDATION", { fieldErrors: { selector: "errors.selectorMismatch" } });
    return selectorFor(text, checked.start, checked.end);
  }
  if (input.quoteChoice) return chosenPassage(text, input.quoteChoice);
  if (!input.quote) return null;
  const hint =
    typeof input.quoteStart === "number" && typeof input.quoteEnd === "number" ? { start: input.quoteStart, end: input.quoteEnd } : undefined;
  const located = locateQuote(text, input.quote, hint);
  if (!located.ok) {
    if (located.reason === "AMBIGUOUS") throw new AppError("VALIDATION", { fieldErrors: { quote: "errors.quoteAmbiguous" } });
    const passages = nearestPassages(text, input.quote);
    throw new AppError("VALIDATION", { fieldErrors: { quote: "errors.quoteNotFound" }, passages });
  }
  return selectorFor(text, located.start, located.end);
}

/** One of the nearest passages the refusal offered, chosen by its offsets in the current text. */
function chosenPassage(text: string, choice: string): Target {
  const [start = 0, end = 0] = choice.split(":").map(Number);
  if (!(start < end && end <= text.length) || splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new AppError("VALIDATION", { fieldErrors: { quote: "errors.quoteChoiceInvalid" } });
  }
  return selectorFor(text, start, end);
}
