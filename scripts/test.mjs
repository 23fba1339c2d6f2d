// npm test (and test:unit, test:integration, test:e2e): runs vitest and fails
// when any test fails or an error goes unhandled. The browser tests get the
// production build (rebuilt when the sources changed) and a system Chromium.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findChromium } from "./find-chromium.mjs";

const root = path.resolve(import.meta.dirname, "..");
const outcomeFile = path.join(mkdtempSync(path.join(tmpdir(), "consult-tests-")), "outcome.json");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CONSULT_TEST_OUTCOME: outcomeFile };
const args = process.argv.slice(2);
const projects = args.flatMap((arg, i) => (arg === "--project" ? [args[i + 1]] : arg.startsWith("--project=") ? [arg.slice(10)] : []));
const runsBrowserTests = projects.length === 0 || projects.includes("e2e");

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit", env });
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

if (runsBrowserTests) {
  ensureChromium();
  run(process.execPath, ["--import", "tsx", "scripts/build-if-stale.ts"]);
}
// The exit code alone cannot be trusted (see vitest-outcome.mjs): the reporter's file decides.
spawnSync(path.join(root, "node_modules/.bin/vitest"), ["run", "--reporter=default", "--reporter=./scripts/vitest-outcome.mjs", ...args], { cwd: root, stdio: "inherit", env });
const outcome = existsSync(outcomeFile) ? JSON.parse(readFileSync(outcomeFile, "utf8")) : null;
if (!outcome?.passed) {
  console.error(
    outcome
      ? `Tests failed (${outcome.reason}): ${outcome.failedModules.length} failed files, ${outcome.unhandledErrors} unhandled errors, ${outcome.modules} files run.`
      : "The tests wrote no outcome: the run did not finish.",
  );
  process.exit(1);
}
