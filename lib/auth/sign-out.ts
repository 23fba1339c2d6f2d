import { db } from "@/lib/db/client";

/** next-auth's session cookie, on http and (with the __Secure- prefix) on https. */
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

export async function endSession(sessionToken: string) {
  await db.session.deleteMany({ where: { sessionToken } });
}
