import { randomBytes } from "node:crypto";
import { createDatabaseIfMissing, DATA_DIR, dropDatabase } from "@/lib/db/database";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

export type TestServer = {
  /** A fresh, empty database on the test server. */
  createDatabase(prefix: string): Promise<string>;
  dropAll(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The test PostgreSQL: TEST_DATABASE_URL's server when set (its role needs
 * CREATEDB), else the embedded server under .data/. Every database made here
 * is dropped at the end of the run.
 */
export async function openTestServer(): Promise<TestServer> {
  const configured = process.env.TEST_DATABASE_URL;
  const embedded = configured ? null : await startEmbeddedPostgres(DATA_DIR);
  const urlFor = (name: string) => {
    if (embedded) return embedded.urlFor(name);
    const url = new URL(configured!);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const serverUrl = embedded ? embedded.serverUrl : configured!;
  const created: string[] = [];
  return {
    async createDatabase(prefix) {
      const name = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
      await createDatabaseIfMissing(serverUrl, name);
      created.push(name);
      return urlFor(name);
    },
    async dropAll() {
      for (const name of created.splice(0)) await dropDatabase(serverUrl, name);
    },
    async stop() {
      await embedded?.stop();
    },
  };
}
