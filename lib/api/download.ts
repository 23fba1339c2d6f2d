/** A file of the open data (streamed or whole): public, from any origin, saved under `fileName` (a slug-based name, safe in the header). */
export function download(body: ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>, contentType: string, fileName: string) {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Access-Control-Allow-Origin": "*",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
