import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { poolConfig } from "./pool-config";
import { disconnectSql } from "./sql";

export type { Prisma } from "./generated/client";

function createClient() {
  const config = poolConfig();
  const adapter = new PrismaPg({
    connectionString: config.url,
    max: config.connectionsPerPool,
    connectionTimeoutMillis: config.connectTimeoutSeconds * 1000,
    idleTimeoutMillis: config.idleTimeoutSeconds * 1000,
    // Sent when connecting, which a pooler in transaction mode refuses: there the role's own setting applies.
    ...(config.pooler ? {} : { statement_timeout: config.statementTimeoutMs }),
    // A server that stops answering without closing the connection: noticed by keepalives, and no query waits past this.
    keepAlive: true,
    query_timeout: config.statementTimeoutMs + 2_000,
  });
  return new PrismaClient({
    adapter,
    // Secret columns never leave lib/ by accident: read them with an explicit `omit: { x: false }`.
    omit: { signInCode: { codeHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// One client per process, also across Next.js dev reloads; created on first
// use so that importing this module (at build time, say) needs no database.
const holder = globalThis as unknown as { consultPrisma?: Db };

export function getDb(): Db {
  holder.consultPrisma ??= createClient();
  return holder.consultPrisma;
}

export const db: Db = new Proxy({} as Db, {
  get: (_target, property) => Reflect.get(getDb(), property),
});

export async function disconnectDb() {
  await holder.consultPrisma?.$disconnect();
  holder.consultPrisma = undefined;
  await disconnectSql();
}
