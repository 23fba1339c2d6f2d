// npm run user:role -- --email someone@example.org --role ADMIN
import { parseArgs } from "node:util";
import { setUserRole } from "@/lib/auth/roles";
import { disconnectDb } from "@/lib/db/client";
import { DatabaseUnreachableError, openAppDatabase } from "@/lib/db/database";
import { runMigrations } from "@/lib/db/migrate";
import { isAppError } from "@/lib/errors";

const { values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string" } } });
if (!values.email || !values.role) {
  console.error("Usage: npm run user:role -- --email someone@example.org --role PARTICIPANT|SECRETARIAT|ADMIN");
  process.exit(2);
}
const database = await openAppDatabase().catch((error) => {
  console.error(error instanceof DatabaseUnreachableError ? error.message : error);
  process.exit(1);
});
try {
  process.env.DATABASE_URL = database.url;
  await runMigrations(database.url);
  const user = await setUserRole(null, { email: values.email, role: values.role }, "cli");
  console.log(`${user.email} is now ${user.role}.`);
} catch (error) {
  console.error(isAppError(error) ? `Not changed: ${JSON.stringify(error.details.fieldErrors ?? error.code)}` : error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
  await database.embedded?.stop();
}
