import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { API_BODY_MAX_BYTES } from "@/lib/api/read-json";
import { apiError } from "@/lib/api/respond";
import { authOptions } from "@/lib/auth/options";
import { readLimitedBody } from "@/lib/http/read-body";

const handler = NextAuth(authOptions);

export { handler as GET };

/**
 * Sign-in e-mails are requested through /sign-in (rate limited); next-auth's own endpoint is closed.
 * next-auth reads whole bodies (sign-out form, client log), so the body is read here first, capped.
 */
export async function POST(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const { nextauth } = await context.params;
  if (nextauth[0] === "signin") return new Response("Use /sign-in", { status: 404 });
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readLimitedBody(request, API_BODY_MAX_BYTES);
  } catch (error) {
    return apiError(error);
  }
  return handler(new NextRequest(request.url, { method: "POST", headers: request.headers, body }), context);
}
