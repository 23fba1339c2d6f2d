import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { SESSION_ABSOLUTE_MAX_AGE_SECONDS, SESSION_MAX_AGE_SECONDS } from "./config";

/**
 * Sessions by the cookie's token. The table holds only the token's SHA-256,
 * so a copy of the database (a backup, a leak) cannot be replayed as cookies.
 */
export function sessionTokenHash(sessionToken: string): string {
  return createHash("sha256").update(sessionToken).digest("hex");
}

/** When a session that began at `createdAt` ends, however active it is. */
export function sessionAbsoluteEnd(createdAt: Date): Date {
  return new Date(createdAt.getTime() + SESSION_ABSOLUTE_MAX_AGE_SECONDS * 1000);
}

/** A session's end: the idle end asked for, never past the absolute end. */
export function sessionEnd(idleEnd: Date, createdAt: Date): Date {
  return new Date(Math.min(idleEnd.getTime(), sessionAbsoluteEnd(createdAt).getTime()));
}

/** Sessions that began at or before this moment are past their absolute lifetime at `now`. */
export function sessionsStartedAfter(now: Date): Date {
  return new Date(now.getTime() - SESSION_ABSOLUTE_MAX_AGE_SECONDS * 1000);
}

/** A new session for the user (the typed-code sign-in); the token is for the cookie alone. */
export async function startSession(userId: string, now = new Date()) {
  const sessionToken = randomBytes(32).toString("hex");
  return storeSession({ sessionToken, userId, expires: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) }, now);
}

export async function storeSession(session: { sessionToken: string; userId: string; expires: Date }, now = new Date()) {
  const stored = await db.session.create({
    data: { ...session, sessionToken: sessionTokenHash(session.sessionToken), createdAt: now },
  });
  return { ...stored, sessionToken: session.sessionToken };
}

/** The session and its person, or null when unknown or past its absolute lifetime (then it is deleted). */
export async function findSessionAndUser(sessionToken: string, now = new Date()) {
  const row = await db.session.findUnique({ where: { sessionToken: sessionTokenHash(sessionToken) }, include: { user: true } });
  if (!row) return null;
  if (sessionAbsoluteEnd(row.createdAt) <= now) {
    await endSession(sessionToken);
    return null;
  }
  const { user, ...session } = row;
  return { user, session: { ...session, sessionToken } };
}

/** Pushes the idle end back (next-auth does, as the session is used), never past the absolute end. */
export async function extendSession(sessionToken: string, expires: Date | undefined) {
  const where = { sessionToken: sessionTokenHash(sessionToken) };
  const current = await db.session.findUnique({ where });
  if (!current) return null;
  const updated = await db.session.update({ where, data: { expires: expires && sessionEnd(expires, current.createdAt) } });
  return { ...updated, sessionToken };
}

export async function endSession(sessionToken: string) {
  await db.session.deleteMany({ where: { sessionToken: sessionTokenHash(sessionToken) } });
}
