// npm run db:migrate: applies pending migrations to DATABASE_URL (or the embedded database).
import { withAppDatabase } from "./with-app-database";

await withAppDatabase(async () => {
  console.log("Migrations are up to date.");
});
