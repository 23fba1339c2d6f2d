import type { z } from "zod";
import { AppError, type FieldErrors } from "./errors";

/** A translation key of an error message: in "errors", or in a feature's own "<namespace>.errors". */
const MESSAGE_KEY = /^(?:[a-zA-Z]+\.)?errors\./;

/**
 * Parses input with its schema, the authoritative check behind every form and
 * API call. On failure throws VALIDATION with one message key per field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    fieldErrors[field] ??= MESSAGE_KEY.test(issue.message) ? issue.message : "errors.invalid";
  }
  throw new AppError("VALIDATION", { fieldErrors });
}
