import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { disconnectDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { freePort } from "@/lib/net/free-port";
import { seedDemo, seedDemoTranslation } from "@/prisma/seed/demo";
import { openTestServer } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    e2eDatabaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");

/** A fresh database with the demo seed, and the production build served on a free port. */
export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run the browser tests through `npm test` (it builds first).");
  }
  const server = await openTestServer();
  const databaseUrl = await server.createDatabase("consult_e2e");
  await runMigrations(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  await seedDemo();
  await seedDemoTranslation();
  await disconnectDb();

  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const app = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/serve.ts")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: "e2e-test-secret",
      CONSULT_DEV_OUTBOX: "1",
      CONSULT_MAIL_LOG: "0",
      // Receipts and notifications reach the outbox within seconds.
      NOTIFICATION_INTERVAL_SECONDS: "2",
      // Every browser here signs in from 127.0.0.1, as a whole venue behind one address would.
      SIGN_IN_MAIL_LIMIT_PER_IP_PER_HOUR: "1000",
      SIGN_IN_CODE_LIMIT_PER_IP: "1000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForServer(baseUrl, app);
  project.provide("baseUrl", baseUrl);
  project.provide("e2eDatabaseUrl", databaseUrl);

  return async () => {
    await new Promise<void>((resolve) => {
      app.once("exit", () => resolve());
      app.kill("SIGTERM");
    });
    await server.dropAll();
    await server.stop();
  };
}

async function waitForServer(baseUrl: string, app: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`next start exited with ${app.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/code-of-participation`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not answer at ${baseUrl} within a minute.`);
}

