// Builds the production app when there is no build or the sources are newer.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsStale } from "./build-state";

const root = path.resolve(import.meta.dirname, "..");
if (buildIsStale(root)) {
  console.log("Building the app for the browser tests...");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
  });
  process.exit(result.status ?? 1);
}
