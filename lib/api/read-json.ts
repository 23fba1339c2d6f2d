import { AppError } from "@/lib/errors";
import { readLimitedBody } from "@/lib/http/read-body";

export const API_BODY_MAX_BYTES = 64 * 1024;

/**
 * The body as text, at most API_BODY_MAX_BYTES (413 past it). Routes read it
 * first, before who is asking or anything else touches the database.
 */
export async function readJsonText(request: Request): Promise<string> {
  return new TextDecoder().decode(await readLimitedBody(request, API_BODY_MAX_BYTES));
}

/** The JSON object in `text`, or a VALIDATION error a client can act on. */
export function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = text ? JSON.parse(text) : {};
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION", { fieldErrors: { form: "errors.invalidJson" } });
}
