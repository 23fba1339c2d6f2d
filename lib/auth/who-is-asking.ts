import { db } from "@/lib/db/client";
import { findCredentialOwner, type CredentialOwner, type CredentialValidity, type HashedCredential } from "@/lib/db/credential-owner";
import { AppError } from "@/lib/errors";
import { accessTokenHash, noteAccessTokenUse, requireUnexpiredToken } from "./access-tokens";
import type { Actor } from "./actor";
import { toActor } from "./actor-by-id";
import { requireParticipant } from "./guards";
import { SESSION_MAX_AGE_SECONDS } from "./config";
import { sessionTokenFrom, type CookieJar } from "./session-cookie";
import { sessionEnd, sessionsStartedAfter, sessionTokenHash } from "./session-store";
import { parseCookieHeader } from "@/lib/http/cookie-header";

/** What a request presents: the browser's session cookie, or a personal access token (`Authorization: Bearer cst_…`). */
export type Credential = { session: string } | { accessToken: string };

/**
 * The credential a request carries: a bearer token when the Authorization
 * header is sent (any other scheme is refused), else the session cookie.
 */
export function requestCredential(headers: Headers): Credential | null {
  const authorization = headers.get("authorization");
  if (authorization) {
    const [scheme, token] = authorization.split(" ");
    if (scheme?.toLowerCase() !== "bearer" || !token?.trim()) throw new AppError("UNAUTHENTICATED");
    return { accessToken: token.trim() };
  }
  return sessionCredential(cookiesOf(headers));
}

/** The session cookie's credential (pages and server actions know no other). */
export function sessionCredential(cookies: CookieJar): Credential | null {
  const session = sessionTokenFrom(cookies);
  return session ? { session } : null;
}

function cookiesOf(headers: Headers): CookieJar {
  const cookies = parseCookieHeader(headers.get("cookie"));
  return {
    get(name) {
      const value = cookies.get(name);
      return value ? { value } : undefined;
    },
  };
}

/** As stored: the SHA-256 of the session token or access token; null for a string that cannot be one of ours. */
export function hashCredential(credential: Credential): HashedCredential | null {
  if ("session" in credential) return { kind: "session", hash: sessionTokenHash(credential.session) };
  const hash = accessTokenHash(credential.accessToken);
  return hash ? { kind: "accessToken", hash } : null;
}

export function credentialValidity(now: Date): CredentialValidity {
  return { now, sessionsStartedAfter: sessionsStartedAfter(now) };
}

/** An active session's idle end is pushed back at most this often (one write a day, as next-auth does). */
const SESSION_UPDATE_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Who is asking: the one way a request's credential becomes an actor, for
 * pages, server actions and the API alike, in one query. Nobody (null) for
 * no credential, an unknown or revoked token, or an ended session; an
 * expired token is refused saying so. Suspension and the profile are for the
 * use case's own guards (requireParticipant and the like).
 */
export async function whoIsAsking(credential: Credential | null, now = new Date()): Promise<Actor | null> {
  const hashed = credential && hashCredential(credential);
  if (!hashed) return null;
  const owner = await findCredentialOwner(hashed, credentialValidity(now));
  return owner ? admitCredentialOwner(hashed, owner, now) : null;
}

/**
 * The same guards for a credential's owner read by another statement (the
 * comment hot path reads it with the comment's context): an expired token
 * is refused saying so, a token's use is noted, a session is kept alive.
 */
export async function admitCredentialOwner(credential: HashedCredential, owner: CredentialOwner, now: Date): Promise<Actor> {
  if (credential.kind === "accessToken") {
    requireUnexpiredToken(owner.expiresAt, now);
    await noteAccessTokenUse(owner.credentialId, owner.lastUsedAt, now);
  } else {
    await keepSessionAlive(owner.credentialId, owner.expiresAt, owner.startedAt!, now);
  }
  return toActor(owner);
}

/**
 * Runs `work` (reading or checking what was sent) for a request whose
 * credential is checked later on; if the work fails, who is asking is
 * answered first: 401 for a bad token or no session, 403 for a suspended
 * owner or one without a profile, and only then the work's own error.
 */
export async function whoIsAskingFirst<T>(credential: Credential | null, work: () => T | Promise<T>, now = new Date()): Promise<T> {
  try {
    return await work();
  } catch (error) {
    requireParticipant(await whoIsAsking(credential, now));
    throw error;
  }
}

/** Pushes an active session's idle end back (at most daily), never past its absolute end. */
async function keepSessionAlive(sessionId: string, expires: Date, startedAt: Date, now: Date) {
  const idleEnd = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
  if (idleEnd.getTime() - expires.getTime() < SESSION_UPDATE_AGE_MS) return;
  const capped = sessionEnd(idleEnd, startedAt);
  if (capped > expires) await db.session.update({ where: { id: sessionId }, data: { expires: capped } });
}
