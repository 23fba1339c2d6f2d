// The app's HTTP server: Next.js behind a thin edge (lib/http/edge.ts) that
// refuses foreign Host names, establishes the client's address from the socket
// (or trusted proxies) and adds the security headers with a per-request nonce.
// Usage: tsx scripts/serve.ts [--dev] (PORT, HOSTNAME from the environment).
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import next from "next";
import { appUrl } from "@/lib/auth/config";
import { apiError } from "@/lib/api/respond";
import { answerActionOnCachedPage } from "@/lib/http/action-on-cached-page";
import { answerAsCachedDocument, measureKnownDocuments } from "@/lib/http/cached-document";
import { admitRequest, CLIENT_ADDRESS_HEADER, edgeConfig, scriptPolicy } from "@/lib/http/edge";
import { LOCALE_HEADER, pageRoute } from "@/lib/http/page-route";
import { isApiWrite, WRITE_ADMITTED_HEADER, writeBusyError, writeGate } from "@/lib/http/write-gate";
import { startNotificationWorker } from "@/lib/notifications/worker";
import { listenForPublicChanges, type PublicChange } from "@/lib/cache/change-feed";
import { PAGES_CHANGED_TOKEN, startStateChangeRefresh } from "@/lib/cache/state-changes";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
/** Unset: every address, IPv4 and IPv6. */
const hostname = process.env.HOSTNAME || undefined;

const config = edgeConfig({ appUrl: appUrl(), dev });
// The app believes the edge's headers only with this secret (lib/http/request-context.ts).
process.env.CONSULT_EDGE_SECRET = config.secret;
measureKnownDocuments();
const app = next({ dev, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * Writing under overload: an API write takes one of this process's write
 * slots here, before Next.js does any work, and holds it until its answer is
 * sent; without a free slot it is refused at once with this 503 (the API's
 * error shape, with Retry-After), which costs next to nothing. Server actions
 * take their slot inside the action, so that a refused form keeps its text.
 */
const gate = writeGate();
const busyAnswer = apiError(writeBusyError(gate.retryAfterSeconds));
const busyBody = Buffer.from(await busyAnswer.arrayBuffer());
const busyHeaders = { ...Object.fromEntries(busyAnswer.headers), "Cache-Control": "no-store" };

/** Set on SIGTERM: readiness answers 503 at once, so a load balancer stops sending before the server closes. */
let draining = false;

const server = http.createServer((request, response) => {
  if (draining && request.url?.startsWith("/api/ready")) {
    response.writeHead(503, { "Content-Type": "application/json", "Retry-After": "5", "Cache-Control": "no-store" });
    response.end(JSON.stringify({ status: "draining" }));
    return;
  }
  const decision = admitRequest(
    {
      path: request.url ?? "/",
      headers: request.headers,
      hostHeaderCount: request.rawHeaders.filter((_, index) => index % 2 === 0 && request.rawHeaders[index]!.toLowerCase() === "host").length,
      socketAddress: request.socket.remoteAddress,
    },
    config,
  );
  if (decision.refused) {
    response.writeHead(decision.refused.status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
    response.end(decision.refused.text);
    return;
  }
  // Without trusted proxies, no forwarding header a client wrote is believed: Next.js derives them from the socket.
  if (config.trustedProxyHops === 0) {
    for (const name of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"]) delete request.headers[name];
  }
  Object.assign(request.headers, decision.requestHeaders);
  request.headers["x-forwarded-for"] = decision.requestHeaders[CLIENT_ADDRESS_HEADER] || undefined;
  for (const [name, value] of Object.entries(decision.responseHeaders)) response.setHeader(name, value);
  delete request.headers[WRITE_ADMITTED_HEADER];
  if (routePage(request, response) === "action on a cached page") {
    void answerActionOnCachedPage(() => handle(request, response));
    return;
  }
  if (!isApiWrite(request.method, request.url ?? "/")) {
    void handle(request, response);
    return;
  }
  gate.acquire().then(
    (release) => {
      response.once("close", release);
      request.headers[WRITE_ADMITTED_HEADER] = "1";
      void handle(request, response);
    },
    () => {
      response.writeHead(503, busyHeaders);
      response.end(busyBody);
    },
  );
});
/**
 * A page's language, and whether the cached document answers it (lib/http/page-route.ts):
 * Next.js gets the address of the route that answers. The cached document
 * carries no nonce: it runs its scripts by their hashes and is compressed once per version.
 */
function routePage(request: http.IncomingMessage, response: http.ServerResponse) {
  delete request.headers[LOCALE_HEADER];
  const route = pageRoute({
    method: request.method,
    url: request.url ?? "/",
    cookie: request.headers.cookie,
    acceptLanguage: request.headers["accept-language"],
    routerStateTree: [request.headers["next-router-state-tree"]].flat()[0],
  });
  if (!route) return;
  request.headers[LOCALE_HEADER] = route.locale;
  request.url = route.url;
  if (!route.cached) return;
  // A server action posted from a cached page: its answer is rendered for the person who acted, with the nonce.
  if (request.method !== "GET" && request.method !== "HEAD") return "action on a cached page";
  delete request.headers["content-security-policy"];
  response.removeHeader("Content-Security-Policy");
  if (request.method !== "GET") return;
  answerAsCachedDocument(response, {
    acceptEncoding: request.headers["accept-encoding"],
    ifNoneMatch: request.headers["if-none-match"],
    policy: (sources) => scriptPolicy(sources, config.dev),
  });
  // Next.js would compress the document again for every reader.
  delete request.headers["accept-encoding"];
  delete request.headers["if-none-match"];
}

/** Calls app/api/internal/pages-changed on this very server, by whatever name it answers to. */
function pagesChanged(change: PublicChange) {
  return new Promise<void>((resolve, reject) => {
    const call = http.request(
      {
        host: !hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname,
        port,
        path: `/api/internal/pages-changed?change=${change}`,
        method: "POST",
        headers: { host: [...config.hosts][0], authorization: `Bearer ${process.env[PAGES_CHANGED_TOKEN]}` },
      },
      (answer) => {
        answer.resume();
        if (answer.statusCode === 204) resolve();
        else reject(new Error(`the server answered ${answer.statusCode}`));
      },
    );
    call.on("error", reject);
    call.end();
  });
}

// A slow client cannot hold a connection for ever; idle connections outlive a load balancer's (60 s), so it never reuses a closed one.
server.headersTimeout = 20_000;
server.requestTimeout = 120_000;
server.keepAliveTimeout = 65_000;
server.listen(port, hostname);
// Receipts and notifications queued in PostgreSQL are sent from here, off the request path.
const notificationWorker = startNotificationWorker();
// This process's cached pages are revalidated (through its own route) when any instance announces a change,
// and dropped at a consultation's opening and closing.
process.env[PAGES_CHANGED_TOKEN] = randomBytes(24).toString("base64url");
const changeFeed = listenForPublicChanges((change) => pagesChanged(change));
const stateChanges = startStateChangeRefresh(() => pagesChanged("content"));

/** On shutdown, requests in flight (a comment being written) finish; new ones go to another instance. */
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    draining = true;
    stateChanges.stop();
    void changeFeed.stop();
    const deadline = setTimeout(() => process.exit(0), 10_000);
    server.close(() => {
      clearTimeout(deadline);
      void notificationWorker
        .stop()
        .then(() => app.close())
        .finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  });
}
