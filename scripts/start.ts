// `npm start` (and `npm run dev` with --dev): database, migrations, demo data,
// build when the sources changed, then Next.js on http://localhost:3000.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DATA_DIR, DatabaseUnreachableError, openAppDatabase } from "@/lib/db/database";
import { runMigrations } from "@/lib/db/migrate";
import { migrationUrl } from "@/lib/db/pool-config";
import { buildIsStale } from "./build-state";
import { prepareDatabase } from "./prepare-database";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";

async function main() {
  const database = await openAppDatabase();
  process.env.DATABASE_URL = database.url;
  const { applied } = await runMigrations(migrationUrl(database.url));
  if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
  await prepareDatabase();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localSecret(),
    // A local run on the embedded database is a demo: mail goes to the outbox page.
    CONSULT_DEV_OUTBOX: process.env.CONSULT_DEV_OUTBOX ?? (database.embedded || dev ? "1" : "0"),
  };

  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  if (!dev && buildIsStale(root)) {
    console.log("Building the app (first start, or the sources changed)...");
    await run(process.execPath, [next, "build"], env);
  }
  // The outbox shows every sign-in code: a demo with it listens on this machine only.
  const hostname = process.env.HOSTNAME ?? (env.CONSULT_DEV_OUTBOX === "1" ? "127.0.0.1" : "0.0.0.0");
  if (env.CONSULT_DEV_OUTBOX === "1" && process.env.HOSTNAME) {
    console.warn("Warning: the development outbox (/dev/outbox) shows sign-in codes; set SMTP_URL before serving others.");
  }
  console.log(`Consult is starting on ${env.NEXTAUTH_URL}`);
  const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "serve.ts"), ...(dev ? ["--dev"] : [])], {
    env: { ...env, PORT: port, HOSTNAME: hostname, NODE_ENV: dev ? "development" : "production" },
    stdio: "inherit",
  });
  const shutdown = async (code: number) => {
    server.kill("SIGTERM");
    await database.embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  server.on("exit", (code) => void shutdown(code ?? 0));
}

/** Without NEXTAUTH_SECRET, a local run keeps a generated secret under .data/ (never committed). */
function localSecret() {
  const file = path.join(DATA_DIR, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? command)} exited with ${code}`))));
  });
}

main().catch((error) => {
  if (error instanceof DatabaseUnreachableError) {
    console.error(error.message);
  } else {
    console.error("Consult could not start:", error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
