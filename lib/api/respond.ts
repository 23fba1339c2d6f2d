import { randomUUID } from "node:crypto";
import { appUrl } from "@/lib/auth/config";
import { AppError, asAppError, isAppError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/messages";

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" };

export function apiBaseUrl() {
  return appUrl();
}

/** Below this many bytes gzip costs more CPU than it saves on the wire. */
const COMPRESSION_THRESHOLD = 1024;

/**
 * A JSON response. Next.js drops a route's Content-Length before its gzip step
 * decides, so a small answer says `no-transform`, which that step honours.
 */
export function json(body: unknown, init: ResponseInit = {}) {
  const text = JSON.stringify(body);
  const small = Buffer.byteLength(text) < COMPRESSION_THRESHOLD;
  const headers = new Headers({ ...JSON_HEADERS });
  new Headers(init.headers).forEach((value, name) => headers.set(name, value));
  if (small) headers.set("Cache-Control", [headers.get("Cache-Control"), "no-transform"].filter(Boolean).join(", "));
  return new Response(text, { ...init, headers });
}

/**
 * Errors as `{ error: { code, reason?, message, fields?, retryAfterSeconds?, closedAt?, timeZone?, nearestPassages? } }`
 * with the matching status: a stable code for programs, an English sentence
 * for people. Never a stack trace or SQL.
 */
export function apiError(caught: unknown) {
  const error = asAppError(caught) ?? caught;
  if (isAppError(error)) {
    const t = translatorFor("en");
    const { fieldErrors, retryAfterSeconds, closedAt, timeZone, messageKey, passages } = error.details;
    const fields = fieldErrors
      ? Object.fromEntries(Object.entries(fieldErrors).map(([field, key]) => [field, { code: key.replace(/^errors\./, ""), message: t(key as never) }]))
      : undefined;
    return json(
      {
        error: {
          code: error.code,
          ...(messageKey ? { reason: messageKey.replace(/^errors\./, "") } : {}),
          message: t((messageKey ?? `errors.code.${error.code}`) as never),
          fields,
          retryAfterSeconds,
          closedAt,
          timeZone,
          nearestPassages: passages,
        },
      },
      { status: error.status, headers: retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : {} },
    );
  }
  const reference = randomUUID().slice(0, 8);
  console.error(`[api ${reference}]`, error);
  return json({ error: { code: "UNEXPECTED", message: "Unexpected error", reference } }, { status: 500 });
}

export function notFound() {
  return apiError(new AppError("NOT_FOUND"));
}
