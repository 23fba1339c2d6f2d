// npm run db:seed: migrations, then the demo consultation (once).
import { DatabaseUnreachableError, openAppDatabase } from "@/lib/db/database";
import { runMigrations } from "@/lib/db/migrate";
import { prepareDatabase } from "./prepare-database";

const database = await openAppDatabase().catch((error) => {
  console.error(error instanceof DatabaseUnreachableError ? error.message : error);
  process.exit(1);
});
try {
  process.env.DATABASE_URL = database.url;
  await runMigrations(database.url);
  await prepareDatabase();
  console.log("Database ready.");
} finally {
  await database.embedded?.stop();
}
