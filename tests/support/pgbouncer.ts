import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "@/lib/net/free-port";

/** The PgBouncer binary: PGBOUNCER_PATH, else the Debian package's, else one on PATH; null when there is none. */
export function findPgBouncer(): string | null {
  const candidates = [process.env.PGBOUNCER_PATH, "/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"].filter(Boolean) as string[];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return found;
  const which = spawnSync("which", ["pgbouncer"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() || null : null;
}

export type PgBouncer = {
  /** The URL of `databaseUrl`'s database through the pooler. */
  url: string;
  stop(): Promise<void>;
};

/**
 * PgBouncer in transaction mode in front of one database: every transaction
 * may run on a different server connection (a small pool makes that likely).
 * It accepts any client password and logs in to PostgreSQL with the
 * database URL's own credentials.
 */
export async function startPgBouncer(binary: string, databaseUrl: string, options: { poolSize?: number } = {}): Promise<PgBouncer> {
  const target = new URL(databaseUrl);
  const name = target.pathname.slice(1);
  const dir = mkdtempSync(path.join(tmpdir(), "consult-pgbouncer-"));
  // PgBouncer refuses to run as root: as root it runs as `nobody`, who must read the folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const config = [
    "[databases]",
    `${name} = host=${target.hostname} port=${target.port || 5432} dbname=${name} user=${decodeURIComponent(target.username)} password=${decodeURIComponent(target.password)}`,
    "[pgbouncer]",
    "listen_addr = 127.0.0.1",
    `listen_port = ${port}`,
    `unix_socket_dir =`,
    "auth_type = any",
    "pool_mode = transaction",
    `default_pool_size = ${options.poolSize ?? 4}`,
    "max_client_conn = 500",
    "server_reset_query =",
    "ignore_startup_parameters = extra_float_digits",
    "",
  ].join("\n");
  const configFile = path.join(dir, "pgbouncer.ini");
  writeFileSync(configFile, config, { mode: 0o644 });
  const asRoot = process.getuid?.() === 0;
  const child: ChildProcess = spawn(binary, [...(asRoot ? ["-u", "nobody"] : []), configFile], { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  // It logs to stderr: kept to say why it stopped (only the end, it logs every connection).
  child.stderr?.on("data", (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4_000)));
  await waitForPort(port, child, () => errors);
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    async stop() {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once("exit", () => resolve());
          child.kill("SIGINT");
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, child: ChildProcess, errors: () => string) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}: ${errors()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: "127.0.0.1", port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`pgbouncer did not listen on ${port} within 10 s: ${errors()}`);
}
