/** A closed-loop load: `clients` concurrent loops, each sending its next request when the last one answered. */
export async function runLoad(options: {
  clients: number;
  durationMs: number;
  /** Load first run and not counted, so that the JIT and the pools are warm. */
  warmUpMs?: number;
  send: (client: number, sequence: number) => Promise<Response>;
  expectStatus: number[];
}): Promise<{ requests: number; throughput: number; p50: number; p95: number; unexpected: [number, number][] }> {
  if (options.warmUpMs) await runLoad({ ...options, durationMs: options.warmUpMs, warmUpMs: 0 });
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
        latencies.push(performance.now() - at);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const unexpected = [...statuses].filter(([status]) => !options.expectStatus.includes(status));
  return {
    requests: latencies.length,
    throughput: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    unexpected,
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
