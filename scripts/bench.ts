// npm run bench: figures for the speed targets, printed, never asserted.
// Seeds a consultation of 100 messages with 10,000 comments in a fresh
// database, serves the production build, and measures the consultation page.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { insertConsultation } from "@/lib/consultations/create-from-document";
import { db, disconnectDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { parseMarkdown } from "@/lib/import/parse-document";
import { openTestServer } from "../tests/support/test-database";
import { buildIsStale } from "./build-state";

const root = path.resolve(import.meta.dirname, "..");
const SECTIONS = 10;
const MESSAGES_PER_SECTION = 10;
const COMMENTS = 10_000;
const AUTHORS = 200;
const RUNS = 40;

async function seed() {
  const lines: string[] = ["Benchmark consultation.", ""];
  for (let s = 1; s <= SECTIONS; s++) {
    lines.push(`# Theme ${s}`, "", `Introduction of theme ${s}.`, "");
    for (let m = 1; m <= MESSAGES_PER_SECTION; m++) {
      lines.push(`- Message ${s}.${m}: multi-stakeholder cooperation is essential to keep the Internet open, secure and interoperable; 多利益相关方合作至关重要。`);
    }
    lines.push("");
  }
  const parsed = parseMarkdown(lines.join("\n"));
  if (!parsed.ok) throw new Error("benchmark document does not parse");
  const { consultation } = await insertConsultation({ slug: "bench", title: "Benchmark", language: "en", document: parsed.document }, null);
  const now = Date.now();
  await db.consultation.update({
    where: { id: consultation.id },
    data: { opensAt: new Date(now - 86_400_000), closesAt: new Date(now + 7 * 86_400_000), publishedAt: new Date(now), firstPublishedAt: new Date(now) },
  });
  await db.user.createMany({
    data: Array.from({ length: AUTHORS }, (_, i) => ({ id: `bench-user-${i}`, email: `bench-${i}@example.org`, name: `Bench ${i}` })),
  });
  const versions = await db.messageVersion.findMany({ where: { message: { consultationId: consultation.id } }, select: { id: true, messageId: true } });
  const groups = ["CIVIL_SOCIETY", "GOVERNMENT", "PRIVATE_SECTOR", "TECHNICAL_COMMUNITY"] as const;
  for (let start = 0; start < COMMENTS; start += 2_000) {
    await db.comment.createMany({
      data: Array.from({ length: 2_000 }, (_, k) => {
        const i = start + k;
        const version = versions[i % versions.length]!;
        return {
          messageId: version.messageId, messageVersionId: version.id, authorId: `bench-user-${i % AUTHORS}`,
          body: `Comment ${i}: please strengthen this message.`, authorName: `Bench ${i % AUTHORS}`,
          authorGroup: groups[i % groups.length]!, authorRegion: "AFRICA" as const, authorCountry: "KE",
        };
      }),
    });
  }
  return consultation.slug;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no answer from ${url}`);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function pageWeight(baseUrl: string, pagePath: string) {
  const html = await (await fetch(baseUrl + pagePath)).text();
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/build-manifest.json"), "utf8")) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const runtimeFiles = new Set([...manifest.rootMainFiles, ...manifest.polyfillFiles].map((file) => `/_next/${file}`));
  const assets = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((match) => match[1]!);
  const totals = { html: gzipSync(html).length, css: 0, runtime: 0, app: 0 };
  for (const asset of new Set(assets)) {
    const size = gzipSync(Buffer.from(await (await fetch(baseUrl + asset)).arrayBuffer())).length;
    if (asset.endsWith(".css")) totals.css += size;
    else if (runtimeFiles.has(asset) || asset.includes("/turbopack-")) totals.runtime += size;
    else if (asset.endsWith(".js")) totals.app += size;
  }
  return totals;
}

async function main() {
  const server = await openTestServer();
  const databaseUrl = await server.createDatabase("consult_bench");
  let app: ReturnType<typeof spawn> | null = null;
  try {
    await runMigrations(databaseUrl);
    process.env.DATABASE_URL = databaseUrl;
    const seeded = Date.now();
    const slug = await seed();
    console.log(`seeded ${SECTIONS * MESSAGES_PER_SECTION} messages and ${COMMENTS} comments in ${Date.now() - seeded} ms`);
    await disconnectDb();

    if (buildIsStale(root)) {
      console.log("building the app...");
      await new Promise<void>((resolve, reject) =>
        spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit" })
          .on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`)))),
      );
    }
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    app = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_URL: baseUrl, NEXTAUTH_SECRET: "bench", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitFor(`${baseUrl}/code-of-participation`);

    const pagePath = `/consultations/${slug}`;
    for (let i = 0; i < 5; i++) await (await fetch(baseUrl + pagePath)).text();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await (await fetch(baseUrl + pagePath)).text();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const weight = await pageWeight(baseUrl, pagePath);
    console.log(`\nconsultation page (${SECTIONS * MESSAGES_PER_SECTION} messages, ${COMMENTS} comments), ${RUNS} sequential requests:`);
    console.log(`  server time   median ${percentile(times, 50).toFixed(1)} ms   p95 ${percentile(times, 95).toFixed(1)} ms   (target: median < 300 ms)`);
    console.log(`  HTML          ${kb(weight.html)} gzip   (target < 60 KB)`);
    console.log(`  CSS           ${kb(weight.css)} gzip`);
    console.log(`  Next.js runtime ${kb(weight.runtime)} gzip`);
    console.log(`  app JavaScript ${kb(weight.app)} gzip   (target < 50 KB)`);
  } finally {
    app?.kill("SIGTERM");
    await disconnectDb();
    await server.dropAll();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
