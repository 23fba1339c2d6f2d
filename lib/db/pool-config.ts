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
  /**
   * "transaction" when DATABASE_URL leads to a pooler in transaction mode (PgBouncer, a managed
   * PostgreSQL's pooler): consecutive statements may run on different server connections, so
   * the app keeps no state in a session: no named prepared statements, no session settings sent
   * at connection (the pooler refuses unknown ones; set statement_timeout on the role instead).
   */
  pooler: "transaction" | null;
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
    pooler: poolerMode(),
  };
}

/** DATABASE_POOLER: unset (a direct connection, or a pooler in session mode) or `transaction`. */
export function poolerMode(env: Record<string, string | undefined> = process.env): "transaction" | null {
  const value = env.DATABASE_POOLER?.trim().toLowerCase();
  if (!value || value === "none" || value === "session") return null;
  if (value === "transaction") return "transaction";
  throw new Error(`DATABASE_POOLER must be "transaction" or unset (it is "${env.DATABASE_POOLER}").`);
}

/**
 * Where migrations run: DIRECT_DATABASE_URL when set. Behind a pooler in transaction mode they
 * need a direct connection (their lock is held by the session across several transactions).
 */
export function migrationUrl(databaseUrl: string, env: Record<string, string | undefined> = process.env) {
  return env.DIRECT_DATABASE_URL || databaseUrl;
}

/** How long a client should wait before trying again when the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
