import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { MIGRATIONS_DIR, runMigrations } from "@/lib/db/migrate";

/** Migrates a database up to, but not including, `migration` (to put old rows in before it runs). */
export async function migrateUpToBefore(url: string, migration: string) {
  const before = await mkdtemp(path.join(tmpdir(), "consult-migrations-"));
  try {
    await cp(MIGRATIONS_DIR, before, { recursive: true });
    await rm(path.join(before, migration), { recursive: true });
    await runMigrations(url, { migrationsDir: before });
  } finally {
    await rm(before, { recursive: true });
  }
}
