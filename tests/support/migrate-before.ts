import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { MIGRATIONS_DIR, runMigrations } from "@/lib/db/migrate";

/** Migrates a database up to, but not including, `migration` (to put old rows in before it runs). */
export async function migrateUpToBefore(url: string, migration: string) {
  const before = await mkdtemp(path.join(tmpdir(), "consult-migrations-"));
  try {
    await cp(MIGRATIONS_DIR, before, { recursive: true });
    // The migration and every one after it (migrations apply in name order).
    for (const name of await readdir(before)) if (name >= migration) await rm(path.join(before, name), { recursive: true });
    await runMigrations(url, { migrationsDir: before });
  } finally {
    await rm(before, { recursive: true });
  }
}
