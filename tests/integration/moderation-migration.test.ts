import postgres from "postgres";
import { expect, it } from "vitest";
import { runMigrations } from "@/lib/db/migrate";
import { extraDatabases } from "../support/extra-databases";
import { migrateUpToBefore } from "../support/migrate-before";

const MIGRATION = "20261130020000_moderation";
const databases = extraDatabases();

it("maps old flag categories onto the code of participation's, keeps what each flag saw, and makes the audit log append-only", async () => {
  const url = await databases.create("migrate_moderation");
  await migrateUpToBefore(url, MIGRATION);

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`insert into "User" (id, email, "updatedAt") values ('u1', 'author@example.org', now()), ('u2', 'reader@example.org', now()), ('u3', 'other@example.org', now())`;
    await sql`insert into "Consultation" (id, slug, title, language, "updatedAt") values ('c1', 'c', 'C', 'en', now())`;
    await sql`insert into "Section" (id, "consultationId", position, number, heading, "updatedAt") values ('s1', 'c1', 0, '1', 'H', now())`;
    await sql`insert into "Message" (id, "consultationId", "sectionId", position, number, "updatedAt") values ('m1', 'c1', 's1', 0, '1.1', now())`;
    await sql`insert into "MessageVersion" (id, "messageId", number, text) values ('v1', 'm1', 1, 'Text')`;
    await sql`insert into "Comment" (id, "messageId", "messageVersionId", "authorId", body, "authorName", "authorStakeholderGroup", "authorRegion", "authorCountry", "updatedAt")
              values ('k1', 'm1', 'v1', 'u1', 'Reported words', 'Ada', 'TECHNICAL_COMMUNITY', 'AFRICA', 'KE', now())`;
    await sql`insert into "Flag" (id, "commentId", "reporterId", reason) values ('f1', 'k1', 'u2', 'HATE_SPEECH'), ('f2', 'k1', 'u3', 'ILLEGAL_CONTENT')`;
    await sql`insert into "ModerationAction" (id, action, "commentId", "moderatorId", "reasonCategory") values ('a1', 'HIDE_COMMENT', 'k1', 'u3', 'HARASSMENT')`;
    await sql`insert into "AuditEvent" ("actorId", action, "subjectType", "subjectId") values ('u3', 'comment.hidden', 'Comment', 'k1')`;

    await runMigrations(url);

    expect(await sql`select id, reason::text, "bodySnapshot" from "Flag" order by id`).toEqual([
      { id: "f1", reason: "HARASSMENT_OR_HATE", bodySnapshot: "Reported words" },
      { id: "f2", reason: "OTHER", bodySnapshot: "Reported words" },
    ]);
    expect(await sql`select "reasonCategory"::text as reason from "ModerationAction"`).toEqual([{ reason: "HARASSMENT_OR_HATE" }]);
    await expect(sql`delete from "AuditEvent"`).rejects.toThrow(/append-only/);
  } finally {
    await sql.end();
  }
});
