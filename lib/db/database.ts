import path from "node:path";
import postgres from "postgres";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";

export const DATA_DIR = path.resolve(import.meta.dirname, "../../.data");
const APP_DATABASE = "consult";

export type DatabaseHandle = { url: string; embedded: EmbeddedDatabase | null };

/** The app's database: DATABASE_URL when set, else the embedded server under .data/. */
export async function openAppDatabase(): Promise<DatabaseHandle> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    await assertReachable(configured, "DATABASE_URL");
    return { url: configured, embedded: null };
  }
  const embedded = await startEmbeddedPostgres(DATA_DIR);
  await createDatabaseIfMissing(embedded.serverUrl, APP_DATABASE);
  return { url: embedded.urlFor(APP_DATABASE), embedded };
}

export async function assertReachable(url: string, setting: string) {
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`select 1`;
  } catch (error) {
    throw new DatabaseUnreachableError(
      `Cannot reach the database at ${describeUrl(url)} (${reason(error)}): check ${setting}, or unset it to use the embedded PostgreSQL.`,
    );
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export class DatabaseUnreachableError extends Error {}

export async function createDatabaseIfMissing(serverUrl: string, name: string) {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!existing) await sql.unsafe(`create database "${name}" encoding 'UTF8'`);
  } catch (error) {
    // Another process created it between the check and the create.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await sql.end();
  }
}

export async function dropDatabase(serverUrl: string, name: string) {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sql.end();
  }
}

/** host:port/database, never the password. */
export function describeUrl(url: string) {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "(an invalid URL)";
  }
}

function reason(error: unknown) {
  const { code, message } = error as { code?: string; message?: string };
  return code ?? message ?? String(error);
}
