import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";

/**
 * The client's address: the last X-Forwarded-For entry, which is the one the
 * nearest hop wrote (Next.js itself fills it from the socket when absent).
 * Behind a proxy, the proxy must overwrite the header, not append to it.
 */
export function clientIp(requestHeaders: Headers): string | null {
  const forwarded = requestHeaders.get("x-forwarded-for");
  return forwarded?.split(",").at(-1)?.trim() || requestHeaders.get("x-real-ip");
}

export async function requestContext(): Promise<{ ip: string | null; locale: Locale }> {
  const locale = await getLocale();
  return { ip: clientIp(await headers()), locale: isLocale(locale) ? locale : DEFAULT_LOCALE };
}
