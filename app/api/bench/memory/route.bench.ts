/**
 * The server process's memory, for the export benchmark; `?gc=1` collects
 * garbage first (when the server runs with --expose-gc) for a clean baseline.
 * Only in the benchmark's own build, like the insert yardstick.
 */
export async function GET(request: Request) {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (new URL(request.url).searchParams.get("gc") === "1" && collect) collect();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return Response.json({ rss, heapUsed, external, arrayBuffers, gcExposed: Boolean(collect) }, { headers: { "Cache-Control": "no-store" } });
}
