import postgres from "postgres";
import { expect, it } from "vitest";
import { runMigrations } from "@/lib/db/migrate";
import { extraDatabases } from "../support/extra-databases";
import { migrateUpToBefore } from "../support/migrate-before";

const MIGRATION = "20261129230000_stakeholder_group_name";
const databases = extraDatabases();

it("renames a comment's copy of its author's stakeholder group and keeps every value", async () => {
  const url = await databases.create("migrate_group");
  await migrateUpToBefore(url, MIGRATION);

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`insert into "User" (id, email, "updatedAt") values ('u1', 'old@example.org', now())`;
    await sql`insert into "Consultation" (id, slug, title, language, "updatedAt") values ('c1', 'c', 'C', 'en', now())`;
    await sql`insert into "Section" (id, "consultationId", position, number, heading, "updatedAt") values ('s1', 'c1', 0, '1', 'H', now())`;
    await sql`insert into "Message" (id, "consultationId", "sectionId", position, number, "updatedAt") values ('m1', 'c1', 's1', 0, '1.1', now())`;
    await sql`insert into "MessageVersion" (id, "messageId", number, text) values ('v1', 'm1', 1, 'Text')`;
    await sql`insert into "Comment" (id, "messageId", "messageVersionId", "authorId", body, "authorName", "authorGroup", "authorRegion", "authorCountry", "updatedAt")
              values ('k1', 'm1', 'v1', 'u1', 'Body', 'Ada', 'TECHNICAL_COMMUNITY', 'AFRICA', 'KE', now())`;

    await runMigrations(url);

    const [comment] = await sql<{ authorStakeholderGroup: string }[]>`select "authorStakeholderGroup" from "Comment" where id = 'k1'`;
    expect(comment!.authorStakeholderGroup).toBe("TECHNICAL_COMMUNITY");
  } finally {
    await sql.end();
  }
});
