import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
process.env.CONSULT_DEV_OUTBOX = "1";
process.env.CONSULT_MAIL_LOG = "0";

afterAll(async () => {
  await disconnectDb();
});
