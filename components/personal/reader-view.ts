import { READER_VIEW, READER_VIEW_COOKIE } from "@/lib/auth/reader-view";
import { parseCookieHeader } from "@/lib/http/cookie-header";

/** Whether this browser has told the edge it fills in the personal parts of cached pages (lib/auth/reader-view.ts). */
export function isReaderBrowser() {
  return parseCookieHeader(document.cookie).get(READER_VIEW_COOKIE) === READER_VIEW;
}

/** Sets or clears the hint; a year, like the language cookie. */
export function markReaderBrowser(reader: boolean) {
  if (reader === isReaderBrowser()) return;
  document.cookie = `${READER_VIEW_COOKIE}=${reader ? READER_VIEW : ""}; path=/; max-age=${reader ? 31_536_000 : 0}; samesite=lax${location.protocol === "https:" ? "; secure" : ""}`;
}
