// npm run bench: figures for the speed targets, printed, never asserted.
// A fresh database, the production build on a free port, then:
//  1. the consultation page with 100 messages and 10,000 comments: server time and weight;
//  2. a message page with 1,000 annotations: server time;
//  1b. reading: the cached consultation and message pages against a static file at 20 clients;
//  3. comment submission through the write API (token, validation, rate limit,
//     insert, audit) at 10 and 50 concurrent clients, against a bare INSERT route;
//  4. the moderation queue's first page with 10,000 flagged comments: server time;
//  5. the comment exports (CSV and JSON) of 100,000 comments: the server's memory growth while it streams them;
//  6. writing under overload: 5× the write rate the machine sustains, open loop: accepted and refused (503) latency, nothing lost or doubled;
//  7. the deadline surge (scripts/bench/surge.ts): API clients writing through a deadline and a database restart;
//  8. Lighthouse, mobile (scripts/bench/lighthouse.ts): the demo's home, consultation and message pages in the six
//     interface languages, on a database of its own seeded as `npm start` seeds it.
// BENCH_ONLY=reading runs only 1b; BENCH_ONLY=write runs only 3; BENCH_ONLY=moderation only 4 (no app build, no server); BENCH_ONLY=exports only 5;
// BENCH_ONLY=overload only 6; BENCH_ONLY=surge (or `npm run bench -- surge`) only 7, on a PostgreSQL of its own that it restarts;
// BENCH_ONLY=lighthouse only 8.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { parseMarkdown } from "@/lib/import/parse-document";
import { freePort } from "@/lib/net/free-port";
import { openTestServer } from "../tests/support/test-database";
import { buildIsStale } from "./build-state";
import { runLoadsInTurns, timeRequests } from "./bench/load";
import { EXPORT_SLUG, type ExportRun, measureExport, seedExportComments } from "./bench/exports";
import { moderationQueueBench, seedFlaggedComments } from "./bench/moderation";
import { overloadBench } from "./bench/overload";
import { describeReading, readingBench } from "./bench/reading";
import { describeLighthouse, lighthouseBench } from "./bench/lighthouse";
import { pageWeight } from "./bench/page-weight";
import { describeSurge, runSurge, type Answer } from "./bench/surge";
import { startRestartableServer } from "../tests/support/restartable-database";
import { seedComments, seedConsultation, seedPeople } from "./bench/seed";
import { prepareDatabase } from "./prepare-database";

const root = path.resolve(import.meta.dirname, "..");
const next = path.join(root, "node_modules/next/dist/bin/next");
const LOAD_MS = Number(process.env.BENCH_LOAD_MS ?? 8_000);
const WARM_UP_MS = 2_000;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function seedAll() {
  const people = await seedPeople("bench", 200);
  const authors = Array.from({ length: 200 }, (_, i) => `bench-${i}`);
  const versions = await seedConsultation("bench", 10, 10);
  await seedComments(versions, authors, 10_000);
  const annotated = await seedConsultation("bench-annotations", 1, 1);
  await seedComments(annotated, authors, 1_000, true);
  const writers = await seedPeople("writer", 50, true);
  const target = await seedConsultation("bench-writes", 1, 100);
  return { people, tokens: writers, messageIds: target.map((version) => version.messageId) };
}


/** The benchmark's own production build (in .next-bench, with the yardstick route the app's build leaves out). */
const BENCH_BUILD_ENV = { ...process.env, CONSULT_BENCH_BUILD: "1", NEXT_TELEMETRY_DISABLED: "1" };

async function stopApp(app: ChildProcess | null) {
  if (app) await new Promise((resolve) => app.once("exit", resolve).kill("SIGTERM"));
}

/** The bench's databases gone, and the PostgreSQL they were on stopped. */
async function closeTestServer(server: Awaited<ReturnType<typeof openTestServer>>) {
  await disconnectDb();
  await server.dropAll();
  await server.stop();
}

async function startApp(databaseUrl: string): Promise<{ app: ChildProcess; baseUrl: string }> {
  if (buildIsStale(root, ".next-bench")) {
    console.log("building the app with the benchmark's routes...");
    await new Promise<void>((resolve, reject) =>
      spawn(process.execPath, [next, "build"], { cwd: root, stdio: "inherit", env: BENCH_BUILD_ENV }).on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`)))),
    );
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/profiles" to profile the server.
  // --expose-gc: the export bench collects garbage before it takes the server's baseline memory.
  const nodeArgs = ["--expose-gc", ...(process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean)];
  const app = spawn(process.execPath, [...nodeArgs, "--import", "tsx", path.join(root, "scripts/serve.ts")], {
    cwd: root,
    env: {
      ...BENCH_BUILD_ENV, PORT: String(port), HOSTNAME: "127.0.0.1", NODE_ENV: "production", DATABASE_URL: databaseUrl, NEXTAUTH_URL: baseUrl, NEXTAUTH_SECRET: "bench",
      COMMENT_LIMIT_PER_MINUTE: "1000000", COMMENT_LIMIT_PER_DAY: "1000000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${baseUrl}/code-of-participation`)).ok) return { app, baseUrl };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the app did not start");
}

async function writeBench(baseUrl: string, tokens: string[], messageIds: string[]) {
  const submit = (client: number, sequence: number) =>
    fetch(`${baseUrl}/api/v1/messages/${messageIds[sequence % messageIds.length]}/comments`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens[client % tokens.length]}`, "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({ body: `Benchmark comment ${sequence}: please add a sentence on funding.` }),
    });
  const insert = (_client: number, sequence: number) =>
    fetch(`${baseUrl}/api/bench/insert`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ body: `Benchmark comment ${sequence}: please add a sentence on funding.` }),
    });
  const api = { send: submit, expectStatus: [201] };
  const bare = { send: insert, expectStatus: [204] };
  console.log(`\ncomment submission through the write API, ${LOAD_MS / 1000} s per route and client count, in turns with the bare route, after a warm-up:`);
  for (const clients of [10, 50]) {
    const [apiRun, bareRun] = await runLoadsInTurns(
      { ...api, clients, durationMs: LOAD_MS, warmUpMs: WARM_UP_MS },
      { ...bare, clients, durationMs: LOAD_MS, warmUpMs: WARM_UP_MS },
    );
    const ratio = apiRun.throughput / bareRun.throughput;
    console.log(
      `  ${String(clients).padStart(2)} clients: write API ${apiRun.throughput.toFixed(0)} req/s (p50 ${ms(apiRun.p50)}, p95 ${ms(apiRun.p95)})` +
        ` · bare INSERT ${bareRun.throughput.toFixed(0)} req/s (p50 ${ms(bareRun.p50)}, p95 ${ms(bareRun.p95)}) · ratio ${ratio.toFixed(2)}`,
    );
    const shed = apiRun.unexpected.find(([status]) => status === 503)?.[1] ?? 0;
    if (shed) console.log(`    the write API refused ${shed} requests with 503 (more clients than WRITE_CONCURRENCY writes in flight); the figures above count accepted comments only`);
    const unexpected = [...apiRun.unexpected.filter(([status]) => status !== 503), ...bareRun.unexpected];
    if (unexpected.length) console.log(`    unexpected statuses: ${JSON.stringify(unexpected)}`);
  }
  console.log("  targets: ratio ≥ 0.5; p95 < 100 ms at 10 clients");
}

/** The importer must stay linear in list items (micromark alone once took 18 s for 8,000). */
function importBench() {
  const section = (index: number) => `## Theme ${index}\n\n${"- 一条完整的信息。\n".repeat(5)}\n`;
  const source = Array.from({ length: 4_000 }, (_, index) => section(index)).join("");
  const started = performance.now();
  const parsed = parseMarkdown(source);
  const elapsed = performance.now() - started;
  const counts = parsed.ok ? parsed.document.counts : null;
  console.log(`\nimport parse of ${counts?.sections} sections with ${counts?.messages} messages: ${ms(elapsed)}`);
}

/** In this process, against the bench's database: moderationQueue is what the queue page awaits before rendering. */
async function moderationBench() {
  const seeded = Date.now();
  await seedFlaggedComments(10_000);
  console.log(`\nmoderation queue: 10,000 flagged comments among 20,000 seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
  const queue = await moderationQueueBench(20);
  console.log(`  first page (${queue.shown} of ${queue.total}), 20 runs: median ${ms(queue.p50)}   p95 ${ms(queue.p95)}   (target < 300 ms)`);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Seeds 100,000 comments in the bench's database, then downloads each export from the running server, measuring its memory. */
async function exportBench(baseUrl: string) {
  const seeded = Date.now();
  await seedExportComments(100_000);
  await disconnectDb();
  console.log(`\ncomment exports: 100,000 comments (final consultation, with dispositions) seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
  const csv = `/api/v1/consultations/${EXPORT_SLUG}/comments.csv`;
  const json = `/api/v1/consultations/${EXPORT_SLUG}/comments.json`;
  // The routes' code loaded and the pools open before the baseline: what is measured is the export's own growth.
  for (const path of [csv, json]) await (await fetch(`${baseUrl}${path}`)).body?.cancel();
  const csvRows = (text: string) => text.split("\r\n").length - 1;
  const jsonRows = (text: string) => (text.match(/^\{/gm) ?? []).length;
  const print = (label: string, run: ExportRun, rowsOf: (run: ExportRun) => number) =>
    console.log(
      `  ${label.padEnd(26)} ${rowsOf(run).toLocaleString("en")} rows, ${mb(run.bytes)} in ${run.seconds.toFixed(1)} s (status ${run.status})` +
        `\n    server memory growth at its peak: RSS ${mb(run.rssGrowth)}, heap ${mb(run.heapGrowth)}, external ${mb(run.externalGrowth)}` +
        ` (baseline RSS ${mb(run.baseline.rss)}, heap ${mb(run.baseline.heapUsed)}); heap retained after a collection: ${mb(run.heapRetained)}`,
    );
  print("CSV, reading at full speed", await measureExport(baseUrl, csv, csvRows), (run) => run.rows - 1);
  print("CSV, reading at 4 MB/s", await measureExport(baseUrl, csv, csvRows, 4 * 1024 * 1024), (run) => run.rows - 1);
  print("JSON, reading at full speed", await measureExport(baseUrl, json, jsonRows), (run) => run.rows);
  console.log("  target: growth < 100 MB; bytes are as read, after gzip is undone");
}

async function main() {
  if (process.env.BENCH_ONLY === "surge" || process.argv.slice(2).includes("surge")) return surgeOnly();
  if (process.env.BENCH_ONLY === "moderation") return moderationOnly();
  if (process.env.BENCH_ONLY === "exports") return exportsOnly();
  if (process.env.BENCH_ONLY === "lighthouse") return lighthouseOnly();
  if (process.env.BENCH_ONLY !== "write" && process.env.BENCH_ONLY !== "overload") importBench();
  const server = await openTestServer();
  const databaseUrl = await server.createDatabase("consult_bench");
  let app: ChildProcess | null = null;
  try {
    await runMigrations(databaseUrl);
    process.env.DATABASE_URL = databaseUrl;
    const seeded = Date.now();
    const { tokens, messageIds } = await seedAll();
    console.log(`seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    await disconnectDb();
    const started = await startApp(databaseUrl);
    app = started.app;
    const { baseUrl } = started;

    if (process.env.BENCH_ONLY === "write") return await writeBench(baseUrl, tokens, messageIds);
    process.env.DATABASE_URL = databaseUrl;
    if (process.env.BENCH_ONLY === "overload") return await overloadBench(baseUrl, tokens, messageIds);
    const reading = () => readingBench(baseUrl, [
      { label: "consultation page (100 messages)", path: "/consultations/bench" },
      { label: "message page (1,000 annotations)", path: "/consultations/bench-annotations/messages/1.1" },
      { label: "message page (100 comments)", path: "/consultations/bench/messages/1.1" },
    ], LOAD_MS);
    if (process.env.BENCH_ONLY === "reading") return console.log(describeReading(await reading()));
    // A query in the address skips the cache: the page is rendered for this request, as for a signed-in reader.
    const consultation = await timeRequests(`${baseUrl}/consultations/bench?rendered=1`, 40);
    const cachedConsultation = await timeRequests(`${baseUrl}/consultations/bench`, 40);
    const weight = await pageWeight(root, baseUrl, "/consultations/bench");
    console.log(`\nconsultation page (100 messages, 10,000 comments), 40 sequential requests:`);
    console.log(`  server time      median ${ms(consultation.p50)}   p95 ${ms(consultation.p95)}   rendered for the request (target: median < 300 ms)`);
    console.log(`                   median ${ms(cachedConsultation.p50)}   p95 ${ms(cachedConsultation.p95)}   from the cache`);
    console.log(`  HTML             ${kb(weight.html)} gzip   (target < 60 KB)`);
    console.log(`  CSS              ${kb(weight.css)} gzip`);
    console.log(`  Next.js runtime  ${kb(weight.runtime)} gzip`);
    console.log(`  app JavaScript   ${kb(weight.app)} gzip   (target < 50 KB)`);

    const annotated = await timeRequests(`${baseUrl}/consultations/bench-annotations/messages/1.1?rendered=1`, 20);
    console.log(`\nmessage page with 1,000 annotations, 20 sequential requests:`);
    console.log(`  server time      median ${ms(annotated.p50)}   p95 ${ms(annotated.p95)}   rendered for the request (target < 200 ms)`);
    console.log(describeReading(await reading()));

    await writeBench(baseUrl, tokens, messageIds);
    process.env.DATABASE_URL = databaseUrl;
    await overloadBench(baseUrl, tokens, messageIds);
    await moderationBench();
    await exportBench(baseUrl);
  } finally {
    await stopApp(app);
    await closeTestServer(server);
  }
  if (process.env.BENCH_ONLY) return;
  await lighthouseOnly();
  // Last, on a PostgreSQL of its own that it restarts mid-run.
  await surgeOnly();
}

async function exportsOnly() {
  const server = await openTestServer();
  const databaseUrl = await server.createDatabase("consult_bench");
  let app: ChildProcess | null = null;
  try {
    await runMigrations(databaseUrl);
    process.env.DATABASE_URL = databaseUrl;
    const started = await startApp(databaseUrl);
    app = started.app;
    await exportBench(started.baseUrl);
  } finally {
    await stopApp(app);
    await closeTestServer(server);
  }
}

/** Lighthouse on the demo's pages, in a database holding only what `npm start` seeds (the bench's own consultations would change the home page). */
async function lighthouseOnly() {
  const server = await openTestServer();
  const databaseUrl = await server.createDatabase("consult_lighthouse");
  let app: ChildProcess | null = null;
  try {
    await runMigrations(databaseUrl);
    process.env.DATABASE_URL = databaseUrl;
    await prepareDatabase();
    const started = await startApp(databaseUrl);
    app = started.app;
    console.log(describeLighthouse(await lighthouseBench(started.baseUrl)));
  } finally {
    await stopApp(app);
    await closeTestServer(server);
  }
}

const SURGE_CLIENTS = Number(process.env.BENCH_SURGE_CLIENTS ?? 50);

/**
 * The deadline surge over HTTP against the production build, on a PostgreSQL of its own (the shared one must not go
 * down): the deadline 12 s into the run, the database down from 4 s to 6 s, clients writing until 15 s.
 */
async function surgeOnly() {
  const server = await startRestartableServer();
  const databaseUrl = await server.createDatabase("consult_surge");
  let app: ChildProcess | null = null;
  try {
    await runMigrations(databaseUrl);
    process.env.DATABASE_URL = databaseUrl;
    const tokens = await seedPeople("surge", SURGE_CLIENTS, true);
    const versions = await seedConsultation("bench-surge", 1, 20);
    const messageIds = versions.map((version) => version.messageId);
    await disconnectDb();
    const started = await startApp(databaseUrl);
    app = started.app;
    const post = async ({ messageId, token, idempotencyKey, body }: { messageId: string; token: string; idempotencyKey: string; body: string }): Promise<Answer> => {
      const response = await fetch(`${started.baseUrl}/api/v1/messages/${messageId}/comments`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": idempotencyKey },
        body: JSON.stringify({ body }),
        signal: AbortSignal.timeout(10_000),
      });
      const json = (await response.json().catch(() => ({}))) as { id?: string; error?: { code?: string; retryAfterSeconds?: number } };
      return { status: response.status, id: json.id, code: json.error?.code, retryAfterSeconds: json.error?.retryAfterSeconds };
    };
    const start = Date.now();
    const closesAt = new Date(start + 12_000);
    process.env.DATABASE_URL = databaseUrl;
    await db.consultation.updateMany({ where: { slug: "bench-surge" }, data: { closesAt } });
    await disconnectDb();
    console.log(`
deadline surge: ${SURGE_CLIENTS} API clients, the deadline 12 s into the run, the database down from 4 s to 6 s, writing until 15 s:`);
    const report = await runSurge({
      post,
      tokens,
      messageIds,
      closesAt,
      endsAt: new Date(start + 15_000),
      restart: { at: new Date(start + 4_000), downMs: 2_000, stop: () => server.stop(), start: () => server.start() },
    });
    console.log(describeSurge(report));
  } finally {
    await stopApp(app);
    await disconnectDb();
    await server.dispose();
  }
}

async function moderationOnly() {
  const server = await openTestServer();
  const databaseUrl = await server.createDatabase("consult_bench");
  try {
    await runMigrations(databaseUrl);
    process.env.DATABASE_URL = databaseUrl;
    await moderationBench();
  } finally {
    await closeTestServer(server);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
