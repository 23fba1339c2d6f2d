import { db } from "@/lib/db/client";

/**
 * The benchmark's yardstick: reads the same JSON body as a comment submission
 * and does one INSERT through the same Prisma client, nothing else. Only in
 * the benchmark's own build (`.bench.ts` is a page extension there alone, see
 * next.config.js), never in the app's production build.
 */
export async function POST(request: Request) {
  const body = (await request.json()) as { body?: string };
  await db.auditEvent.create({ data: { action: "bench.insert", subjectType: "Bench", subjectId: String(body.body?.length ?? 0) } });
  return new Response(null, { status: 204 });
}
