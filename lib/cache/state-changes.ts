import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db/client";

/**
 * A consultation opens and closes by the clock, with nothing written: the
 * cached pages would show it open until they expire. Each app process
 * watches for the next openings and closings and drops its cached pages at
 * that instant (and once more a second later, for a page that was being
 * rendered across it), through its own route (app/api/internal/pages-changed).
 */
const LOOK_AHEAD_MS = 60_000;
const POLL_MS = 5_000;
/** A page rendered just before the instant may be stored just after it. */
const AGAIN_AFTER_MS = 1_000;

/** The instants within the window at which some published consultation opens or closes. */
export async function upcomingStateChanges(now: Date, windowMs = LOOK_AHEAD_MS): Promise<Date[]> {
  const until = new Date(now.getTime() + windowMs);
  const rows = await db.consultation.findMany({
    where: { publishedAt: { not: null }, OR: [{ opensAt: { gt: now, lte: until } }, { closesAt: { gt: now, lte: until } }] },
    select: { opensAt: true, closesAt: true },
  });
  const instants = rows.flatMap((row) => [row.opensAt, row.closesAt]).filter((at): at is Date => at !== null && at > now && at <= until);
  return [...new Set(instants.map((at) => at.getTime()))].sort((a, b) => a - b).map((time) => new Date(time));
}

export function startStateChangeRefresh(pagesChanged: () => Promise<void>): { stop: () => void } {
  const scheduled = new Map<number, NodeJS.Timeout[]>();
  const refresh = () => pagesChanged().catch((error: unknown) => console.error("Refreshing the cached pages failed:", error instanceof Error ? error.message : error));
  const look = async () => {
    try {
      for (const at of await upcomingStateChanges(new Date())) {
        if (scheduled.has(at.getTime())) continue;
        const wait = Math.max(0, at.getTime() - Date.now());
        scheduled.set(at.getTime(), [setTimeout(refresh, wait), setTimeout(refresh, wait + AGAIN_AFTER_MS)]);
      }
      for (const time of scheduled.keys()) if (time < Date.now() - LOOK_AHEAD_MS) scheduled.delete(time);
    } catch (error) {
      // The database may be restarting; the next look will find the same instants.
      console.error("Looking for consultations opening or closing failed:", error instanceof Error ? error.message : error);
    }
  };
  void look();
  const poll = setInterval(() => void look(), POLL_MS);
  return {
    stop() {
      clearInterval(poll);
      for (const timers of scheduled.values()) timers.forEach(clearTimeout);
    },
  };
}

/** The secret the process's own refresh carries (set by scripts/serve.ts for this process only). */
export const PAGES_CHANGED_TOKEN = "CONSULT_PAGES_CHANGED_TOKEN";

export function isOwnRefresh(authorization: string | null) {
  const token = process.env[PAGES_CHANGED_TOKEN];
  if (!token || !authorization) return false;
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(authorization);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
