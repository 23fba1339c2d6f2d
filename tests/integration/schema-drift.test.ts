import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { expect, inject, it } from "vitest";
import { extraDatabases } from "../support/extra-databases";

const root = path.resolve(import.meta.dirname, "../..");
const databases = extraDatabases();

/** Everything about a database's shape that a migration decides, as sorted lines. */
async function describeSchema(url: string): Promise<string[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ line: string }[]>`
      select 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' null=' || is_nullable
             || ' default=' || coalesce(column_default, '') || ' len=' || coalesce(character_maximum_length::text, '') as line
        from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'
      union all
      select 'index ' || indexdef from pg_indexes where schemaname = 'public' and tablename <> '_prisma_migrations'
      union all
      select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        from pg_constraint where connamespace = 'public'::regnamespace and conrelid::regclass::text <> '_prisma_migrations'
      union all
      select 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder)
        from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname
      union all
      select 'extension ' || extname from pg_extension where extname <> 'plpgsql'`;
    return rows.map((row) => row.line).sort();
  } finally {
    await sql.end();
  }
}

it(
  "the migrations produce exactly the database that schema.prisma describes",
  async () => {
    // Prisma's own diff engine (WebAssembly, offline) writes the SQL for schema.prisma from nothing.
    const { stdout: expectedSql } = await promisify(execFile)(
      path.join(root, "scripts/prisma-sql-diff"),
      ["--from-empty", path.join(root, "prisma/schema.prisma")],
      { cwd: root, maxBuffer: 10 * 1024 * 1024 },
    );
    const fromSchema = await databases.create("schema_expected");
    const sql = postgres(fromSchema, { max: 1, onnotice: () => {} });
    await sql.unsafe(expectedSql);
    await sql.end();

    const fromMigrations = inject("databaseUrl");
    expect(await describeSchema(fromMigrations)).toEqual(await describeSchema(fromSchema));
  },
  180_000,
);
