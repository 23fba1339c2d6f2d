/** next-auth's session cookie, on http and (with the __Secure- prefix) on https. Without Next.js imports: the edge reads it too. */
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;
