import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";

export type NextAuthAnswer = { status: number; location: string | null; cookies: Record<string, string>; body: unknown };

/**
 * Calls next-auth with the app's options as /api/auth/… would, through its
 * pages-router entry (the app-router one needs a Next.js request scope).
 * `path` is what follows /api/auth/, e.g. ["session"] or ["callback", "email"].
 */
export async function callNextAuth(path: string[], options: { query?: Record<string, string>; sessionToken?: string } = {}): Promise<NextAuthAnswer> {
  const answer: NextAuthAnswer = { status: 200, location: null, cookies: {}, body: undefined };
  const headers: Record<string, unknown> = {};
  const res = {
    status: (code: number) => ((answer.status = code), res),
    getHeader: (name: string) => headers[name.toLowerCase()],
    setHeader: (name: string, value: unknown) => ((headers[name.toLowerCase()] = value), res),
    end: () => {},
    send: (body: unknown) => void (answer.body = body),
    json: (body: unknown) => void (answer.body = body),
  };
  const req = {
    method: "GET",
    query: { nextauth: path, ...options.query },
    headers: { host: "localhost:3000" },
    cookies: options.sessionToken ? { [SESSION_COOKIES[0]]: options.sessionToken } : {},
    body: undefined,
  };
  await NextAuth(req as never, res as never, { ...authOptions });
  answer.location = (headers.location as string | undefined) ?? null;
  for (const line of [headers["set-cookie"] ?? []].flat() as string[]) {
    const [pair] = line.split(";");
    const [name, ...value] = pair!.split("=");
    answer.cookies[name!] = decodeURIComponent(value.join("="));
  }
  return answer;
}
