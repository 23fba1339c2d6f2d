/** A file of the open data (streamed or whole): public, from any origin, saved under `fileName` (any characters: slugs may be Chinese). */
export function download(body: ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer> | string, contentType: string, fileName: string) {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": attachmentDisposition(fileName),
      "Access-Control-Allow-Origin": "*",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** A file name for the download: the slug as given (UTF-8) and an ASCII fallback for old clients. */
export function attachmentDisposition(name: string): string {
  const ascii = name.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\/;%]/g, "").replace(/\s+/g, "-").replace(/^[-.]+/, "") || "download";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
