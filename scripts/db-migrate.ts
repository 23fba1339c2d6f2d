// npm run db:migrate: applies pending migrations to DATABASE_URL (or the embedded database).
import { DatabaseUnreachableError, openAppDatabase } from "@/lib/db/database";
import { runMigrations } from "@/lib/db/migrate";

const database = await openAppDatabase().catch((error) => {
  console.error(error instanceof DatabaseUnreachableError ? error.message : error);
  process.exit(1);
});
try {
  const { applied, alreadyApplied } = await runMigrations(database.url, { log: console.log });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : `Up to date (${alreadyApplied} applied).`);
} finally {
  await database.embedded?.stop();
}
