import { z } from "zod";

export const EMAIL_MAX = 254;
export const SIGN_IN_CODE_LENGTH = 6;

export const emailField = z
  .string()
  .trim()
  .min(1, "errors.emailRequired")
  .max(EMAIL_MAX, "errors.emailTooLong")
  .pipe(z.email("errors.emailInvalid"))
  .transform((email) => email.toLowerCase());

/**
 * Only same-site paths: a sign-in link must never send someone elsewhere.
 * Browsers drop tabs and newlines in URLs and read "\\" as "/", so anything
 * with them, or that parses to another host, becomes "/".
 */
export function sameSiteCallbackPath(path: string | undefined): string {
  if (!path || !path.startsWith("/") || /[\u0000-\u0020\\]/.test(path)) return "/";
  try {
    const parsed = new URL(path, "http://placeholder.invalid");
    return parsed.host === "placeholder.invalid" ? `${parsed.pathname}${parsed.search}${parsed.hash}` : "/";
  } catch {
    return "/";
  }
}

export const callbackPathField = z.string().optional().transform(sameSiteCallbackPath);

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
  name: z.string().trim().min(1, "errors.tokenNameRequired").max(TOKEN_NAME_MAX, "errors.tokenNameTooLong"),
});
