import { db } from "@/lib/db/client";

/**
 * The benchmark's yardstick: reads the same JSON body as a comment submission
 * and does one INSERT through the same Prisma client, nothing else. Exists
 * only when CONSULT_BENCH_ROUTES=1 (set by npm run bench).
 */
export async function POST(request: Request) {
  if (process.env.CONSULT_BENCH_ROUTES !== "1") return new Response(null, { status: 404 });
  const body = (await request.json()) as { body?: string };
  await db.auditEvent.create({ data: { action: "bench.insert", subjectType: "Bench", subjectId: String(body.body?.length ?? 0) } });
  return new Response(null, { status: 204 });
}
