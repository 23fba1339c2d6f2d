import postgres from "postgres";
import { migrationUrl, poolConfig } from "@/lib/db/pool-config";
import { sql } from "@/lib/db/sql";

/**
 * How every app instance learns that public pages changed, whichever instance
 * (or script) changed them: a PostgreSQL NOTIFY on one channel, which each
 * instance LISTENs to and answers by revalidating its own cached pages
 * (Next.js keeps them per process). A NOTIFY passes through a pooler in
 * transaction mode; LISTEN needs a session, so it takes a direct connection
 * (DIRECT_DATABASE_URL when set).
 */
const CHANNEL = "consult_public_pages";

/** A comment changed (the pages may still be served once while they render again), or the content did (they are dropped). */
export type PublicChange = "comments" | "content";

export function isPublicChange(value: unknown): value is PublicChange {
  return value === "comments" || value === "content";
}

/** Fire and forget: while the database is down nothing changes, and the pages' own clock catches up anyway. */
export function announcePublicChange(change: PublicChange) {
  sql()`select pg_notify(${CHANNEL}, ${change})`.catch(() => {});
}

/** At most one revalidation per kind of change every this often; one more after a burst. */
const QUIET_MS = 250;

/** Listens for announced changes and passes them on, a burst of comments as one call after the other. */
export function listenForPublicChanges(changed: (change: PublicChange) => Promise<void>): { stop: () => Promise<void> } {
  const listener = postgres(migrationUrl(poolConfig().url), { max: 1, onnotice: () => {}, fetch_types: false, backoff: (retries: number) => Math.min(0.1 * retries, 1) });
  const state = new Map<PublicChange, { busy: boolean; again: boolean }>();
  const pass = (change: PublicChange) => {
    const current = state.get(change) ?? { busy: false, again: false };
    state.set(change, current);
    if (current.busy) {
      current.again = true;
      return;
    }
    current.busy = true;
    void changed(change)
      .catch((error: unknown) => console.error("Revalidating the cached pages failed:", error instanceof Error ? error.message : error))
      .finally(() =>
        setTimeout(() => {
          current.busy = false;
          if (current.again) {
            current.again = false;
            pass(change);
          }
        }, QUIET_MS),
      );
  };
  // postgres.js listens again by itself after a lost connection (a database restart).
  const listening = listener.listen(CHANNEL, (payload) => (isPublicChange(payload) ? pass(payload) : undefined)).catch((error: unknown) => {
    console.error("Listening for changes to the public pages failed:", error instanceof Error ? error.message : error);
  });
  return {
    async stop() {
      await listening;
      await listener.end({ timeout: 1 });
    },
  };
}
