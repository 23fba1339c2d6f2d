import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { db } from "@/lib/db/client";
import { endSession, extendSession, findSessionAndUser, storeSession } from "./session-store";
import { spendSignInCodes } from "./sign-in";
import { createUserForEmail } from "./users";

/**
 * next-auth's Prisma adapter, with sessions stored by their token's hash and
 * ended at their absolute lifetime, and a used sign-in link spending the code
 * sent with it (one e-mail, one sign-in).
 */
export function authAdapter(): Adapter {
  // The Prisma adapter's types predate Prisma 7's generated client.
  const base = PrismaAdapter(db as never);
  return {
    ...base,
    createUser: (data: Omit<AdapterUser, "id">) => createUserForEmail(data.email.toLowerCase(), data.emailVerified),
    createSession: (session) => storeSession(session),
    getSessionAndUser: (sessionToken) => findSessionAndUser(sessionToken),
    updateSession: ({ sessionToken, expires }) => extendSession(sessionToken, expires),
    deleteSession: (sessionToken) => endSession(sessionToken),
    async useVerificationToken(params) {
      const used = await base.useVerificationToken!(params);
      if (used) await spendSignInCodes(used.identifier);
      return used;
    },
  };
}
