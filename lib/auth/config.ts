/** Settings read from the environment, with the reason each one matters. */
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: sign-in links cannot be signed.");
  return secret;
}

export function appUrl(): string {
  return (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}

/** Without SMTP, mail goes to the server log and the dev outbox (never in production). */
export function outboxEnabled(): boolean {
  return !process.env.SMTP_URL && process.env.CONSULT_DEV_OUTBOX === "1";
}

/** Mail can be delivered: through SMTP, or (development) into the outbox. Receipts and notifications are queued only then. */
export function mailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL) || outboxEnabled();
}

/** Addresses that become administrators when they first sign in (comma-separated). */
export function adminEmails(): string[] {
  return (process.env.CONSULT_ADMIN_EMAILS ?? "")
    .split(",")
    .map((email) => email.trim().toLowerCase())
    .filter(Boolean);
}

export const SIGN_IN_TTL_SECONDS = 15 * 60;
export const SIGN_IN_CODE_MAX_ATTEMPTS = 5;
/** Idle lifetime: a session unused this long ends; use pushes its end back (at most daily). */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
/** Absolute lifetime: a session ends this long after it began, however active it is. */
export const SESSION_ABSOLUTE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
