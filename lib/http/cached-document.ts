import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { readerScripts } from "./reader-scripts";

/**
 * A cached page leaves Next.js as the same bytes for every reader of its
 * language, so no per-request script nonce can be in it. The edge lets its
 * inline scripts (Next.js's own) run by their SHA-256 hashes instead, and
 * compresses the document once per version rather than once per reader. Both
 * are kept by the version's ETag, which the edge computes natively (Next.js's
 * own, a hash written in JavaScript, cost more than the rest of serving a long
 * document: next.config.js turns it off) and answers If-None-Match with. Its
 * scripts run only in a signed-in reader's browser, once its text is painted (./reader-scripts.ts).
 */

/** The inline scripts' hashes, as CSP sources: `'sha256-…'`. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
    if (/\ssrc=/i.test(match[1] ?? "")) continue;
    hashes.add(`'sha256-${createHash("sha256").update(match[2]!, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

type Encoding = "br" | "gzip";

/** The encoding to send: brotli, else gzip, else none (a q=0 refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Set(
    (acceptEncoding ?? "")
      .split(",")
      .map((part) => part.trim().toLowerCase().split(";"))
      .filter(([, ...params]) => !params.some((param) => /^\s*q=0(?:\.0*)?\s*$/.test(param)))
      .map(([name]) => name),
  );
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip")) return "gzip";
  return null;
}

/** `sourceBytes`: the length of the document as Next.js made it (what it measures); `identity`: as it is sent. */
type Prepared = { etag: string; policy: string; sourceBytes: number; identity: Buffer; encoded: Partial<Record<Encoding, Buffer>>; size: number };

/** About 100 long documents with their compressed forms. */
const MEMO_BYTES = 64 * 1024 * 1024;

export type CachedDocumentOptions = {
  acceptEncoding: string | undefined;
  ifNoneMatch: string | undefined;
  /** The Content-Security-Policy that lets exactly these script sources run. */
  policy: (scriptSources: string[]) => string;
};

/**
 * Versions already prepared, by the document itself (most recent last). Next.js
 * hands a cached page over as the same string each time, and a Map finds a
 * long string by its length and then compares it: far cheaper than hashing it.
 */
const prepared = new Map<string, Prepared>();
let preparedBytes = 0;

/**
 * Holds an HTML answer until it is complete, then sends it with the policy
 * and encoding above. Anything else (the client router's payloads, redirects,
 * 304s) passes as it is.
 */
export function answerAsCachedDocument(response: ServerResponse, options: CachedDocumentOptions) {
  const original = { writeHead: response.writeHead, write: response.write, end: response.end, flushHeaders: response.flushHeaders };
  let head: unknown[] | null = null;
  const chunks: Buffer[] = [];

  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = args.find((arg): arg is Record<string, unknown> => typeof arg === "object" && arg !== null && !Array.isArray(arg));
    const type = String(headers?.["Content-Type"] ?? headers?.["content-type"] ?? response.getHeader("content-type") ?? "");
    if (!type.startsWith("text/html")) {
      Object.assign(response, original);
      return original.writeHead.apply(response, args as never);
    }
    head = args;
    return response;
  } as ServerResponse["writeHead"];
  response.flushHeaders = function () {
    if (!head) original.flushHeaders.call(response);
  };
  response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (!response.headersSent && !head) response.writeHead(response.statusCode);
    if (!head) return original.write.apply(response, [chunk, ...rest] as never);
    chunks.push(toBuffer(chunk, rest[0]));
    const done = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
    done?.();
    return true;
  } as ServerResponse["write"];
  response.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (!response.headersSent && !head) response.writeHead(response.statusCode);
    if (!head) return original.end.apply(response, [chunk, ...rest] as never);
    const last = chunk === undefined || chunk === null || typeof chunk === "function" ? null : chunk;
    // A cached page comes whole, as a string; one rendered now comes in pieces.
    const document = chunks.length === 0 && typeof last === "string" ? last : Buffer.concat(last === null ? chunks : [...chunks, toBuffer(last, rest[0])]).toString("utf8");
    const version = prepare(document, options.policy);
    const encoding = chooseEncoding(options.acceptEncoding);
    // The document is the reader's language's and their own only when signed out: shared caches must ask each time.
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("Vary", "Accept-Encoding, Accept-Language, Cookie");
    response.setHeader("ETag", version.etag);
    Object.assign(response, original);
    if (response.statusCode === 200 && options.ifNoneMatch?.split(",").some((tag) => tag.trim() === version.etag)) {
      response.statusCode = 304;
      response.removeHeader("Content-Type");
      response.removeHeader("Content-Length");
      return original.end.apply(response, [] as never);
    }
    const sent = encoding ? encoded(version, encoding) : version.identity;
    response.setHeader("Content-Security-Policy", version.policy);
    response.setHeader("Content-Length", sent.length);
    if (encoding) response.setHeader("Content-Encoding", encoding);
    original.writeHead.apply(response, head as never);
    return original.end.apply(response, [sent] as never);
  } as ServerResponse["end"];
}

/**
 * Next.js measures a cached page's HTML string on every hit (for a
 * Content-Length the edge then replaces), which for a long Chinese or Arabic
 * page costs as much as a tenth of serving it. A document already prepared
 * here is known: its length is the stored one. Installed once by the server.
 */
export function measureKnownDocuments() {
  if (measuring) return;
  measuring = true;
  const measure = Buffer.byteLength;
  Buffer.byteLength = function (value: Parameters<typeof measure>[0], encoding?: BufferEncoding) {
    if (typeof value === "string" && value.length > KNOWN_DOCUMENT_LENGTH && (encoding === undefined || encoding === "utf8" || encoding === "utf-8")) {
      const known = prepared.get(value);
      if (known) return known.sourceBytes;
    }
    return measure(value, encoding);
  };
}
let measuring = false;
/** Shorter strings are measured faster than looked up (V8 hashes strings up to this length by their content). */
const KNOWN_DOCUMENT_LENGTH = 16_383;

function prepare(document: string, policy: (sources: string[]) => string): Prepared {
  const known = prepared.get(document);
  if (known) {
    // Most recently used last: the oldest are dropped first.
    prepared.delete(document);
    prepared.set(document, known);
    return known;
  }
  const html = readerScripts(document);
  const identity = Buffer.from(html, "utf8");
  const version: Prepared = {
    etag: `"${createHash("sha1").update(identity).digest("base64url")}"`,
    policy: policy(inlineScriptHashes(html)),
    sourceBytes: html === document ? identity.length : Buffer.byteLength(document, "utf8"),
    identity,
    encoded: {},
    size: identity.length * 3,
  };
  prepared.set(document, version);
  preparedBytes += version.size;
  for (const [oldest, { size }] of prepared) {
    if (preparedBytes <= MEMO_BYTES) break;
    prepared.delete(oldest);
    preparedBytes -= size;
  }
  return version;
}

function encoded(version: Prepared, encoding: Encoding) {
  version.encoded[encoding] ??=
    encoding === "br"
      ? brotliCompressSync(version.identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 6, [zlib.BROTLI_PARAM_SIZE_HINT]: version.identity.length } })
      : gzipSync(version.identity, { level: 6 });
  return version.encoded[encoding];
}

function toBuffer(chunk: unknown, encoding: unknown) {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}
