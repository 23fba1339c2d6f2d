import { spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { FIXTURE, importMarkdown, SMALL_DRAFT, uniqueSlug } from "../support/consultations";
import { createActor } from "../support/factories";
import { docxBomb } from "../unit/import/zip-bomb";

const root = path.resolve(import.meta.dirname, "../..");

/** `npm run import -- …` (or another script), as a person runs it, against the test database. */
function runImport(...args: string[]) {
  return runScript("scripts/import.ts", ...args);
}

function runScript(script: string, ...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    encoding: "utf8",
  });
}

describe("the import command", () => {
  it("imports a document and exits 0", () => {
    const slug = uniqueSlug("cli");
    const result = runImport("--file", FIXTURE, "--slug", slug, "--language", "zh");
    expect(result.stdout).toMatch(/Imported .*: 30 sections, 92 messages/);
    expect(result.status).toBe(0);
  });

  it("exits 1 when the work is refused, so scripts and CI notice", async () => {
    const { slug } = await importMarkdown(SMALL_DRAFT);
    const result = runImport("--file", FIXTURE, "--slug", slug);
    expect(result.stderr).toContain("slugTaken");
    expect(result.status).toBe(1);
    expect(await db.consultation.count({ where: { slug } })).toBe(1);
  });

  it("refuses a zip bomb with a sentence a person understands, and exits 1", async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), "consult-")), "bomb.docx");
    await writeFile(file, docxBomb(200));
    const slug = uniqueSlug("bomb");
    const result = runImport("--file", file, "--slug", slug);
    expect(result.stderr).toContain("Not imported: This Word file would unpack to more than 50 MB, so it was not opened.");
    expect(result.stderr).toContain("(UNSUPPORTED_FORMAT DOCX_TOO_LARGE_UNPACKED)");
    expect(result.status).toBe(1);
    expect(await db.consultation.count({ where: { slug } })).toBe(0);
  });
});

describe("the suspend command", () => {
  it("suspends and reinstates a person with a reason, recorded as an administrator's action at the command line", async () => {
    const person = await createActor();
    const suspended = runScript("scripts/user-suspend.ts", "--email", person.email, "--reason", "Court order 12/2026.");
    expect(suspended.stdout).toContain(`${person.email} is suspended`);
    expect(suspended.status).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.userId } })).suspendedAt).not.toBeNull();
    const reinstated = runScript("scripts/user-suspend.ts", "--email", person.email, "--reason", "Order lifted.", "--reinstate");
    expect(reinstated.status).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.userId } })).suspendedAt).toBeNull();
    const actions = await db.moderationAction.findMany({ where: { userId: person.userId }, orderBy: { createdAt: "asc" } });
    expect(actions.map((action) => [action.action, action.moderatorId, action.note])).toEqual([
      ["SUSPEND_USER", null, "Court order 12/2026."],
      ["REINSTATE_USER", null, "Order lifted."],
    ]);
    expect(runScript("scripts/user-suspend.ts", "--email", person.email).status).toBe(2);
    const nobody = runScript("scripts/user-suspend.ts", "--email", "nobody@example.org", "--reason", "Test.");
    expect(nobody.stderr).toContain("Nobody has signed in as nobody@example.org.");
    expect(nobody.status).toBe(1);
  }, 180_000);
});
