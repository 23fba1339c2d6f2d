import { describe, expect, it } from "vitest";
import { admitRequest, clientAddress, CLIENT_ADDRESS_HEADER, contentSecurityPolicy, EDGE_HEADER, edgeConfig, isLoopbackAddress, PROXIED_HEADER, rateLimitAddress } from "@/lib/http/edge";

const demo = edgeConfig({ appUrl: "http://localhost:3000", env: {} });
const site = edgeConfig({ appUrl: "https://consult.example.org", env: { TRUST_PROXY_HOPS: "1", CONSULT_ALLOWED_HOSTS: "www.consult.example.org" } });

const request = (host: string | undefined, path = "/", headers: Record<string, string> = {}) => ({
  path,
  headers: { ...(host === undefined ? {} : { host }), ...headers },
  socketAddress: "127.0.0.1",
});

describe("the Host a request names", () => {
  it("is one of this site's names, else the request is refused before the app sees it (DNS rebinding)", () => {
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "LOCALHOST:3000"]) expect(admitRequest(request(host), demo).refused, host).toBeNull();
    for (const host of ["evil.example:3000", "evil.example", "localhost:3001", "localhost", "127.0.0.2:3000", "", "localhost:3000.evil.example"]) {
      expect(admitRequest(request(host, "/dev/outbox"), demo).refused, host).toEqual({ status: 421, text: expect.any(String) });
    }
    expect(admitRequest(request(undefined), demo).refused?.status).toBe(421);
  });

  it("is the public address's host (and any listed alias) on a real site, without its default port", () => {
    expect(admitRequest(request("consult.example.org"), site).refused).toBeNull();
    expect(admitRequest(request("www.consult.example.org"), site).refused).toBeNull();
    expect(admitRequest(request("localhost"), site).refused?.status).toBe(421);
    expect(admitRequest(request("consult.example.org:8443"), site).refused?.status).toBe(421);
  });

  it("is refused when the target is a whole URL or the Host is sent twice (a proxy in front may read the other one)", () => {
    expect(admitRequest(request("localhost:3000", "http://evil.example/"), demo).refused?.status).toBe(400);
    expect(admitRequest({ ...request("localhost:3000"), hostHeaderCount: 2 }, demo).refused?.status).toBe(400);
  });

  it("does not matter to the health checks, which load balancers call by address", () => {
    expect(admitRequest(request("10.0.0.7:3000", "/api/health"), demo).refused).toBeNull();
    expect(admitRequest(request("10.0.0.7:3000", "/api/ready?verbose"), demo).refused).toBeNull();
    expect(admitRequest(request("10.0.0.7:3000", "/api/health/../v1/consultations"), demo).refused?.status).toBe(421);
  });
});

describe("the client's address", () => {
  it("is the socket's without trusted proxies, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", 0)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", undefined, 0)).toBe("203.0.113.9");
    const decision = admitRequest(request("localhost:3000", "/", { "x-forwarded-for": "198.51.100.1", [CLIENT_ADDRESS_HEADER]: "198.51.100.2", [EDGE_HEADER]: "forged" }), demo);
    if (decision.refused !== null) throw new Error("refused");
    expect(decision.requestHeaders[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(decision.requestHeaders[EDGE_HEADER]).toBe(demo.secret);
    // Forwarding headers without trusted proxies: relayed by something on this machine, so not "this machine".
    expect(decision.requestHeaders[PROXIED_HEADER]).toBe("1");
    const direct = admitRequest(request("localhost:3000"), demo);
    expect(direct.refused === null && direct.requestHeaders[PROXIED_HEADER]).toBe("");
  });

  it("is the entry the outermost trusted proxy wrote, never one further left that the client wrote", () => {
    // client 198.51.100.7 → proxy A (appends it) → proxy B (appends A) → app (socket: B)
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.1", 2)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.1", "6.6.6.6, 198.51.100.7", 1)).toBe("198.51.100.7");
    // A chain too short to have passed every trusted proxy came some other way: the socket's peer is the client.
    expect(clientAddress("10.0.0.1", "6.6.6.6", 2)).toBe("10.0.0.1");
    expect(clientAddress("203.0.113.9", undefined, 1)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.1", "not-an-address", 1)).toBeNull();
    // Ports, as some proxies write them, are not part of the address.
    expect(clientAddress("10.0.0.1", "198.51.100.7:5555", 1)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.1", "[2001:db8::7]:5555", 1)).toBe("2001:db8::7");
  });

  it("counts against per-address limits by the address, an IPv6 one by its /64, and an unknown one in one shared bucket", () => {
    expect(rateLimitAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(rateLimitAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(rateLimitAddress("2001:DB8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(rateLimitAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(rateLimitAddress("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitAddress(null)).toBe("unknown");
  });

  it("counts as this machine only for loopback addresses", () => {
    for (const address of ["127.0.0.1", "127.8.0.1", "::1", "::ffff:127.0.0.1"]) expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ["10.0.0.1", "::ffff:10.0.0.1", "", null, "localhost"]) expect(isLoopbackAddress(address), String(address)).toBe(false);
  });

  it("refuses a TRUST_PROXY_HOPS that is not a whole number", () => {
    expect(() => edgeConfig({ appUrl: "http://localhost:3000", env: { TRUST_PROXY_HOPS: "yes" } })).toThrow("TRUST_PROXY_HOPS");
  });
});

describe("security headers", () => {
  it("carry a fresh script nonce per request, in the policy given to the page and to the browser", () => {
    const first = admitRequest(request("localhost:3000"), demo);
    const second = admitRequest(request("localhost:3000"), demo);
    if (first.refused !== null || second.refused !== null) throw new Error("refused");
    const policy = first.responseHeaders["Content-Security-Policy"]!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
    expect(policy).toContain("default-src 'self'; ");
    for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) expect(policy).toContain(directive);
    expect(policy).not.toContain("unsafe");
    expect(first.requestHeaders["content-security-policy"]).toBe(policy);
    expect(second.responseHeaders["Content-Security-Policy"]).not.toBe(policy);
  });

  it("never repeat a nonce over many requests (they are cut from a pool of random bytes)", () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 1_000; i += 1) {
      const decision = admitRequest(request("localhost:3000"), demo);
      if (decision.refused !== null) throw new Error("refused");
      nonces.add(/'nonce-([^']+)'/.exec(decision.responseHeaders["Content-Security-Policy"]!)![1]!);
    }
    expect(nonces.size).toBe(1_000);
  });

  it("forbid framing, sniffing, the referrer across sites and powerful features", () => {
    const decision = admitRequest(request("localhost:3000"), demo);
    if (decision.refused !== null) throw new Error("refused");
    expect(decision.responseHeaders).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    });
  });

  it("add HSTS only when the public address is https", () => {
    const secure = admitRequest(request("consult.example.org"), site);
    const plain = admitRequest(request("localhost:3000"), demo);
    expect(secure.refused === null && secure.responseHeaders["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(plain.refused === null && plain.responseHeaders["Strict-Transport-Security"]).toBeUndefined();
  });

  it("let the development server evaluate code, and never the production one", () => {
    expect(contentSecurityPolicy("n", true)).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", false)).not.toContain("'unsafe-eval'");
  });
});
