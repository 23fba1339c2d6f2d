import { json } from "@/lib/api/respond";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/db/pool-config";
import { checkReadiness } from "@/lib/db/readiness";

/** Readiness: 200 only when every database pool the app uses answers a query; else 503 with Retry-After. */
export async function GET() {
  const { ready, pools } = await checkReadiness();
  return json(
    { status: ready ? "ready" : "unavailable", pools },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store", ...(ready ? {} : { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) }) } },
  );
}
