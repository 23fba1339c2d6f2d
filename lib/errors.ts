import { DATABASE_RETRY_AFTER_SECONDS } from "./db/pool-config";
import { isDatabaseUnavailable, isStatementTimeout } from "./db/unavailable";

/**
 * Expected failures are values with a stable code; the UI translates the code
 * (errors.<code>) and the API returns it as JSON. Anything else is a bug.
 */
export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PROFILE_INCOMPLETE: 403,
  SUSPENDED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DEADLINE_PASSED: 409,
  /** A request body over the route's cap, refused before it is read further or anything else is done. */
  PAYLOAD_TOO_LARGE: 413,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  MAIL_FAILED: 503,
  /** The database is down, restarting or overloaded: try again after `retryAfterSeconds`. */
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Field name → translation key of the message to show next to it. */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: {
      fieldErrors?: FieldErrors;
      retryAfterSeconds?: number;
      /** DEADLINE_PASSED: when the consultation closed (ISO 8601). */
      closedAt?: string;
      /** DEADLINE_PASSED: the consultation's reference zone (IANA), in which pages show its times. */
      timeZone?: string;
      /** A typed quote not in the text: the passages most like it, to choose from. */
      passages?: { start: number; end: number; exact: string }[];
      /** A more specific message than the code's own (say, why a token was refused). */
      messageKey?: string;
    } = {},
  ) {
    super(code);
    this.name = "AppError";
  }

  get status() {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * Failures that are expected although thrown by a dependency: Prisma's
 * "record to update not found" is NOT_FOUND; a database that cannot serve
 * now is UNAVAILABLE (503, try again shortly), never a crash.
 */
export function asAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if ((error as { code?: string } | null)?.code === "P2025") return new AppError("NOT_FOUND");
  if (isDatabaseUnavailable(error)) {
    // A statement cut off by its timeout may be a slow query of ours: log it whole, loudly.
    if (isStatementTimeout(error)) console.error("[database] statement timed out", error);
    else console.warn(`[database unavailable] ${gist(error)}`);
    return new AppError("UNAVAILABLE", { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });
  }
  return null;
}

/** Prisma's messages span many lines and end with what happened: a log line gets that last one. */
function gist(error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n").map((line) => line.trim()).filter(Boolean).at(-1) ?? "").slice(0, 300);
}
