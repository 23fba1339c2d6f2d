import net from "node:net";
import postgres from "postgres";
import { poolConfig } from "./pool-config";

/**
 * postgres.js, for the few hot paths written as single SQL statements (comment
 * submission): far less work per query than going through the ORM. Everything
 * else uses the Prisma client in ./client.ts. Created on first use.
 */

/**
 * postgres.js pipelines queries on a connection; without TCP_NODELAY, Nagle's
 * algorithm holds a second small write until the first is acknowledged (tens
 * of milliseconds under load).
 *
 * The socket is handed over before it connects, so a refused or failed
 * connection reaches postgres.js as the socket's own error and close events,
 * which free the pool slot. (Waiting for "connect" and rejecting instead left
 * the slot "connecting" for ever: after a database restart every slot could be
 * lost and every query hung until the app was restarted.)
 */
export function noDelaySocket({ host, port }: { host: string[]; port: number[] }) {
  const socket = new net.Socket();
  socket.setNoDelay(true);
  // Connecting on the next turn: an error that connect() reports at once (ENETUNREACH) must find postgres.js listening.
  setImmediate(() => socket.connect({ host: host[0] ?? "localhost", port: port[0] ?? 5432 }));
  return Object.assign(socket, { host: host[0], port: port[0] });
}

const holder = globalThis as unknown as { consultSql?: postgres.Sql };

export function sql(): postgres.Sql {
  if (!holder.consultSql) {
    const config = poolConfig();
    holder.consultSql = postgres(config.url, {
      max: config.connectionsPerPool,
      connect_timeout: config.connectTimeoutSeconds,
      idle_timeout: config.idleTimeoutSeconds,
      keep_alive: 30,
      // Try again soon after a refused connection (its default grows to 20 s), so the pool is back within a second of the database.
      backoff: (retries: number) => Math.min(0.05 * retries, 1),
      onnotice: () => {},
      // No look-up of array types on each new connection: it is a promise nobody awaits, which a
      // restart turns into an unhandled rejection; the statements here cast their arrays instead.
      fetch_types: false,
      // Dates are sent as timestamptz; in a UTC session they land in Prisma's UTC `timestamp` columns unchanged.
      // (A pooler in transaction mode passes TimeZone on but refuses other settings at connection.)
      connection: config.pooler ? { TimeZone: "UTC" } : { TimeZone: "UTC", statement_timeout: config.statementTimeoutMs },
      // Named prepared statements live in one server session; behind a pooler in transaction mode
      // the next query may run in another (PgBouncer before 1.21 cannot carry them over).
      prepare: config.pooler === null,
      // `socket` is a documented option its types leave out.
      ...({ socket: noDelaySocket } as object),
      types: {
        // Prisma stores DateTime as `timestamp` holding UTC; read it as UTC whatever the process's zone.
        utcTimestamp: {
          to: 1114,
          from: [1114],
          serialize: (value: Date | string) => (value instanceof Date ? value.toISOString() : String(value)),
          parse: (text: string) => new Date(`${text.replace(" ", "T")}Z`),
        },
      },
    });
  }
  return holder.consultSql;
}

export async function disconnectSql() {
  await holder.consultSql?.end({ timeout: 5 });
  holder.consultSql = undefined;
}
