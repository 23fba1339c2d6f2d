/** Throughput and latency count the answers with an expected status only (a write refused with 503 under load is not served). */
export type LoadResult = { requests: number; throughput: number; p50: number; p95: number; unexpected: [number, number][] };
type Run = { latencies: number[]; seconds: number; statuses: Map<number, number> };

type LoadOptions = {
  clients: number;
  durationMs: number;
  /** Load first run and not counted, so that the JIT and the pools are warm. */
  warmUpMs?: number;
  send: (client: number, sequence: number) => Promise<Response>;
  expectStatus: number[];
};

/**
 * Two loads measured in turns (a, b, a, b, ... each a share of `durationMs`),
 * so that a slow spell of the machine weighs on both rather than on one.
 */
export async function runLoadsInTurns(a: LoadOptions, b: LoadOptions, turns = 2): Promise<[LoadResult, LoadResult]> {
  for (const options of [a, b]) if (options.warmUpMs) await runOnce({ ...options, durationMs: options.warmUpMs });
  const runs: [Run[], Run[]] = [[], []];
  for (let turn = 0; turn < turns; turn++) {
    runs[0].push(await runOnce({ ...a, durationMs: a.durationMs / turns }));
    runs[1].push(await runOnce({ ...b, durationMs: b.durationMs / turns }));
  }
  return [summarise(runs[0], a.expectStatus), summarise(runs[1], b.expectStatus)];
}

/** A closed-loop load: `clients` concurrent loops, each sending its next request when the last one answered. */
async function runOnce(options: LoadOptions): Promise<Run> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const deadline = performance.now() + options.durationMs;
  const started = performance.now();
  let sequence = 0;
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const at = performance.now();
        const response = await options.send(client, sequence++);
        await response.arrayBuffer();
        if (options.expectStatus.includes(response.status)) latencies.push(performance.now() - at);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, statuses };
}

function summarise(runs: Run[], expectStatus: number[]): LoadResult {
  const latencies = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((total, run) => total + run.seconds, 0);
  const statuses = new Map<number, number>();
  for (const run of runs) for (const [status, count] of run.statuses) statuses.set(status, (statuses.get(status) ?? 0) + count);
  return {
    requests: latencies.length,
    throughput: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    unexpected: [...statuses].filter(([status]) => !expectStatus.includes(status)),
  };
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function timeRequests(url: string, runs: number) {
  for (let i = 0; i < 5; i++) await (await fetch(url)).text();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.text();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}
