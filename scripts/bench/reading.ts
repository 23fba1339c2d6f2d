import http from "node:http";
import { runLoadsInTurns, type LoadResult } from "./load";

/**
 * Reading at the speed of static files: the cached public pages against a
 * static file of the same server, at the same concurrency, as a browser that
 * is not signed in asks for them (compressed). The client is Node's own http
 * with keep-alive, lighter than fetch, so that it measures the server.
 */
const CLIENTS = 20;

export type ReadingRun = { label: string; page: LoadResult; file: LoadResult; ratio: number };

export async function readingBench(baseUrl: string, pages: { label: string; path: string }[], durationMs: number): Promise<{ file: string; runs: ReadingRun[] }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  try {
    const file = await staticFileOf(baseUrl, pages[0]!.path);
    const runs: ReadingRun[] = [];
    for (const { label, path } of pages) {
      const load = (target: string) => ({ clients: CLIENTS, durationMs, warmUpMs: 1_000, expectStatus: [200], send: () => get(agent, `${baseUrl}${target}`) });
      // Each page in turns with the file, so that a slow spell of the machine weighs on both.
      const [page, fileRun] = await runLoadsInTurns(load(path), load(file));
      runs.push({ label, page, file: fileRun, ratio: page.throughput / fileRun.throughput });
    }
    return { file, runs };
  } finally {
    agent.destroy();
  }
}

export function describeReading({ file, runs }: Awaited<ReturnType<typeof readingBench>>) {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const line = (label: string, run: LoadResult) => `  ${label.padEnd(34)} ${run.throughput.toFixed(0).padStart(5)} req/s   p50 ${ms(run.p50)}   p95 ${ms(run.p95)}`;
  return [
    `\nreading: ${CLIENTS} concurrent clients not signed in (gzip accepted), each page in turns with a static file (${file}):`,
    ...runs.flatMap((run) => [line(run.label, run.page), `${line("  the static file meanwhile", run.file)}   ratio ${run.ratio.toFixed(2)}`]),
    "  targets: ratio ≥ 0.40 and p95 < 100 ms for the consultation page and a message page",
  ].join("\n");
}

/** The first script the page loads: a file Next.js serves from the build. */
async function staticFileOf(baseUrl: string, pagePath: string) {
  const html = await (await fetch(`${baseUrl}${pagePath}`)).text();
  const file = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  if (!file) throw new Error(`no script on ${pagePath}`);
  return file;
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
