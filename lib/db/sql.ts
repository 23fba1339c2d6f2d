import net from "node:net";
import postgres from "postgres";

/**
 * postgres.js, for the few hot paths written as single SQL statements (comment
 * submission): far less work per query than going through the ORM. Everything
 * else uses the Prisma client in ./client.ts. Created on first use.
 */
/**
 * postgres.js pipelines queries on a connection; without TCP_NODELAY, Nagle's
 * algorithm holds a second small write until the first is acknowledged (tens
 * of milliseconds under load).
 */
function noDelaySocket({ host, port }: { host: string[]; port: number[] }) {
  return new Promise<net.Socket>((resolve, reject) => {
    const socket = net.connect({ host: host[0] ?? "localhost", port: port[0] ?? 5432, noDelay: true });
    socket.once("connect", () => resolve(socket));
    socket.once("error", reject);
  });
}

const holder = globalThis as unknown as { consultSql?: postgres.Sql };

export function sql(): postgres.Sql {
  if (!holder.consultSql) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, or set DATABASE_URL.");
    holder.consultSql = postgres(url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
      // Dates are sent as timestamptz; in a UTC session they land in Prisma's UTC `timestamp` columns unchanged.
      connection: { TimeZone: "UTC" },
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
