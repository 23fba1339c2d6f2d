import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { sameSitePath } from "@/lib/http/same-site-path";
import { authAdapter } from "./adapter";
import { SESSION_MAX_AGE_SECONDS, SIGN_IN_TTL_SECONDS } from "./config";

export const authOptions: NextAuthOptions = {
  adapter: authAdapter(),
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
    // next-auth's default keeps "//host" paths and any absolute URL on this
    // origin as given; every callbackUrl (query, form or cookie) goes through the one check.
    async redirect({ url, baseUrl }) {
      return `${baseUrl}${sameSitePath(url, baseUrl)}`;
    },
    async session({ session, user }) {
      return { ...session, user: { ...session.user, id: user.id } };
    },
  },
};
