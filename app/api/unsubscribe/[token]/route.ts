import { apiError } from "@/lib/api/respond";
import { appUrl } from "@/lib/auth/config";
import { readLimitedBody } from "@/lib/http/read-body";
import { unsubscribe } from "@/lib/notifications/settings";

type Params = { params: Promise<{ token: string }> };

const pageUrl = (token: string, done: boolean) => `${appUrl()}/unsubscribe/${encodeURIComponent(token)}${done ? "?done=1" : ""}`;

/**
 * RFC 8058 one-click unsubscribe: the mail program POSTs `List-Unsubscribe=One-Click`
 * here, with no session and no CSRF token (the signed token in the address is the
 * permission). The unsubscribe page's button posts here too and is shown the result.
 */
export async function POST(request: Request, { params }: Params) {
  const { token } = await params;
  try {
    const body = new TextDecoder().decode(await readLimitedBody(request, 4096)); // the one-click body is 26 bytes
    const oneClick = body.includes("List-Unsubscribe=One-Click");
    const done = (await unsubscribe(token)) !== null;
    if (oneClick) return new Response(done ? "Unsubscribed.\n" : "Not a valid unsubscribe link.\n", { status: done ? 200 : 404, headers: NO_STORE });
    return new Response(null, { status: 303, headers: { ...NO_STORE, Location: pageUrl(token, done) } });
  } catch (error) {
    // Too large a body (413), the database down (503 with Retry-After): the mail program tries again.
    return apiError(error);
  }
}

/** Opening the address changes nothing (mail scanners open links): it leads to the page with the button. */
export async function GET(_request: Request, { params }: Params) {
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: pageUrl((await params).token, false) } });
}

const NO_STORE = { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" };
