import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { CLIENT_ADDRESS_HEADER } from "./edge";

/**
 * The client's address as the app's own server established it from the
 * socket (and TRUST_PROXY_HOPS); null when the app is served some other way,
 * so that nothing a client writes is taken for its address.
 */
export function clientIp(requestHeaders: Headers): string | null {
  return requestHeaders.get(CLIENT_ADDRESS_HEADER) || null;
}

export async function requestContext(): Promise<{ ip: string | null; locale: Locale }> {
  const locale = await getLocale();
  return { ip: clientIp(await headers()), locale: isLocale(locale) ? locale : DEFAULT_LOCALE };
}
