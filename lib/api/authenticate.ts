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
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, token] = authorization.split(" ");
    const actor = scheme?.toLowerCase() === "bearer" && token ? await actorFromAccessToken(token.trim()) : null;
    if (!actor) throw new AppError("UNAUTHENTICATED");
    return actor;
  }
  const origin = request.headers.get("origin");
  if (request.method !== "GET" && origin !== new URL(appUrl()).origin && origin !== new URL(request.url).origin) {
    throw new AppError("FORBIDDEN");
  }
  return getActor();
}
