import { randomUUID } from "node:crypto";
import { appUrl } from "@/lib/auth/config";
import { isAppError } from "@/lib/errors";

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" };

export function apiBaseUrl() {
  return appUrl();
}

export function json(body: unknown, init: ResponseInit = {}) {
  return new Response(JSON.stringify(body), { ...init, headers: { ...JSON_HEADERS, ...init.headers } });
}

/** Errors as `{ error: { code, message?, fields? } }` with the matching status; never a stack or SQL. */
export function apiError(error: unknown) {
  if (isAppError(error)) {
    return json(
      { error: { code: error.code, fields: error.details.fieldErrors, retryAfterSeconds: error.details.retryAfterSeconds } },
      { status: error.status, headers: error.details.retryAfterSeconds ? { "Retry-After": String(error.details.retryAfterSeconds) } : {} },
    );
  }
  const reference = randomUUID().slice(0, 8);
  console.error(`[api ${reference}]`, error);
  return json({ error: { code: "UNEXPECTED", reference } }, { status: 500 });
}

export function notFound() {
  return json({ error: { code: "NOT_FOUND" } }, { status: 404 });
}
