import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { enforceRateLimits, limitFromEnvironment } from "@/lib/rate-limit";
import { rateLimitAddress } from "@/lib/http/edge";
import { parseInput } from "@/lib/validation";
import { appUrl, authSecret, SIGN_IN_CODE_MAX_ATTEMPTS, SIGN_IN_TTL_SECONDS } from "./config";
import { sendMail } from "./mail";
import { signInCodeSchema, signInRequestSchema } from "./schemas";
import { startSession } from "./session-store";
import { createUserForEmail } from "./users";

export const SIGN_IN_LIMITS = {
  perEmail: { limit: 5, windowSeconds: 60 * 60 },
  /** Higher where many people share an address (a conference venue's network). */
  perIp: { limit: limitFromEnvironment("SIGN_IN_MAIL_LIMIT_PER_IP_PER_HOUR", 30), windowSeconds: 60 * 60 },
  /** A backstop against the app being used to mail many addresses (the IP can be spoofed without a proxy). */
  overall: { limit: limitFromEnvironment("SIGN_IN_MAIL_LIMIT_PER_HOUR", 1000), windowSeconds: 60 * 60 },
  codePerEmail: { limit: 10, windowSeconds: 15 * 60 },
  /** Code attempts from one address: like the e-mails, higher where a venue shares one. */
  codePerIp: { limit: limitFromEnvironment("SIGN_IN_CODE_LIMIT_PER_IP", 50), windowSeconds: 15 * 60 },
};

/** From this share of the site-wide limit on, every sign-in e-mail logs a warning: someone should look. */
const SITE_WIDE_WARNING_SHARE = 0.8;

function warnWhenSiteWideLimitNear(count: number) {
  const { limit } = SIGN_IN_LIMITS.overall;
  if (count >= Math.ceil(limit * SITE_WIDE_WARNING_SHARE)) {
    console.error(`[sign-in] WARNING: ${count} of the site-wide ${limit} sign-in e-mails this hour are used (SIGN_IN_MAIL_LIMIT_PER_HOUR); at the limit nobody can sign in until the hour ends.`);
  }
}

type RequestContext = { ip: string | null; locale: Locale };

/**
 * Sends a sign-in e-mail holding a link and a short code. The link is
 * next-auth's own e-mail callback; the code is for people whose mail scanner
 * opens (and so spends) links before they do.
 */
export async function requestSignIn(input: unknown, context: RequestContext) {
  const { email, callbackUrl } = parseInput(signInRequestSchema, input);
  await enforceRateLimits([
    { key: `sign-in:email:${email}`, ...SIGN_IN_LIMITS.perEmail },
    { key: `sign-in:ip:${rateLimitAddress(context.ip)}`, ...SIGN_IN_LIMITS.perIp },
  ]);
  // Counted only once the address and the IP are within their own limits, so a flood from a few
  // sources is refused there and cannot use up the whole site's allowance (locking everyone out).
  const [overall] = await enforceRateLimits([{ key: "sign-in:overall", ...SIGN_IN_LIMITS.overall }]).catch((error: unknown) => {
    console.error(`[sign-in] ALERT: the site-wide limit of ${SIGN_IN_LIMITS.overall.limit} sign-in e-mails an hour is reached; nobody can sign in until the hour ends (SIGN_IN_MAIL_LIMIT_PER_HOUR).`);
    throw error;
  });
  warnWhenSiteWideLimitNear(overall?.count ?? 0);

  const token = randomBytes(32).toString("hex");
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const expires = new Date(Date.now() + SIGN_IN_TTL_SECONDS * 1000);
  // A page with a button in front of next-auth's callback: mail scanners open links, they do not press buttons.
  const link = `${appUrl()}/sign-in/link?${new URLSearchParams({ callbackUrl: `${appUrl()}${callbackUrl}`, token, email })}`;

  await db.$transaction([
    // A new e-mail replaces the earlier ones: only the latest link and code work.
    db.verificationToken.deleteMany({ where: { identifier: email } }),
    spendSignInCodes(email),
    db.verificationToken.create({ data: { identifier: email, token: hashLinkToken(token), expires } }),
    db.signInCode.create({
      data: { email, codeHash: hashCode(email, code), expiresAt: expires },
    }),
  ]);

  const t = translatorFor(context.locale);
  const minutes = SIGN_IN_TTL_SECONDS / 60;
  await sendMail({
    to: email,
    subject: t("mail.signIn.subject"),
    text: t("mail.signIn.body", { link, code: `${code.slice(0, 3)} ${code.slice(3)}`, minutes }),
  });
  return { email, callbackUrl };
}

/**
 * Checks a typed code and starts a session, as next-auth's e-mail callback
 * would for the link (which this spends too: one e-mail, one sign-in).
 */
export async function signInWithCode(input: unknown, context: { ip: string | null }) {
  const { email, code, callbackUrl } = parseInput(signInCodeSchema, input);
  await enforceRateLimits([
    { key: `sign-in-code:email:${email}`, ...SIGN_IN_LIMITS.codePerEmail },
    { key: `sign-in-code:ip:${rateLimitAddress(context.ip)}`, ...SIGN_IN_LIMITS.codePerIp },
  ]);
  const invalid = (key: string) => new AppError("VALIDATION", { fieldErrors: { code: key } });
  const latest = await db.signInCode.findFirst({ where: { email }, orderBy: { createdAt: "desc" }, omit: { codeHash: false } });
  if (!latest || latest.usedAt || latest.expiresAt <= new Date()) throw invalid("errors.codeExpired");
  // Spend one attempt before comparing, atomically: parallel guesses cannot exceed the allowance.
  const spent = await db.signInCode.updateMany({
    where: { id: latest.id, usedAt: null, attempts: { lt: SIGN_IN_CODE_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (spent.count === 0) throw invalid("errors.codeTooManyAttempts");
  if (!safeEqual(latest.codeHash, hashCode(email, code))) {
    throw invalid(latest.attempts + 1 >= SIGN_IN_CODE_MAX_ATTEMPTS ? "errors.codeTooManyAttempts" : "errors.codeWrong");
  }
  // Claim the code: two tabs submitting it at once get one session.
  const claimed = await db.signInCode.updateMany({ where: { id: latest.id, usedAt: null }, data: { usedAt: new Date() } });
  if (claimed.count === 0) throw invalid("errors.codeExpired");
  await db.verificationToken.deleteMany({ where: { identifier: email } });

  let user = await db.user.findUnique({ where: { email } });
  const isNewUser = !user;
  if (!user) user = await createUserForEmail(email, new Date());
  else if (!user.emailVerified) user = await db.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
  if (user.suspendedAt) throw new AppError("SUSPENDED");

  const session = await startSession(user.id);
  return { sessionToken: session.sessionToken, expires: session.expires, isNewUser, callbackUrl };
}

/** Spends the codes not yet used for this address: a new e-mail replaces them, and the link, once used, spends its code. */
export function spendSignInCodes(email: string) {
  return db.signInCode.updateMany({ where: { email, usedAt: null }, data: { usedAt: new Date() } });
}

/** next-auth v4 stores e-mail tokens as sha256(token + secret) (core/lib/utils.js hashToken). */
function hashLinkToken(token: string) {
  return createHash("sha256").update(`${token}${authSecret()}`).digest("hex");
}

function hashCode(email: string, code: string) {
  return createHash("sha256").update(`sign-in-code:${email}:${code}:${authSecret()}`).digest("hex");
}

function safeEqual(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
