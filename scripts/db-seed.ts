// npm run db:seed: migrations, then the demo consultation (once).
import { prepareDatabase } from "./prepare-database";
import { withAppDatabase } from "./with-app-database";

await withAppDatabase(async () => {
  await prepareDatabase();
  console.log("Database ready.");
});
