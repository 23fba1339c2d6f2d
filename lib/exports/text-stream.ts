/**
 * A byte stream of the texts an iterator produces, one produced when the
 * reader wants more (pull): a slow reader slows the producer down instead of
 * filling memory. Cancelling the stream ends the iterator.
 */
export function textStream(parts: AsyncIterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await parts.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await parts.return?.(undefined);
    },
  });
}
