import { isPublicChange } from "@/lib/cache/change-feed";
import { revalidateHere } from "@/lib/cache/public-pages";
import { isOwnRefresh } from "@/lib/cache/state-changes";

/**
 * The process's own call (scripts/serve.ts) when a change was announced
 * (lib/cache/change-feed.ts) or a consultation opens or closes
 * (lib/cache/state-changes.ts): Next.js revalidates only inside a request.
 */
export function POST(request: Request) {
  if (!isOwnRefresh(request.headers.get("authorization"))) return new Response(null, { status: 404 });
  const change = new URL(request.url).searchParams.get("change");
  revalidateHere(isPublicChange(change) ? change : "content");
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
