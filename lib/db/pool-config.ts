import { wholeNumberFromEnvironment } from "@/lib/env";

/**
 * How the app reaches PostgreSQL, for both of its pools (Prisma's, through
 * node-postgres, and postgres.js for the comment hot path). Each app process
 * opens at most DATABASE_POOL_SIZE connections in all: half for each pool.
 *
 * The timeouts make a database that is down or stuck a quick failure (503
 * with Retry-After) instead of a hang: connecting gives up after
 * DATABASE_CONNECT_TIMEOUT_SECONDS, a statement after
 * DATABASE_STATEMENT_TIMEOUT_MS.
 */
export type PoolConfig = {
  url: string;
  /** Connections of each of the two pools. */
  connectionsPerPool: number;
  connectTimeoutSeconds: number;
  statementTimeoutMs: number;
  /** An idle connection is closed after this long, so a pool shrinks back after a surge. */
  idleTimeoutSeconds: number;
};

export function poolConfig(): PoolConfig {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, or set DATABASE_URL.");
  const total = wholeNumberFromEnvironment("DATABASE_POOL_SIZE", 20, 2);
  return {
    url,
    connectionsPerPool: Math.floor(total / 2),
    connectTimeoutSeconds: wholeNumberFromEnvironment("DATABASE_CONNECT_TIMEOUT_SECONDS", 5),
    statementTimeoutMs: wholeNumberFromEnvironment("DATABASE_STATEMENT_TIMEOUT_MS", 15_000),
    idleTimeoutSeconds: 60,
  };
}

/** How long a client should wait before trying again when the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
