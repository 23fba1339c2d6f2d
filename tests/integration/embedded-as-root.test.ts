import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

describe.runIf(process.getuid?.() === 0)("the embedded PostgreSQL started by root", () => {
  it("says in one sentence why it cannot start in a folder the postgres user cannot enter, and what to do", async () => {
    const home = mkdtempSync(path.join(tmpdir(), "consult-root-home-"));
    chmodSync(home, 0o700);
    const project = path.join(home, "consult");
    mkdirSync(project);
    try {
      const started = startEmbeddedPostgres(path.join(project, ".data"));
      await expect(started).rejects.toThrow(`the system user "postgres", which cannot enter ${home}: move the project to a folder others can enter`);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
