import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { CATALOGUES } from "@/lib/i18n/messages";
import { isLocale, LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locales";

// No locale in the URL: the language switch sets a cookie, else the browser's
// Accept-Language decides. Pages stay shareable across languages.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : negotiateLocale((await headers()).get("accept-language"));
  return { locale, messages: CATALOGUES[locale], timeZone: "UTC" };
});
