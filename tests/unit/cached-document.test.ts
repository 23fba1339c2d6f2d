import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerAsCachedDocument, chooseEncoding, inlineScriptHashes, measureKnownDocuments } from "@/lib/http/cached-document";
import { keptCommentKey, keptReplyKey } from "@/lib/comments/kept-text";
import { readerScripts } from "@/lib/http/reader-scripts";
import { runInline, fakeDocument } from "./support/fake-document";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
/** Longer than V8 hashes a string by its content. */
const LONG_PAGE = `<!DOCTYPE html><html><head><script src="/_next/a.js" async=""></script></head><body>${"<p>多语言 consultation</p>".repeat(2_000)}</body></html>`;
const PAGE = `<!DOCTYPE html><html><head><script src="/_next/a.js" async=""></script></head><body><p>多语言</p><script>self.__next_f.push([1,"中文"])</script><script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>`;

/** What the edge sends for PAGE. */
const SENT = readerScripts(PAGE);

describe("a cached page's scripts", () => {
  it("leave their places for a loader at the end of the body (with the preload of one), and run only in a signed-in reader's browser, in order, after the first paint", () => {
    const page =
      `<html><head><script src="/_next/a.js" async=""></script><script src="/_next/b.js" async=""></script><link rel="preload" as="script" fetchPriority="low" href="/_next/c.js"/>` +
      `<script src="/_next/old.js" noModule=""></script></head><body><p>Text</p><script src="/_next/c.js" async=""></script><script>self.__next_f.push([1])</script></body></html>`;
    const sent = readerScripts(page);
    expect(sent.slice(0, sent.indexOf("</head>"))).toBe('<html><head><script src="/_next/old.js" noModule=""></script>');
    expect(sent).toMatch(/^[\s\S]*<body><p>Text<\/p><script>self.__next_f.push\(\[1\]\)<\/script><script>(?:(?!<\/script>)[\s\S])+<\/script><\/body><\/html>$/);
    const loader = sent.match(/<script>((?:(?!<\/script>)[\s\S])+)<\/script><\/body>/)![1]!;

    // A reader (the hint its scripts wrote among other cookies): the scripts, in order, once the first frame is painted.
    const reader = fakeDocument({ cookie: "a=1; consult-view=reader; b=2" });
    runInline(loader, reader);
    expect(reader.added).toEqual([]);
    reader.paint();
    expect(reader.added).toEqual([{ src: "/_next/a.js", async: true }, { src: "/_next/b.js", async: true }, { src: "/_next/c.js", async: true }]);
    // A tab opened in the background paints nothing: at once.
    const hidden = fakeDocument({ cookie: "consult-view=reader", hidden: true });
    runInline(loader, hidden);
    expect(hidden.added).toHaveLength(3);
    // A page that shows a comment this browser kept and never sent (a closed consultation's): its scripts show it.
    const kept = { [keptCommentKey("m1", "fr")]: JSON.stringify({ body: "Précisez la coopération." }), [keptReplyKey("t1")]: JSON.stringify({ quote: "only a passage" }) };
    const keeping = fakeDocument({ stored: kept, keptOnPage: [keptCommentKey("m1"), keptCommentKey("m1", "fr")] });
    runInline(loader, keeping);
    keeping.paint();
    expect(keeping.added).toHaveLength(3);
    // Anyone else (no hint, another value, a cookie whose name only ends so; kept texts this page does not show, or without text): nothing to download or run.
    const elsewhere = [undefined, [keptCommentKey("m2")], [keptReplyKey("t1")], ["not-json"]];
    for (const [index, cookie] of ["", "consult-view=", "my-consult-view=reader", "consult-view=readers"].entries()) {
      const reading = fakeDocument({ cookie, stored: { ...kept, "not-json": "{" }, keptOnPage: elsewhere[index] });
      runInline(loader, reading);
      reading.paint();
      expect(reading.added, cookie).toEqual([]);
    }

    // Only Next.js's own scripts move.
    const another = '<html><head></head><body><script src="/x.js" async=""></script></body></html>';
    expect(readerScripts(another)).toBe(another);
    // Nothing to move, or nowhere to put it: the page as it was.
    expect(readerScripts("<html><body><p>Text</p></body></html>")).toBe("<html><body><p>Text</p></body></html>");
    expect(readerScripts('<script src="/a.js" async=""></script><p>')).toBe('<script src="/a.js" async=""></script><p>');
  });

  it("are allowed by the hashes of the inline ones only", () => {
    expect(inlineScriptHashes(PAGE)).toEqual([sha('self.__next_f.push([1,"中文"])'), sha("(self.__next_f=self.__next_f||[]).push([0])")]);
  });

  it("are compressed as the reader accepts", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("gzip;q=1, br;q=0")).toBe("gzip");
    expect(chooseEncoding("identity")).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});

describe("the edge's answer with a cached document", () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    // As Next.js answers: headers set one by one, then the whole document (or, rendered now, in pieces).
    server = http.createServer((request, response) => {
      answerAsCachedDocument(response, {
        acceptEncoding: request.headers["x-accept-encoding"] as string | undefined,
        ifNoneMatch: request.headers["if-none-match"],
        policy: (sources) => `script-src 'self' ${sources.join(" ")}`,
      });
      if (request.url === "/payload") {
        response.setHeader("Content-Type", "text/x-component");
        response.end("0:[]");
        return;
      }
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      if (request.url === "/long") {
        response.end(LONG_PAGE);
        return;
      }
      if (request.url === "/streamed") {
        response.write(PAGE.slice(0, 40));
        response.end(Buffer.from(PAGE.slice(40)));
      } else response.end(PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get(`${url}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk)).on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      }).on("error", reject);
    });

  it("sends the document with the policy of its scripts, compressed, with an ETag that answers 304", async () => {
    const plain = await get("/");
    expect(plain.body.toString("utf8")).toBe(SENT);
    // The loader is allowed with Next.js's own inline scripts.
    expect(plain.headers["content-security-policy"]).toBe(`script-src 'self' ${inlineScriptHashes(SENT).join(" ")}`);
    expect(inlineScriptHashes(SENT)).toHaveLength(3);
    expect(plain.headers["content-length"]).toBe(String(Buffer.byteLength(SENT)));
    expect(plain.headers["cache-control"]).toBe("no-cache");
    const zipped = await get("/", { "x-accept-encoding": "gzip" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped.body).toString("utf8")).toBe(SENT);
    expect(zipped.headers.etag).toBe(plain.headers.etag);
    const again = await get("/", { "if-none-match": plain.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("gives a document rendered in pieces the same answer", async () => {
    const streamed = await get("/streamed");
    expect(streamed.body.toString("utf8")).toBe(SENT);
    expect(streamed.headers.etag).toBe((await get("/")).headers.etag);
  });

  it("passes anything but HTML as it is", async () => {
    const payload = await get("/payload", { "x-accept-encoding": "gzip" });
    expect(payload.body.toString()).toBe("0:[]");
    expect(payload.headers["content-security-policy"]).toBeUndefined();
    expect(payload.headers.etag).toBeUndefined();
  });

  it("knows the length of a long document it has sent, which Next.js measures on every hit", async () => {
    const measured = Buffer.byteLength(LONG_PAGE);
    measureKnownDocuments();
    expect((await get("/long")).body.length).toBe(Buffer.byteLength(readerScripts(LONG_PAGE)));
    // As Next.js made it, not as it was sent.
    expect(Buffer.byteLength(LONG_PAGE)).toBe(measured);
    // Another string of the same length is measured, not mistaken for the document.
    const other = LONG_PAGE.replace("多", "a");
    expect(other.length).toBe(LONG_PAGE.length);
    expect(Buffer.byteLength(other)).toBe(measured - 2);
    expect(Buffer.byteLength(LONG_PAGE, "latin1")).toBe(LONG_PAGE.length);
  });
});
