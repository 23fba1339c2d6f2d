import { AppError } from "@/lib/errors";

export const API_BODY_MAX_BYTES = 64 * 1024;

/** The request's JSON object, or a VALIDATION error a client can act on. */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.length > API_BODY_MAX_BYTES) throw new AppError("VALIDATION", { fieldErrors: { body: "errors.requestTooLarge" } });
  try {
    const value: unknown = text ? JSON.parse(text) : {};
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION", { fieldErrors: { form: "errors.invalidJson" } });
}
