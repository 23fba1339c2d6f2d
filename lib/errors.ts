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
  VALIDATION: 422,
  RATE_LIMITED: 429,
  MAIL_FAILED: 503,
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

/** Prisma's "record to update not found" is an expected NOT_FOUND, not a crash. */
export function asAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if ((error as { code?: string } | null)?.code === "P2025") return new AppError("NOT_FOUND");
  return null;
}
