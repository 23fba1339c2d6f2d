import type { TestProject } from "vitest/node";
import { runMigrations } from "@/lib/db/migrate";
import { openTestServer } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One fresh, migrated database for the integration run, dropped afterwards. */
export default async function setup(project: TestProject) {
  const server = await openTestServer();
  const databaseUrl = await server.createDatabase("consult_test");
  await runMigrations(databaseUrl);
  project.provide("databaseUrl", databaseUrl);
  return async () => {
    await server.dropAll();
    await server.stop();
  };
}
