import { everyPageChanged } from "@/lib/cache/public-pages";
import { isOwnRefresh } from "@/lib/cache/state-changes";

/** The process's own call at a consultation's opening or closing (lib/cache/state-changes.ts); nobody else's. */
export function POST(request: Request) {
  if (!isOwnRefresh(request.headers.get("authorization"))) return new Response(null, { status: 404 });
  everyPageChanged();
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
