import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { CATALOGUES } from "@/lib/i18n/messages";
import { isLocale, LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locales";
import { LOCALE_HEADER } from "@/lib/http/page-route";

// The language is the page's [locale] segment, which the edge chose from the
// language cookie or Accept-Language (lib/http/page-route.ts); server actions
// and route handlers read the edge's choice, or choose the same way.
export default getRequestConfig(async ({ requestLocale }) => {
  const locale = await chosenLocale(await requestLocale);
  return { locale, messages: CATALOGUES[locale], timeZone: "UTC" };
});

async function chosenLocale(segment: string | undefined) {
  if (isLocale(segment)) return segment;
  const requestHeaders = await headers();
  const fromEdge = requestHeaders.get(LOCALE_HEADER);
  if (isLocale(fromEdge)) return fromEdge;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : negotiateLocale(requestHeaders.get("accept-language"));
}
