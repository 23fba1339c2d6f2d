import { actorFromAccessToken } from "@/lib/auth/access-tokens";
import type { Actor } from "@/lib/auth/actor";
import { appUrl } from "@/lib/auth/config";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

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
