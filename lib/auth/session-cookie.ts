import { cookies } from "next/headers";
import { appUrl } from "./config";
import { SESSION_COOKIES } from "./session-cookie-names";

export { SESSION_COOKIES };

/** The name and attributes next-auth v4 gives its session cookie. */
export function sessionCookie() {
  const secure = appUrl().startsWith("https://");
  return {
    name: secure ? SESSION_COOKIES[1] : SESSION_COOKIES[0],
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

export type CookieJar = { get(name: string): { value: string } | undefined };

/** The session token among a request's cookies, if any. */
export function sessionTokenFrom(cookies: CookieJar): string | null {
  for (const name of SESSION_COOKIES) {
    const token = cookies.get(name)?.value;
    if (token) return token;
  }
  return null;
}

/** The session token of this request's cookie, if any. */
export async function currentSessionToken(): Promise<string | null> {
  return sessionTokenFrom(await cookies());
}
