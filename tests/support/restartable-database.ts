import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabaseIfMissing } from "@/lib/db/database";
import { embeddedServer, embeddedUrl } from "@/lib/db/embedded";
import { freePort } from "@/lib/net/free-port";

export type RestartableServer = {
  urlFor(database: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
};

/**
 * A PostgreSQL server of a test's own, on a fixed port, that the test may
 * stop and start (the shared test server must not go down under other tests).
 */
export async function startRestartableServer(): Promise<RestartableServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "consult-restart-"));
  // The server runs as the `postgres` user when the tests run as root: it must be able to enter the folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const credentials = { user: "consult", password: "restart-test" };
  const server = embeddedServer(path.join(dir, "pg"), port, credentials);
  await server.initialise();
  await server.start();
  const urlFor = (database: string) => embeddedUrl(credentials, port, database);
  let running = true;
  return {
    urlFor,
    async createDatabase(name) {
      await createDatabaseIfMissing(urlFor("postgres"), name);
      return urlFor(name);
    },
    async stop() {
      await server.stop();
      running = false;
    },
    async start() {
      await server.start();
      running = true;
    },
    async dispose() {
      if (running) await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
