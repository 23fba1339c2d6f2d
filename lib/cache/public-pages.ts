import { revalidatePath, revalidateTag, unstable_cache } from "next/cache";

/**
 * The cached public pages (app/[locale]/public) are re-rendered at most every
 * `revalidate` seconds (2) and never served older than next.config.js's
 * `expireTime` (4); a change in this instance reaches them sooner:
 *  - a comment (new, edited, withdrawn, agreed, flagged) marks them stale: the
 *    next reader still gets the previous document while the new one renders,
 *    so a surge of comments never makes readers wait;
 *  - the secretariat's changes (texts, structure, schedule, publication,
 *    moderation, the outcome) and a consultation opening or closing drop every
 *    page at once: nobody is shown an open consultation after its deadline.
 * Other instances learn of a change by the same clock (within `expireTime`).
 */
const PUBLIC_PAGES = "public-pages";

/** Tags the cached page being rendered (its layout calls this). Next.js 16 gives `cacheTag` only to "use cache". */
export async function tagPublicPage() {
  await unstable_cache(async () => true, [PUBLIC_PAGES], { tags: [PUBLIC_PAGES] })();
}

export function commentsChanged() {
  whereServed(() => revalidateTag(PUBLIC_PAGES, "max"));
}

/** Every page, cached or rendered per request (whose client router then reloads it). */
export function everyPageChanged() {
  whereServed(() => revalidatePath("/", "layout"));
}

/** Outside a request Next.js serves (a route handler called by a test or a script) there is no cache to tell. */
function whereServed(revalidate: () => void) {
  try {
    revalidate();
  } catch (error) {
    if (error instanceof Error && error.message.includes("static generation store missing")) return;
    throw error;
  }
}
