"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { appUrl } from "@/lib/auth/config";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { sameSitePath } from "@/lib/http/same-site-path";

export async function setLanguage(form: FormData) {
  const locale = form.get("locale");
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
  }
  const requestHeaders = await headers();
  // Back to the page the switch was on; Next.js has checked that Origin is this site.
  redirect(sameSitePath(requestHeaders.get("referer"), requestHeaders.get("origin") ?? appUrl()));
}
