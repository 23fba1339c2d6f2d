import { randomUUID } from "node:crypto";
import { asAppError, isAppError, type ErrorCode, type FieldErrors } from "@/lib/errors";

/** What a server action returns to its form: enough to show every message and keep every value. */
export type FormState<V = Record<string, unknown>> =
  | { status: "idle" }
  | { status: "ok"; message?: string; messageValues?: Record<string, string>; /** The element to move focus to (what was just created). */ focusId?: string }
  | {
      status: "error";
      code: ErrorCode | "UNEXPECTED";
      fieldErrors: FieldErrors;
      values: Partial<V>;
      retryAfterSeconds?: number;
      closedAt?: string;
      timeZone?: string;
      reference?: string;
      /** A typed quote not in the text: the nearest passages, offered to choose from. */
      passages?: { start: number; end: number; exact: string }[];
    };

export const IDLE: FormState = { status: "idle" };

/** A server action behind a form, handed to the component that renders the form (components never import from app/). */
export type FormAction = (state: FormState, form: FormData) => Promise<FormState>;

/**
 * Turns a failure into form state. Expected errors keep their code; anything
 * else is logged with a reference id that the person can quote.
 */
export function formError<V>(caught: unknown, values: Partial<V>): FormState<V> {
  const error = asAppError(caught) ?? caught;
  if (isAppError(error)) {
    return {
      status: "error",
      code: error.code,
      fieldErrors: error.details.fieldErrors ?? {},
      values,
      retryAfterSeconds: error.details.retryAfterSeconds,
      closedAt: error.details.closedAt,
      timeZone: error.details.timeZone,
      passages: error.details.passages,
    };
  }
  const reference = randomUUID().slice(0, 8);
  console.error(`[action ${reference}]`, error);
  return { status: "error", code: "UNEXPECTED", fieldErrors: {}, values, reference };
}

/** String fields of a form, for echoing back what was typed. */
export function formValues(form: FormData, keys: readonly string[]) {
  return Object.fromEntries(keys.map((key) => [key, typeof form.get(key) === "string" ? String(form.get(key)) : ""]));
}
