import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { FIXTURE, importMarkdown, SMALL_DRAFT, uniqueSlug } from "../support/consultations";

const root = path.resolve(import.meta.dirname, "../..");

/** `npm run import -- …`, as a person runs it, against the test database. */
function runImport(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/import.ts", ...args], {
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
});
