// Runs `prisma generate` offline. Generate never runs the native schema engine
// but insists on finding one, so point it at a placeholder executable.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const placeholderDir = path.join(root, "node_modules", ".cache", "consult");
const placeholder = path.join(placeholderDir, "schema-engine-placeholder");
if (!existsSync(placeholder)) {
  mkdirSync(placeholderDir, { recursive: true });
  writeFileSync(placeholder, "#!/bin/sh\necho 'placeholder: the schema engine is not used offline' >&2\nexit 1\n");
  chmodSync(placeholder, 0o755);
}

const prismaBin = path.join(root, "node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [prismaBin, "generate"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
