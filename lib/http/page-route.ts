import { READER_VIEW, READER_VIEW_COOKIE } from "@/lib/auth/reader-view";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie-names";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/locales";
import { parseCookieHeader } from "./cookie-header";

/**
 * Which page answers a request, decided by the edge (scripts/serve.ts) before
 * Next.js sees it. Every page lives under its language (app/[locale]/…), which
 * comes from the language cookie or Accept-Language, so that addresses stay
 * the same for everyone. A reader asking for a public page gets the cached
 * document (app/[locale]/public/…) when not signed in, or when signed in as a
 * participant whose browser fills in the personal parts (lib/auth/reader-view.ts):
 * the same bytes for every such reader of that language, re-rendered only when
 * its data change.
 * The edge hands Next.js the route's own address (`/zh/public/consultations/…`),
 * which costs less than Next.js's rewrites matched against every request; the
 * browser's address stays as it was.
 */
export const LOCALE_HEADER = "x-consult-locale";

/** The public pages that have a cached document; their addresses with a query (?page=2) are rendered per request. */
const CACHED_PAGES = [
  /^\/$/,
  /^\/consultations$/,
  /^\/consultations\/[a-z0-9-]+(?:\/(?:outcome|outcome\/print|statistics|messages\/[0-9.]+))?$/,
  /^\/(?:moderation|code-of-participation|developers)$/,
];

/** A document's pages that can be read in a translation (?language=fr): cached per language under …/in/fr. */
const TRANSLATABLE_PAGES = /^\/consultations\/[a-z0-9-]+(?:\/messages\/[0-9.]+)?$/;
/** A language tag as a translation's is written (BCP 47's letters, digits and hyphens); anything else is rendered per request. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/;

/** What Next.js serves outside the pages: its own files, the API, the app's metadata files (app/icon.svg). */
const NOT_PAGES = /^\/(?:_next\/|api\/|__|(?:icon\.svg|favicon\.ico|robots\.txt|sitemap\.xml)$)/;

export type PageRouteRequest = {
  method: string | undefined;
  url: string;
  cookie: string | undefined;
  acceptLanguage: string | undefined;
  /** Next.js's client router names the tree of the page it shows on its own requests (Next-Router-State-Tree). */
  routerStateTree?: string | undefined;
};
/**
 * `cached`: the cached page's route answers (for a GET, from the cache; for a
 * server action posted from that page, rendered for the action). `url`: the
 * route's address, with the request's query.
 */
export type PageRoute = { locale: Locale; cached: boolean; url: string };

/** null: not a page (an asset, the API), left as it is. */
export function pageRoute(request: PageRouteRequest): PageRoute | null {
  const queryAt = request.url.indexOf("?");
  const path = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  if (NOT_PAGES.test(path)) return null;
  const cookies = parseCookieHeader(request.cookie);
  const chosen = cookies.get(LOCALE_COOKIE);
  const locale = isLocale(chosen) ? chosen : negotiateLocale(request.acceptLanguage);
  const rendersForSession = SESSION_COOKIES.some((name) => cookies.has(name)) && cookies.get(READER_VIEW_COOKIE) !== READER_VIEW;
  const reading = request.method === "GET" || request.method === "HEAD";
  const query = queryAt === -1 ? "" : request.url.slice(queryAt + 1);
  const routed = (cached: boolean, route: string, routeQuery: string) => ({ locale, cached, url: `/${locale}${cached ? "/public" : ""}${route === "/" ? "" : route}${routeQuery ? `?${routeQuery}` : ""}` });
  if (!reading) {
    // A server action goes to the route its page came from, whatever the cookies say now, so that its answer updates that very page.
    return shownFromCachedTree(request.routerStateTree) ? routed(true, cachedRoute(path, query) ?? path, query) : routed(false, path, query);
  }
  const route = rendersForSession || !CACHED_PAGES.some((page) => page.test(path)) ? null : cachedRoute(path, query);
  return route ? routed(true, route, routerQuery(query)) : routed(false, path, query);
}

/**
 * The cached document's route for a page's address and query: the page's own,
 * or for a document read in a translation (?language=fr) the translation's
 * (…/in/fr). null: a query of the reader's own (?page=2), rendered per request.
 */
function cachedRoute(path: string, query: string): string | null {
  let language: string | undefined;
  for (const pair of query.split("&")) {
    if (pair === "" || pair.startsWith("_rsc=")) continue;
    if (language !== undefined || !pair.startsWith("language=")) return null;
    language = pair.slice("language=".length);
  }
  if (language === undefined) return path;
  // One cached document per language, however the tag is written (fr, FR; zh-Hant, zh-hant): tags do not differ by case.
  const tag = LANGUAGE_TAG.exec(language)?.[0].toLowerCase();
  return tag && TRANSLATABLE_PAGES.test(path) ? `${path}/in/${tag}` : null;
}

/** The router's own part of a query, kept on the cached route's address. */
function routerQuery(query: string) {
  return query
    .split("&")
    .filter((pair) => pair.startsWith("_rsc="))
    .join("&");
}

/**
 * Whether the client router's page is a cached one: its tree runs root →
 * [locale] → "public" (app/[locale]/public). A form posted without scripts
 * names no tree, and is answered by the page rendered for the request.
 */
function shownFromCachedTree(header: string | undefined): boolean {
  if (!header) return false;
  try {
    const tree: unknown = JSON.parse(decodeURIComponent(header));
    const underLocale = childrenOf(childrenOf(tree));
    return Array.isArray(underLocale) && underLocale[0] === "public";
  } catch {
    return false;
  }
}

/** A router tree node is [segment, { children: node, …parallel routes }, …]. */
function childrenOf(node: unknown): unknown {
  return Array.isArray(node) && typeof node[1] === "object" && node[1] !== null ? (node[1] as { children?: unknown }).children : undefined;
}
