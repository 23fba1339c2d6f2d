import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import { type Environment, wholeNumberFromEnvironment } from "@/lib/env";

/**
 * What every request meets before Next.js sees it (scripts/serve.ts applies
 * it): the Host must be this site's, the client's address is taken from the
 * socket (or from trusted proxies only), and every answer carries the
 * security headers, with a fresh script nonce for the page.
 */

/** The client's address as the edge established it; any copy a client sends is replaced. */
export const CLIENT_ADDRESS_HEADER = "x-consult-client-address";
/** Set by the edge when the request names forwarding headers it did not trust (a proxy on this machine, say). */
export const PROXIED_HEADER = "x-consult-proxied";
/**
 * A secret of the running server's, sent with the headers above: the app
 * believes them only with it, so that served some other way (`next start`)
 * a client cannot name its own address.
 */
export const EDGE_HEADER = "x-consult-edge";

export type EdgeConfig = {
  /** Host header values this site answers to (host:port, lower case). */
  hosts: Set<string>;
  /** How many reverse proxies in front append to X-Forwarded-For (TRUST_PROXY_HOPS). */
  trustedProxyHops: number;
  /** Strict-Transport-Security: the public address is https. */
  https: boolean;
  /** Development: Next.js's dev server needs eval and inline styles. */
  dev: boolean;
  /** The secret that marks headers as the edge's own (see EDGE_HEADER). */
  secret: string;
};

export function edgeConfig(options: { appUrl: string; dev?: boolean; env?: Environment }): EdgeConfig {
  const env = options.env ?? process.env;
  const url = new URL(options.appUrl);
  // Host header values, as a browser sends them (the port only when it is not the scheme's default).
  const hosts = new Set([url.host, ...(env.CONSULT_ALLOWED_HOSTS ?? "").split(",").map((host) => host.trim().toLowerCase()).filter(Boolean)]);
  // A local demo is reached as localhost, 127.0.0.1 or [::1] alike; DNS rebinding sends another name and is refused.
  if (LOOPBACK_NAMES.includes(url.hostname)) for (const name of LOOPBACK_NAMES) hosts.add(url.port ? `${name}:${url.port}` : name);
  return {
    hosts,
    trustedProxyHops: wholeNumberFromEnvironment("TRUST_PROXY_HOPS", 0, 0, env),
    https: url.protocol === "https:",
    dev: options.dev ?? false,
    secret: randomBytes(24).toString("base64url"),
  };
}

export type IncomingRequest = {
  /** The request target as sent: a path, or a whole URL in absolute form. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** How many Host headers the request carried (a proxy in front may read another one than Node does). */
  hostHeaderCount?: number;
  socketAddress: string | undefined;
};

export type EdgeDecision =
  | { refused: { status: number; text: string } }
  | { refused: null; requestHeaders: Record<string, string>; responseHeaders: Record<string, string> };

/** On every answer (set here rather than in next.config.js: Next.js would match its rules against every request). */
const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/** Health checks answer whatever name a load balancer uses (they show nothing). */
const ANY_HOST_PATHS = new Set(["/api/health", "/api/ready"]);

export function admitRequest(request: IncomingRequest, config: EdgeConfig): EdgeDecision {
  const host = single(request.headers.host)?.toLowerCase();
  if (!request.path.startsWith("/") || (request.hostHeaderCount ?? 1) > 1) {
    return { refused: { status: 400, text: "Bad request.\n" } };
  }
  if (!ANY_HOST_PATHS.has(request.path.split("?")[0]!) && (!host || !config.hosts.has(host))) {
    return { refused: { status: 421, text: "This server does not answer to that host name.\n" } };
  }
  const forwarded = FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined);
  const nonce = freshNonce();
  const policy = contentSecurityPolicy(nonce, config.dev);
  return {
    refused: null,
    requestHeaders: {
      [EDGE_HEADER]: config.secret,
      [CLIENT_ADDRESS_HEADER]: clientAddress(request.socketAddress, single(request.headers["x-forwarded-for"]), config.trustedProxyHops) ?? "",
      [PROXIED_HEADER]: forwarded && config.trustedProxyHops === 0 ? "1" : "",
      // Next.js reads the nonce for its own scripts from the request's policy header.
      "content-security-policy": policy,
    },
    responseHeaders: {
      ...SECURITY_HEADERS,
      "Content-Security-Policy": policy,
      ...(config.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
    },
  };
}

/**
 * A script nonce: 16 bytes never used before, cut from a pool of random bytes
 * (one call to the system's generator per 256 requests, not one per request).
 */
const nonces = { pool: Buffer.alloc(0), next: 0 };
function freshNonce() {
  if (nonces.next + 16 > nonces.pool.length) Object.assign(nonces, { pool: randomBytes(4096), next: 0 });
  nonces.next += 16;
  return nonces.pool.toString("base64", nonces.next - 16, nonces.next);
}

const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip", "via"];

/**
 * The client: the socket's peer; behind N trusted proxies, the address the
 * outermost of them saw, i.e. the N-th X-Forwarded-For entry from the right
 * (each proxy appends the address it was reached from). Entries further left
 * were written by the client and are never believed; a chain too short to
 * have passed all N proxies came some other way, and the socket's peer is the client.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trustedHops: number): string | null {
  const chain = [...(forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean), socketAddress ?? ""];
  const candidate = chain.length > trustedHops ? chain[chain.length - 1 - trustedHops] : socketAddress;
  const address = candidate ? stripMappedIpv4(stripPort(candidate)) : "";
  return isIP(address) ? address : null;
}

/** The key a per-address limit counts under: the address, an IPv6 one by its /64 (one subscriber's whole range), or "unknown". */
export function rateLimitAddress(address: string | null): string {
  if (!address) return "unknown";
  if (isIP(address) !== 6) return address;
  const [head = "", tail] = address.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups];
  return `${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(":")}::/64`;
}

export function contentSecurityPolicy(nonce: string, dev = false) {
  return scriptPolicy([`'nonce-${nonce}'`], dev);
}

/** The policy with these script sources besides the site's own files: a nonce, or a cached page's script hashes. */
export function scriptPolicy(scriptSources: string[], dev = false) {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptSources.join(" ")}${dev ? " 'unsafe-eval'" : ""}`,
    ...(dev ? ["style-src 'self' 'unsafe-inline'", "connect-src 'self' ws: wss:"] : []),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function isLoopbackAddress(address: string | null): boolean {
  return !!address && (address === "::1" || /^127\./.test(stripMappedIpv4(address)));
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/** "203.0.113.5:5555" and "[2001:db8::1]:5555", as some proxies write them. */
function stripPort(address: string) {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1]!;
  const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(address);
  return withPort ? withPort[1]! : address;
}

/** `::ffff:127.0.0.1` is how a dual-stack socket shows an IPv4 peer. */
function stripMappedIpv4(address: string) {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function single(value: string | string[] | undefined) {
  return Array.isArray(value) ? value.join(",") : value;
}
