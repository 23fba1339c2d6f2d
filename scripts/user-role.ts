// npm run user:role -- --email someone@example.org --role ADMIN
import { parseArgs } from "node:util";
import { setUserRole } from "@/lib/auth/roles";
import { withAppDatabase } from "./with-app-database";

const { values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string" } } });
if (!values.email || !values.role) {
  console.error("Usage: npm run user:role -- --email someone@example.org --role PARTICIPANT|SECRETARIAT|ADMIN");
  process.exit(2);
}
await withAppDatabase(async () => {
  const user = await setUserRole(null, { email: values.email, role: values.role }, "cli");
  console.log(`${user.email} is now ${user.role}.`);
});
