import { revalidatePath, revalidateTag, unstable_cache } from "next/cache";
import { announcePublicChange, type PublicChange } from "./change-feed";

/**
 * The cached public pages (app/[locale]/public) are re-rendered when the data
 * behind them change, and otherwise at most every `revalidate` seconds (30,
 * for the "3 days left" they show); none is served older than next.config.js's
 * `expireTime` (60 s):
 *  - a comment (new, edited, withdrawn, agreed, flagged) marks them stale: the
 *    next reader still gets the previous page while the new one renders, so a
 *    surge of comments never makes readers wait;
 *  - the secretariat's changes (texts, structure, schedule, publication,
 *    moderation, the outcome) and a consultation opening or closing drop every
 *    page at once: nobody is shown an open consultation after its deadline.
 * This instance revalidates at once; every instance (this one too) hears of
 * the change through the database (./change-feed.ts).
 */
const PUBLIC_PAGES = "public-pages";

/** Tags the cached page or JSON being rendered (the public layout and the cached API routes call this). Next.js 16 gives `cacheTag` only to "use cache". */
export async function tagPublicPage() {
  try {
    await unstable_cache(async () => true, [PUBLIC_PAGES], { tags: [PUBLIC_PAGES] })();
  } catch (error) {
    if (!outsideNext(error)) throw error;
  }
}

export function commentsChanged() {
  revalidateHere("comments");
  announcePublicChange("comments");
}

/** Every page, cached or rendered per request (whose client router then reloads it). */
export function everyPageChanged() {
  revalidateHere("content");
  announcePublicChange("content");
}

/** This process's cached pages (from a request: an action, a route, app/api/internal/pages-changed). */
export function revalidateHere(change: PublicChange) {
  try {
    if (change === "comments") revalidateTag(PUBLIC_PAGES, "max");
    else revalidatePath("/", "layout");
  } catch (error) {
    if (!outsideNext(error)) throw error;
  }
}

/** Outside a request Next.js serves (a route handler called by a test or a script) there is no cache to tag or tell. */
function outsideNext(error: unknown) {
  return error instanceof Error && /Invariant: (static generation store|incrementalCache) missing/.test(error.message);
}
