import { json } from "@/lib/api/respond";

/** Liveness: the process answers. It touches no dependency, so a database outage never gets the app restarted. */
export function GET() {
  return json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
