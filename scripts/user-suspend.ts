// npm run user:suspend -- --email someone@example.org --reason "Why, for the record"
// npm run user:suspend -- --email someone@example.org --reason "Why" --reinstate
import { parseArgs } from "node:util";
import { db } from "@/lib/db/client";
import { reinstateUser, suspendUser } from "@/lib/moderation/suspension";
import { withAppDatabase } from "./with-app-database";

const { values } = parseArgs({ options: { email: { type: "string" }, reason: { type: "string" }, reinstate: { type: "boolean", default: false } } });
if (!values.email || !values.reason) {
  console.error('Usage: npm run user:suspend -- --email someone@example.org --reason "Why, for the record" [--reinstate]');
  process.exit(2);
}
await withAppDatabase(async () => {
  const person = await db.user.findUnique({ where: { email: values.email!.trim().toLowerCase() }, select: { id: true, email: true } });
  if (!person) throw new Error(`Nobody has signed in as ${values.email}.`);
  const change = values.reinstate ? reinstateUser : suspendUser;
  await change(null, { userId: person.id, reason: values.reason });
  console.log(values.reinstate ? `${person.email} is reinstated.` : `${person.email} is suspended: their sessions ended and their tokens are refused.`);
});
