import { z } from "zod";
import { sameSitePath } from "@/lib/http/same-site-path";
import { nameText } from "@/lib/text/user-text";

export const EMAIL_MAX = 254;
export const SIGN_IN_CODE_LENGTH = 6;

export const emailField = z
  .string()
  .trim()
  .min(1, "errors.emailRequired")
  .max(EMAIL_MAX, "errors.emailTooLong")
  .pipe(z.email("errors.emailInvalid"))
  .transform((email) => email.toLowerCase());

/** Where to go after signing in: only a path on this site (see sameSitePath), else "/". */
export const callbackPathField = z.string().optional().transform((path) => sameSitePath(path));

export const signInRequestSchema = z.object({ email: emailField, callbackUrl: callbackPathField });
export type SignInRequestInput = z.input<typeof signInRequestSchema>;

export const signInCodeSchema = z.object({
  email: emailField,
  code: z
    .string()
    .transform((code) => code.replace(/[\s-]/g, ""))
    .pipe(z.string().min(1, "errors.codeRequired").regex(/^\d{6}$/, "errors.codeFormat")),
  callbackUrl: callbackPathField,
});
export type SignInCodeInput = z.input<typeof signInCodeSchema>;

export const TOKEN_NAME_MAX = 100;

export const tokenNameSchema = z.object({
  name: nameText({ required: "errors.tokenNameRequired", max: TOKEN_NAME_MAX, tooLong: "errors.tokenNameTooLong" }),
});

/** How long a new personal access token lasts: always a limit, so a forgotten token stops working by itself. */
export const TOKEN_LIFETIME_DAYS = [30, 90, 180, 365] as const;
export const TOKEN_LIFETIME_DEFAULT_DAYS = 90;

export const tokenCreateSchema = tokenNameSchema.extend({
  expiresInDays: z.coerce
    .number({ error: "errors.tokenLifetimeInvalid" })
    .pipe(z.literal(TOKEN_LIFETIME_DAYS, { error: "errors.tokenLifetimeInvalid" }))
    .default(TOKEN_LIFETIME_DEFAULT_DAYS),
});
