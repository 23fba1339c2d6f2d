import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/lib/db/client";
import { SESSION_MAX_AGE_SECONDS, SIGN_IN_TTL_SECONDS } from "./config";
import { createUserForEmail } from "./users";

function adapter(): Adapter {
  // The Prisma adapter's types predate Prisma 7's generated client.
  const base = PrismaAdapter(db as never);
  return {
    ...base,
    createUser: (data: Omit<AdapterUser, "id">) => createUserForEmail(data.email.toLowerCase(), data.emailVerified),
  };
}

export const authOptions: NextAuthOptions = {
  adapter: adapter(),
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [
    EmailProvider({
      maxAge: SIGN_IN_TTL_SECONDS,
      // Sign-in e-mails are sent by lib/auth/sign-in.ts (rate limited, with a
      // code); next-auth only handles the link's callback.
      sendVerificationRequest: () => {
        throw new Error("Use the sign-in page to request a link.");
      },
    }),
  ],
  pages: {
    signIn: "/sign-in",
    verifyRequest: "/sign-in/check-email",
    error: "/sign-in/error",
    newUser: "/account/profile",
  },
  callbacks: {
    async signIn({ user }) {
      // Suspended people cannot start a session (existing ones were ended).
      return !("suspendedAt" in user && user.suspendedAt);
    },
    async session({ session, user }) {
      return { ...session, user: { ...session.user, id: user.id } };
    },
  },
};
