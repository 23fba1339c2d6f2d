import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions);

export { handler as GET };

/** Sign-in e-mails are requested through /sign-in (rate limited); next-auth's own endpoint is closed. */
export async function POST(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const { nextauth } = await context.params;
  if (nextauth[0] === "signin") return new Response("Use /sign-in", { status: 404 });
  return handler(request, context);
}
