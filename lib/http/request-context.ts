import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { CLIENT_ADDRESS_HEADER, EDGE_HEADER, isLoopbackAddress, PROXIED_HEADER } from "./edge";

/** Whether the edge's headers on this request are the running server's own (scripts/serve.ts shares its secret through the environment). */
function fromEdge(requestHeaders: Headers) {
  const secret = process.env.CONSULT_EDGE_SECRET;
  return Boolean(secret) && requestHeaders.get(EDGE_HEADER) === secret;
}

/**
 * The client's address as the app's own server established it from the
 * socket (and TRUST_PROXY_HOPS); null when the app is served some other way,
 * so that nothing a client writes is taken for its address.
 */
export function clientIp(requestHeaders: Headers): string | null {
  return fromEdge(requestHeaders) ? requestHeaders.get(CLIENT_ADDRESS_HEADER) || null : null;
}

/** A reader on this very machine: a loopback peer, not relayed by a proxy (which would make every visitor look local). */
export function readerOnThisMachine(requestHeaders: Headers): boolean {
  return fromEdge(requestHeaders) && !requestHeaders.get(PROXIED_HEADER) && isLoopbackAddress(clientIp(requestHeaders));
}

export async function requestContext(): Promise<{ ip: string | null; locale: Locale }> {
  const locale = await getLocale();
  return { ip: clientIp(await headers()), locale: isLocale(locale) ? locale : DEFAULT_LOCALE };
}
