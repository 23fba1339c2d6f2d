import { afterAll, beforeAll } from "vitest";
import { openTestServer, type TestServer } from "./test-database";

/** For a test file that needs databases of its own: made on the test server, all dropped after the file. */
export function extraDatabases() {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await openTestServer();
  });
  afterAll(async () => {
    await server?.dropAll();
    await server?.stop();
  });
  return { create: (prefix: string) => server!.createDatabase(prefix) };
}
