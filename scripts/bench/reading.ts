import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { runLoadsInTurns, type LoadResult } from "./load";

/**
 * Reading at the speed of static files: the cached public pages against a
 * static file of the same server, at the same concurrency, as a browser that
 * is not signed in asks for them (compressed). The load comes from wrk when
 * the machine has it (`apt-get install wrk`): a client in JavaScript tops out
 * below what the server serves a static file at, which flatters the ratio.
 * Without wrk, Node's own http with keep-alive, and the output says so.
 */
const CLIENTS = 20;
const TURNS = 2;

export type ReadingRun = { label: string; page: LoadResult; file: LoadResult; ratio: number };

export async function readingBench(baseUrl: string, pages: { label: string; path: string }[], durationMs: number): Promise<{ file: string; client: string; runs: ReadingRun[] }> {
  const file = await staticFileOf(baseUrl, pages[0]!.path);
  const wrk = spawnSync("wrk", ["--version"]).error ? null : wrkLoad(durationMs / TURNS);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  try {
    const runs: ReadingRun[] = [];
    for (const { label, path } of pages) {
      let page: LoadResult;
      let fileRun: LoadResult;
      if (wrk) {
        // Each page in turns with the file, so that a slow spell of the machine weighs on both.
        wrk(`${baseUrl}${path}`, 1_000);
        const turns = Array.from({ length: TURNS }, () => [wrk(`${baseUrl}${path}`), wrk(`${baseUrl}${file}`)] as const);
        page = mean(turns.map(([run]) => run));
        fileRun = mean(turns.map(([, run]) => run));
      } else {
        const load = (target: string) => ({ clients: CLIENTS, durationMs, warmUpMs: 1_000, expectStatus: [200], send: () => get(agent, `${baseUrl}${target}`) });
        [page, fileRun] = await runLoadsInTurns(load(path), load(file), TURNS);
      }
      runs.push({ label, page, file: fileRun, ratio: page.throughput / fileRun.throughput });
    }
    return { file, client: wrk ? "wrk" : "Node's http client (install wrk for faithful figures)", runs };
  } finally {
    agent.destroy();
  }
}

export function describeReading({ file, client, runs }: Awaited<ReturnType<typeof readingBench>>) {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const line = (label: string, run: LoadResult) => `  ${label.padEnd(34)} ${run.throughput.toFixed(0).padStart(5)} req/s   p50 ${ms(run.p50)}   p95 ${ms(run.p95)}`;
  return [
    `\nreading: ${CLIENTS} concurrent clients not signed in (gzip accepted; load from ${client}), each page in turns with a static file (${file}):`,
    ...runs.flatMap((run) => [line(run.label, run.page), `${line("  the static file meanwhile", run.file)}   ratio ${run.ratio.toFixed(2)}`]),
    "  targets: ratio ≥ 0.40 and p95 < 100 ms for the consultation page and a message page",
  ].join("\n");
}

/** A run of wrk at CLIENTS connections; its Lua reports the percentiles and the answers that were not 2xx. */
function wrkLoad(durationMs: number) {
  const script = path.join(mkdtempSync(path.join(tmpdir(), "consult-wrk-")), "report.lua");
  writeFileSync(
    script,
    `done = function(summary, latency, requests)
  io.write(string.format("\\nREPORT %d %f %f %f %d\\n", summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
`,
  );
  return (url: string, ms = durationMs): LoadResult => {
    const run = spawnSync("wrk", ["-t1", `-c${CLIENTS}`, `-d${Math.max(1, Math.round(ms / 1000))}s`, "-s", script, "-H", "Accept-Encoding: gzip, deflate, br", url], { encoding: "utf8" });
    const report = /REPORT (\d+) ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(run.stdout);
    if (!report) throw new Error(`wrk gave no report: ${run.stderr || run.stdout}`);
    const [requests, seconds, p50, p95, failed] = report.slice(1).map(Number) as [number, number, number, number, number];
    return { requests: requests - failed, throughput: (requests - failed) / seconds, p50, p95, unexpected: failed ? [[0, failed]] : [] };
  };
}

/** Throughput and requests add up over the turns; the percentiles are the turns' mean (wrk gives no samples). */
function mean(runs: LoadResult[]): LoadResult {
  const average = (pick: (run: LoadResult) => number) => runs.reduce((total, run) => total + pick(run), 0) / runs.length;
  return { requests: runs.reduce((total, run) => total + run.requests, 0), throughput: average((run) => run.throughput), p50: average((run) => run.p50), p95: average((run) => run.p95), unexpected: runs.flatMap((run) => run.unexpected) };
}

/** The smallest file of the build the page loads (a static file at its fastest: the strictest yardstick). */
async function staticFileOf(baseUrl: string, pagePath: string) {
  const html = await (await fetch(`${baseUrl}${pagePath}`)).text();
  const files = [...new Set([...html.matchAll(/"(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!))];
  if (files.length === 0) throw new Error(`no static file on ${pagePath}`);
  const sizes = await Promise.all(files.map(async (file) => ({ file, size: (await (await fetch(`${baseUrl}${file}`)).arrayBuffer()).byteLength })));
  return sizes.sort((a, b) => a.size - b.size)[0]!.file;
}

function get(agent: http.Agent, url: string) {
  return new Promise<Response>((resolve, reject) => {
    http
      .get(url, { agent, headers: { "accept-encoding": "gzip, deflate, br", accept: "text/html,*/*" } }, (answer) => {
        answer.on("data", () => {});
        answer.on("end", () => resolve(new Response(null, { status: answer.statusCode })));
        answer.on("error", reject);
      })
      .on("error", reject);
  });
}
