/**
 * A byte stream whose chunks `next` produces one at a time, when the reader
 * wants more (pull): a slow reader slows the producer down instead of
 * filling memory. `next` gives null at the end.
 */
export function byteStream(next: () => Promise<Uint8Array | null>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = await next();
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

/** Texts as one UTF-8 chunk, written piece by piece into one buffer, without a joined string. */
export function utf8(texts: readonly string[]): Uint8Array {
  let size = 0;
  for (const text of texts) size += Buffer.byteLength(text);
  const bytes = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const text of texts) offset += bytes.write(text, offset);
  return bytes;
}
