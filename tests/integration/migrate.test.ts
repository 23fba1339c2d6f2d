import { cp, mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, runMigrations } from "@/lib/db/migrate";
import { extraDatabases } from "../support/extra-databases";

const databases = extraDatabases();

async function query<T extends object>(url: string, text: string): Promise<T[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return (await sql.unsafe(text)) as unknown as T[];
  } finally {
    await sql.end();
  }
}

async function copyOfMigrations() {
  const dir = await mkdtemp(path.join(tmpdir(), "consult-migrations-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe("migration runner", () => {
  it("applies every migration to a fresh database and records it as Prisma does", async () => {
    const url = await databases.create("migrate_fresh");
    const result = await runMigrations(url);
    expect(result.applied.length).toBeGreaterThan(0);
    expect(result.alreadyApplied).toBe(0);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      `select migration_name, checksum, finished_at, applied_steps_count from _prisma_migrations order by migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(result.applied);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const [table] = await query<{ count: number }>(url, `select count(*)::int as count from "User"`);
    expect(table?.count).toBe(0);
  });

  it("applies nothing the second time", async () => {
    const url = await databases.create("migrate_repeat");
    const first = await runMigrations(url);
    const second = await runMigrations(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(first.applied.length);
  });

  it("lets only one of two concurrent runners migrate", async () => {
    const url = await databases.create("migrate_concurrent");
    const [a, b] = await Promise.all([runMigrations(url), runMigrations(url)]);
    const total = a.applied.length + b.applied.length;
    const [count] = await query<{ count: number }>(url, `select count(*)::int as count from _prisma_migrations`);
    expect(total).toBe(count?.count);
    expect([a.applied.length, b.applied.length]).toContain(0);
  });

  it("rolls back a failing migration, keeps the earlier ones, and stops", async () => {
    const url = await databases.create("migrate_failing");
    const dir = await copyOfMigrations();
    await mkdir(path.join(dir, "99990101000000_broken"));
    await writeFile(
      path.join(dir, "99990101000000_broken", "migration.sql"),
      `CREATE TABLE "half_done" (id int); SELECT * FROM "no_such_table";`,
    );
    await expect(runMigrations(url, { migrationsDir: dir })).rejects.toThrow(/no_such_table/);
    const [halfDone] = await query<{ exists: boolean }>(url, `select to_regclass('"half_done"') is not null as exists`);
    expect(halfDone?.exists).toBe(false);
    const names = await query<{ migration_name: string }>(url, `select migration_name from _prisma_migrations`);
    expect(names.map((row) => row.migration_name)).not.toContain("99990101000000_broken");
    expect(names.length).toBeGreaterThan(0);
  });

  it("refuses to continue when an applied migration was edited", async () => {
    const url = await databases.create("migrate_edited");
    const dir = await copyOfMigrations();
    await runMigrations(url, { migrationsDir: dir });
    const [first] = await query<{ migration_name: string }>(
      url,
      `select migration_name from _prisma_migrations order by migration_name limit 1`,
    );
    await writeFile(path.join(dir, first!.migration_name, "migration.sql"), "-- edited\n", { flag: "a" });
    await expect(runMigrations(url, { migrationsDir: dir })).rejects.toThrow(/changed after it was applied/);
  });
});
