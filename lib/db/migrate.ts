import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";

/** Any 64-bit number unique to this project: two processes starting at once migrate one after the other. */
const MIGRATION_LOCK = 72_616_171_726_001;

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

export type MigrationResult = { applied: string[]; alreadyApplied: number };

type Migration = { name: string; sql: string; checksum: string };

/**
 * Applies pending migrations from prisma/migrations in name order, each in its
 * own transaction, under an advisory lock, recording them in Prisma's own
 * `_prisma_migrations` table so `prisma migrate status` agrees.
 */
export async function runMigrations(
  databaseUrl: string,
  options: { migrationsDir?: string; log?: (line: string) => void } = {},
): Promise<MigrationResult> {
  const migrations = await readMigrations(options.migrationsDir ?? MIGRATIONS_DIR);
  // One connection: the session-level lock and every transaction share it.
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    // Held until unlocked or the connection drops (a crashed process frees it).
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await createMigrationsTable(sql);
    const done = await sql<{ migration_name: string; checksum: string }[]>`
      select migration_name, checksum from _prisma_migrations
      where finished_at is not null and rolled_back_at is null`;
    const doneByName = new Map(done.map((row) => [row.migration_name, row.checksum]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const checksum = doneByName.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
        }
        continue;
      }
      await applyMigration(sql, migration);
      options.log?.(`applied migration ${migration.name}`);
      applied.push(migration.name);
    }
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    return { applied, alreadyApplied: doneByName.size };
  } finally {
    await sql.end();
  }
}

function applyMigration(sql: postgres.Sql, migration: Migration) {
  return sql.begin(async (tx) => {
    const id = randomUUID();
    await tx`insert into _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
             values (${id}, ${migration.checksum}, ${migration.name}, now(), 0)`;
    await tx.unsafe(migration.sql);
    await tx`update _prisma_migrations set finished_at = now(), applied_steps_count = 1 where id = ${id}`;
  });
}

async function readMigrations(dir: string): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

async function createMigrationsTable(sql: postgres.Sql) {
  // Prisma's own definition of the table.
  await sql.unsafe(`
    CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum"            VARCHAR(64) NOT NULL,
      "finished_at"         TIMESTAMPTZ,
      "migration_name"      VARCHAR(255) NOT NULL,
      "logs"                TEXT,
      "rolled_back_at"      TIMESTAMPTZ,
      "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
}
