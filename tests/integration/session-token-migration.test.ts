import { createHash } from "node:crypto";
import postgres from "postgres";
import { expect, it } from "vitest";
import { runMigrations } from "@/lib/db/migrate";
import { extraDatabases } from "../support/extra-databases";
import { migrateUpToBefore } from "../support/migrate-before";

const MIGRATION = "20261123090000_session_lifetime_token_expiry";
const DAY = 24 * 60 * 60 * 1000;
const databases = extraDatabases();

it("hashes the session tokens already stored (nobody is signed out) and gives existing access tokens 90 days", async () => {
  const url = await databases.create("migrate_sessions");
  await migrateUpToBefore(url, MIGRATION);

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`insert into "User" (id, email, "updatedAt") values ('u1', 'old@example.org', now())`;
    await sql`insert into "Session" (id, "sessionToken", "userId", expires) values ('s1', 'plain-cookie-value', 'u1', now() + interval '10 days')`;
    await sql`insert into "PersonalAccessToken" (id, "userId", name, "tokenHash", prefix) values ('t1', 'u1', 'Old tool', 'hash', 'cst_abcdef')`;

    await runMigrations(url);

    const [session] = await sql<{ sessionToken: string; createdAt: Date }[]>`
      select "sessionToken", "createdAt" at time zone 'UTC' as "createdAt" from "Session" where id = 's1'`;
    expect(session!.sessionToken).toBe(createHash("sha256").update("plain-cookie-value").digest("hex"));
    // Its absolute lifetime counts from the migration.
    expect(Math.abs(session!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const [token] = await sql<{ expiresAt: Date }[]>`select "expiresAt" at time zone 'UTC' as "expiresAt" from "PersonalAccessToken" where id = 't1'`;
    expect(Math.abs(token!.expiresAt.getTime() - (Date.now() + 90 * DAY))).toBeLessThan(60_000);
  } finally {
    await sql.end();
  }
});
