import { AsyncLocalStorage } from "node:async_hooks";

/**
 * A server action posted from a cached page is answered by the cached page's
 * route (lib/http/page-route.ts), and Next.js renders that page again for the
 * answer: for the person who acted, not for everyone, so that their forms and
 * own comments stay as they were (components/personal/). The edge
 * (scripts/serve.ts) marks such a request; the page reads the mark without any
 * of Next.js's request APIs, which would make it uncacheable. One store per
 * process, shared by the server script and Next.js's bundles of this module.
 */
const KEY = Symbol.for("consult.action-on-cached-page");
const store: AsyncLocalStorage<true> = ((globalThis as Record<symbol, unknown>)[KEY] ??= new AsyncLocalStorage<true>()) as AsyncLocalStorage<true>;

export function answerActionOnCachedPage<T>(handle: () => T): T {
  return store.run(true, handle);
}

export function isActionOnCachedPage(): boolean {
  return store.getStore() === true;
}
