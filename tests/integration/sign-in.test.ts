import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { SIGN_IN_CODE_MAX_ATTEMPTS } from "@/lib/auth/config";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { sessionTokenHash } from "@/lib/auth/session-store";
import { signInWithCode, requestSignIn, SIGN_IN_LIMITS } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { failure } from "../support/failure";
import { uniqueEmail } from "../support/factories";
import { callNextAuth } from "../support/next-auth";

const context = { ip: "203.0.113.7", locale: "en" as const };

async function latestMail(to: string) {
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
  const code = /code on the sign-in page: (\d{3} \d{3})/.exec(mail.text)?.[1];
  return { mail, link: link!, code: code! };
}


beforeEach(async () => {
  await db.rateLimitCounter.deleteMany();
});

describe("requesting a sign-in e-mail", () => {
  it("sends a link and a code, and stores the link's token hashed as next-auth expects", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email: `  ${email.toUpperCase()} `, callbackUrl: "/account" }, context);
    const { mail, link, code } = await latestMail(email);
    expect(mail.subject).toBe("Your sign-in link for Consult");
    expect(code).toMatch(/^\d{3} \d{3}$/);

    const url = new URL(link);
    // The link opens a page whose button signs in (mail scanners open links, they do not press buttons).
    expect(url.pathname).toBe("/sign-in/link");
    expect(url.searchParams.get("email")).toBe(email);
    expect(url.searchParams.get("callbackUrl")).toBe("http://localhost:3000/account");
    const token = url.searchParams.get("token")!;
    const hashed = createHash("sha256").update(`${token}${process.env.NEXTAUTH_SECRET}`).digest("hex");
    const stored = await db.verificationToken.findUnique({ where: { token: hashed } });
    expect(stored?.identifier).toBe(email);
    // The code is not stored in the clear.
    const row = await db.signInCode.findFirstOrThrow({ where: { email }, omit: { codeHash: false } });
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.codeHash).not.toContain(code.replace(" ", ""));
  });

  it("answers an invalid address with a field error and sends nothing", async () => {
    const error = await failure(requestSignIn({ email: "not-an-address" }, context));
    expect(error.code).toBe("VALIDATION");
    expect(error.details.fieldErrors).toEqual({ email: "errors.emailInvalid" });
    const empty = await failure(requestSignIn({ email: "   " }, context));
    expect(empty.details.fieldErrors).toEqual({ email: "errors.emailRequired" });
  });

  it("never sends people to another site after signing in", async () => {
    const email = uniqueEmail();
    for (const callbackUrl of ["https://evil.example/", "//evil.example/x", "/\\evil.example"]) {
      await requestSignIn({ email, callbackUrl }, { ...context, ip: null });
      const { link } = await latestMail(email);
      expect(new URL(link).searchParams.get("callbackUrl")).toBe("http://localhost:3000/");
      await db.rateLimitCounter.deleteMany();
    }
  });

  it("limits e-mails per address", async () => {
    const email = uniqueEmail();
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.limit; i++) await requestSignIn({ email }, context);
    const error = await failure(requestSignIn({ email }, context));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.perEmail.windowSeconds);
  });

  it("limits e-mails per IP address across different addresses", async () => {
    const ip = "198.51.100.9";
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit; i++) await requestSignIn({ email: uniqueEmail() }, { ...context, ip });
    const error = await failure(requestSignIn({ email: uniqueEmail() }, { ...context, ip }));
    expect(error.code).toBe("RATE_LIMITED");
    // Another address from another IP is unaffected.
    await expect(requestSignIn({ email: uniqueEmail() }, { ...context, ip: "198.51.100.10" })).resolves.toBeTruthy();
  });

  it("counts toward the site-wide limit only what the address and IP limits let through, and warns loudly near it", async () => {
    const ip = "198.51.100.20";
    const overall = () => db.rateLimitCounter.aggregate({ where: { key: "sign-in:overall" }, _sum: { count: true } }).then((row) => row._sum.count ?? 0);
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit; i++) await requestSignIn({ email: uniqueEmail() }, { ...context, ip });
    const before = await overall();
    // A flood from one address is refused per IP and leaves the whole site's allowance alone.
    for (let i = 0; i < 20; i++) expect((await failure(requestSignIn({ email: uniqueEmail() }, { ...context, ip }))).code).toBe("RATE_LIMITED");
    expect(await overall()).toBe(before);

    const warnings: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((message: string) => void warnings.push(message));
    try {
      const { limit, windowSeconds } = SIGN_IN_LIMITS.overall;
      const windowStart = new Date(Math.floor(Date.now() / (windowSeconds * 1000)) * windowSeconds * 1000);
      await db.rateLimitCounter.update({ where: { key_windowStart: { key: "sign-in:overall", windowStart } }, data: { count: Math.ceil(limit * 0.8) } });
      await requestSignIn({ email: uniqueEmail() }, { ...context, ip: "198.51.100.21" });
      expect(warnings.join("\n")).toMatch(/WARNING: \d+ of the site-wide \d+ sign-in e-mails this hour are used/);
      await db.rateLimitCounter.update({ where: { key_windowStart: { key: "sign-in:overall", windowStart } }, data: { count: limit } });
      expect((await failure(requestSignIn({ email: uniqueEmail() }, { ...context, ip: "198.51.100.22" }))).code).toBe("RATE_LIMITED");
      expect(warnings.join("\n")).toContain("ALERT: the site-wide limit");
    } finally {
      spy.mockRestore();
    }
  });
});

describe("signing in with the code", () => {
  it("creates the account and a session for the right code, once, and spends the link too", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email, callbackUrl: "/account" }, context);
    const { code } = await latestMail(email);
    const signedIn = await signInWithCode({ email, code, callbackUrl: "/account" }, context);
    expect(signedIn).toMatchObject({ isNewUser: true, callbackUrl: "/account" });
    const session = await db.session.findUniqueOrThrow({ where: { sessionToken: sessionTokenHash(signedIn.sessionToken) }, include: { user: true } });
    expect(session.user.email).toBe(email);
    expect(session.user.emailVerified).toBeInstanceOf(Date);
    expect(session.expires.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(0);

    const reused = await failure(signInWithCode({ email, code }, context));
    expect(reused.details.fieldErrors).toEqual({ code: "errors.codeExpired" });

    await requestSignIn({ email }, context);
    const again = await signInWithCode({ email, code: (await latestMail(email)).code }, context);
    expect(again.isNewUser).toBe(false);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("does not start a session for a suspended account", async () => {
    const email = uniqueEmail();
    await db.user.create({ data: { email, suspendedAt: new Date() } });
    await requestSignIn({ email }, context);
    const error = await failure(signInWithCode({ email, code: (await latestMail(email)).code }, context));
    expect(error.code).toBe("SUSPENDED");
    expect(await db.session.count({ where: { user: { email } } })).toBe(0);
  });

  it("accepts the code typed with spaces or a dash", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email }, context);
    const { code } = await latestMail(email);
    await expect(signInWithCode({ email, code: code.replace(" ", "-") }, context)).resolves.toHaveProperty("sessionToken");
  });

  it("refuses a wrong code and locks the code after too many attempts", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email }, context);
    const { code } = await latestMail(email);
    const wrong = code === "000 000" ? "111111" : "000000";
    const first = await failure(signInWithCode({ email, code: wrong }, context));
    expect(first.details.fieldErrors).toEqual({ code: "errors.codeWrong" });
    for (let i = 1; i < SIGN_IN_CODE_MAX_ATTEMPTS; i++) await failure(signInWithCode({ email, code: wrong }, context));
    const locked = await failure(signInWithCode({ email, code }, context));
    expect(locked.details.fieldErrors).toEqual({ code: "errors.codeTooManyAttempts" });
  });

  it("allows only the allowance of guesses, also when they arrive at once", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email }, context);
    const { code } = await latestMail(email);
    const wrong = code === "000 000" ? "111111" : "000000";
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => signInWithCode({ email, code: wrong }, context)));
    expect(results.every((result) => result.status === "rejected")).toBe(true);
    const row = await db.signInCode.findFirstOrThrow({ where: { email } });
    expect(row.attempts).toBe(SIGN_IN_CODE_MAX_ATTEMPTS);
    const locked = await failure(signInWithCode({ email, code }, context));
    expect(locked.details.fieldErrors).toEqual({ code: "errors.codeTooManyAttempts" });
  });

  it("refuses an expired code", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email }, context);
    const { code } = await latestMail(email);
    await db.signInCode.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const error = await failure(signInWithCode({ email, code }, context));
    expect(error.details.fieldErrors).toEqual({ code: "errors.codeExpired" });
  });

  it("only honours the latest e-mail's code and link", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email }, context);
    const first = await latestMail(email);
    await requestSignIn({ email }, context);
    const second = await latestMail(email);
    const stale = await failure(signInWithCode({ email, code: first.code }, context));
    expect(stale.details.fieldErrors?.code).toMatch(/codeWrong|codeExpired/);
    expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(1);
    await expect(signInWithCode({ email, code: second.code }, context)).resolves.toHaveProperty("sessionToken");
  });

  it("checks the code's format before looking it up", async () => {
    const error = await failure(signInWithCode({ email: uniqueEmail(), code: "12ab" }, context));
    expect(error.details.fieldErrors).toEqual({ code: "errors.codeFormat" });
  });
});

describe("one e-mail, one sign-in: the link and the code spend each other", () => {
  /** Follows the e-mail's link as a browser would: next-auth's own callback. */
  const followLink = (link: string) => callNextAuth(["callback", "email"], { query: Object.fromEntries(new URL(link).searchParams) });

  it("signs in with the link, which spends the code", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email, callbackUrl: "/account" }, context);
    const { link, code } = await latestMail(email);
    const followed = await followLink(link);
    expect(followed.status).toBe(302);
    const cookie = followed.cookies[SESSION_COOKIES[0]]!;
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await db.session.count({ where: { userId: user.id, sessionToken: sessionTokenHash(cookie) } })).toBe(1);

    const spent = await failure(signInWithCode({ email, code }, context));
    expect(spent.details.fieldErrors).toEqual({ code: "errors.codeExpired" });
    expect((await followLink(link)).location).toMatch(/\/error\?error=Verification$/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("signs in with the code, which spends the link", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email }, context);
    const { link, code } = await latestMail(email);
    await signInWithCode({ email, code }, context);
    const followed = await followLink(link);
    expect(followed.location).toMatch(/\/error\?error=Verification$/);
    expect(followed.cookies[SESSION_COOKIES[0]]).toBeUndefined();
    expect(await db.session.count({ where: { user: { email } } })).toBe(1);
  });
});
