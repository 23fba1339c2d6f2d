import type { Actor } from "@/lib/auth/actor";
import { appUrl } from "@/lib/auth/config";
import { requestCredential, whoIsAsking, type Credential } from "@/lib/auth/who-is-asking";
import { AppError } from "@/lib/errors";

/**
 * The credential of an API request: a personal access token
 * (`Authorization: Bearer cst_…`), or the browser session. A write with the
 * session must come from this site's own pages (Origin check), so another
 * site cannot make a signed-in browser write (CSRF).
 */
export function apiCredential(request: Request): Credential | null {
  const credential = requestCredential(request.headers);
  const origin = request.headers.get("origin");
  const withToken = credential !== null && "accessToken" in credential;
  if (!withToken && request.method !== "GET" && origin !== new URL(appUrl()).origin && origin !== new URL(request.url).origin) {
    throw new AppError("FORBIDDEN");
  }
  return credential;
}

/** Who is asking, for a route: a token that leads to nobody is refused (401); no session is left to the use case's guard. */
export async function apiActor(request: Request): Promise<Actor | null> {
  const credential = apiCredential(request);
  const actor = await whoIsAsking(credential);
  if (!actor && credential && "accessToken" in credential) throw new AppError("UNAUTHENTICATED");
  return actor;
}
