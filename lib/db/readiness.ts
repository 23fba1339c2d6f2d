import { getDb } from "./client";
import { sql } from "./sql";

export type Readiness = { ready: boolean; pools: { orm: boolean; hotPath: boolean } };

/** How long a readiness probe waits for each pool before calling it not ready. */
const PROBE_TIMEOUT_MS = 2_000;

/** Ready only when a query succeeds on every pool the app uses (a page-based check would miss the hot path's pool). */
export async function checkReadiness(): Promise<Readiness> {
  const [orm, hotPath] = await Promise.all([
    answers(() => getDb().$queryRaw`select 1`),
    answers(() => sql()`select 1`),
  ]);
  return { ready: orm && hotPath, pools: { orm, hotPath } };
}

async function answers(query: () => PromiseLike<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([Promise.resolve().then(query).then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
