import { AppError } from "@/lib/errors";

/**
 * Refuses a request whose Content-Length is over `limit` bytes (or unreadable),
 * without reading any of the body: call it before anything else is done.
 */
export function refuseLargeBody(request: Request, limit: number): void {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limit)) throw new AppError("PAYLOAD_TOO_LARGE");
}

/**
 * The body's bytes, at most `limit` of them: refused on Content-Length at
 * once, and otherwise (a chunked body) as soon as the running count passes
 * the limit, so no more than `limit` bytes are ever held.
 */
export async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  refuseLargeBody(request, limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => undefined); // stop the upload; nothing more is read
      throw new AppError("PAYLOAD_TOO_LARGE");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** A multipart or URL-encoded form, read with readLimitedBody's cap. */
export async function readLimitedForm(request: Request, limit: number): Promise<FormData> {
  const body = await readLimitedBody(request, limit);
  try {
    return await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("VALIDATION", { fieldErrors: { form: "errors.invalidForm" } });
  }
}
