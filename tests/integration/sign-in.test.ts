import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { SIGN_IN_CODE_MAX_ATTEMPTS } from "@/lib/auth/config";
import { redeemSignInCode, requestSignIn, SIGN_IN_LIMITS } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { uniqueEmail } from "../support/factories";

const context = { ip: "203.0.113.7", locale: "en" as const };

async function latestMail(to: string) {
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
  const code = /code on the sign-in page: (\d{3} \d{3})/.exec(mail.text)?.[1];
  return { mail, link: link!, code: code! };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
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
    expect(url.pathname).toBe("/api/auth/callback/email");
    expect(url.searchParams.get("email")).toBe(email);
    expect(url.searchParams.get("callbackUrl")).toBe("http://localhost:3000/account");
    const token = url.searchParams.get("token")!;
    const hashed = createHash("sha256").update(`${token}${process.env.NEXTAUTH_SECRET}`).digest("hex");
    const stored = await db.verificationToken.findUnique({ where: { token: hashed } });
    expect(stored?.identifier).toBe(email);
    // Neither the token nor the code is stored in the clear.
    const row = await db.signInCode.findFirstOrThrow({ where: { email }, omit: { codeHash: false, tokenCiphertext: false } });
    expect(row.tokenCiphertext).not.toContain(token);
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
});

describe("signing in with the code", () => {
  it("turns the right code into next-auth's callback for the same token, once", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email, callbackUrl: "/account" }, context);
    const { link, code } = await latestMail(email);
    const callback = await redeemSignInCode({ email, code, callbackUrl: "/account" });
    const redeemed = new URL(callback, "http://localhost:3000");
    expect(redeemed.pathname).toBe("/api/auth/callback/email");
    expect(redeemed.searchParams.get("token")).toBe(new URL(link).searchParams.get("token"));
    expect(redeemed.searchParams.get("email")).toBe(email);

    const reused = await failure(redeemSignInCode({ email, code }));
    expect(reused.details.fieldErrors).toEqual({ code: "errors.codeExpired" });
  });

  it("accepts the code typed with spaces or a dash", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email }, context);
    const { code } = await latestMail(email);
    await expect(redeemSignInCode({ email, code: code.replace(" ", "-") })).resolves.toContain("token=");
  });

  it("refuses a wrong code and locks the code after too many attempts", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email }, context);
    const { code } = await latestMail(email);
    const wrong = code === "000 000" ? "111111" : "000000";
    const first = await failure(redeemSignInCode({ email, code: wrong }));
    expect(first.details.fieldErrors).toEqual({ code: "errors.codeWrong" });
    for (let i = 1; i < SIGN_IN_CODE_MAX_ATTEMPTS; i++) await failure(redeemSignInCode({ email, code: wrong }));
    const locked = await failure(redeemSignInCode({ email, code }));
    expect(locked.details.fieldErrors).toEqual({ code: "errors.codeTooManyAttempts" });
  });

  it("refuses an expired code", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email }, context);
    const { code } = await latestMail(email);
    await db.signInCode.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const error = await failure(redeemSignInCode({ email, code }));
    expect(error.details.fieldErrors).toEqual({ code: "errors.codeExpired" });
  });

  it("only honours the latest e-mail's code and link", async () => {
    const email = uniqueEmail();
    await requestSignIn({ email }, context);
    const first = await latestMail(email);
    await requestSignIn({ email }, context);
    const second = await latestMail(email);
    const stale = await failure(redeemSignInCode({ email, code: first.code }));
    expect(stale.details.fieldErrors?.code).toMatch(/codeWrong|codeExpired/);
    expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(1);
    await expect(redeemSignInCode({ email, code: second.code })).resolves.toContain("token=");
  });

  it("checks the code's format before looking it up", async () => {
    const error = await failure(redeemSignInCode({ email: uniqueEmail(), code: "12ab" }));
    expect(error.details.fieldErrors).toEqual({ code: "errors.codeFormat" });
  });
});
