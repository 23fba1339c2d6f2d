import { actorFromAccessToken } from "@/lib/auth/access-tokens";
import type { Actor } from "@/lib/auth/actor";
import { appUrl } from "@/lib/auth/config";
import { requireParticipant } from "@/lib/auth/guards";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { readJson } from "./read-json";

/**
 * The actor of a write API request: a personal access token
 * (`Authorization: Bearer cst_…`), or the browser session. A session-authenticated
 * write must come from this site's own pages (Origin check), so another site
 * cannot make a signed-in browser write (CSRF).
 */
export async function apiActor(request: Request): Promise<Actor | null> {
  const token = bearerToken(request);
  if (token) {
    const actor = await actorFromAccessToken(token);
    if (!actor) throw new AppError("UNAUTHENTICATED");
    return actor;
  }
  const origin = request.headers.get("origin");
  if (request.method !== "GET" && origin !== new URL(appUrl()).origin && origin !== new URL(request.url).origin) {
    throw new AppError("FORBIDDEN");
  }
  return getActor();
}

/** The personal access token of `Authorization: Bearer …`, null without the header; any other scheme is refused. */
export function bearerToken(request: Request): string | null {
  const authorization = request.headers.get("authorization");
  if (!authorization) return null;
  const [scheme, token] = authorization.split(" ");
  if (scheme?.toLowerCase() !== "bearer" || !token?.trim()) throw new AppError("UNAUTHENTICATED");
  return token.trim();
}

/**
 * The request's JSON object for a route that checks a token itself later on:
 * unreadable JSON is refused only once the token's owner is known to be a
 * participant, so that who is asking is answered first, as everywhere else.
 */
export async function readJsonCheckingToken(request: Request, token: string | null) {
  try {
    return await readJson(request);
  } catch (error) {
    if (token) requireParticipant(await actorFromAccessToken(token));
    throw error;
  }
}
