import http from "node:http";
import { networkInterfaces } from "node:os";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { READER_VIEW, READER_VIEW_COOKIE } from "@/lib/auth/reader-view";
import { baseUrl, expectNoSeriousA11yViolations, launchBrowser } from "./support/browser";

const browser = launchBrowser();

/** A raw request, with a Host header of the test's choosing (fetch would not send one). */
function get(address: string, path: string, headers: Record<string, string> = {}, method = "GET") {
  const { port } = new URL(baseUrl());
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const request = http.request({ host: address, port, path, method, headers: { host: `localhost:${port}`, ...headers } }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    request.on("error", reject);
    request.end();
  });
}

/** An address of this machine that is not loopback, if it has one. */
const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === "IPv4" && !entry.internal)?.address;

describe("the edge in front of the app", () => {
  it("refuses a Host that is not this site's (DNS rebinding) before any page, and answers health checks by any name", async () => {
    const { port } = new URL(baseUrl());
    expect((await get("127.0.0.1", "/dev/outbox", { host: `evil.example:${port}` })).status).toBe(421);
    expect((await get("127.0.0.1", "/", { host: `rebind.evil.example` })).status).toBe(421);
    expect((await get("127.0.0.1", "/dev/outbox")).status).toBe(200);
    expect((await get("127.0.0.1", "/api/health", { host: "10.0.0.7:3000" })).status).toBe(200);
    expect((await get("127.0.0.1", "/api/ready", { host: "10.0.0.7:3000" })).status).toBe(200);
  });

  it("shows the outbox to this machine only: never to another address, nor to a request relayed by a proxy here", async () => {
    expect((await get("127.0.0.1", "/dev/outbox")).status).toBe(200);
    // Forwarding headers on a loopback request: a proxy on this machine relays the world, so it is not "this machine".
    expect((await get("127.0.0.1", "/dev/outbox", { "x-forwarded-for": "203.0.113.5" })).status).toBe(404);
    expect((await get("127.0.0.1", "/dev/outbox", { via: "1.1 nginx" })).status).toBe(404);
    if (!outsideAddress) return;
    expect((await get(outsideAddress, "/dev/outbox", { "x-forwarded-for": "127.0.0.1", "x-consult-client-address": "127.0.0.1", "x-real-ip": "127.0.0.1" })).status).toBe(404);
  });

  it("has no benchmark route in the production build", async () => {
    expect((await get("127.0.0.1", "/api/bench/insert", { "content-type": "application/json" }, "POST")).status).toBe(404);
  });

  it("serves a page rendered for the request under a nonce-based Content-Security-Policy, and its scripts still run", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    watchPolicyViolations(page);
    // A query in the address: the home page rendered for this request.
    const response = await page.goto("/?from=edge-test");
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(policy).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(policy)![1];
    // Every script Next.js wrote carries this response's nonce.
    const nonces = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
    expect(nonces.length).toBeGreaterThan(0);
    expect(new Set(nonces)).toEqual(new Set([nonce]));
    await page.getByRole("link", { name: /IGF|信息|Messages/ }).first().click();
    await page.waitForLoadState("networkidle");
    await expectHydratedWithoutViolations(page);
    await context.close();
  });

  it("serves a cached page under a policy that names its inline scripts' hashes; its scripts run in a reader's browser only", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    watchPolicyViolations(page);
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    await page.goto("/");
    const response = await page.goto("/");
    expect(response?.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(policy).not.toContain("nonce");
    expect(policy).toContain("frame-ancestors 'none'");
    // Not a reader: the document, with nothing to download or run; its links are plain links.
    await page.waitForLoadState("load");
    expect(scripts).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    const link = page.getByRole("link", { name: /IGF|信息|Messages/ }).first();
    const target = new URL((await link.getAttribute("href"))!, baseUrl()).pathname;
    await Promise.all([page.waitForURL((url) => url.pathname === target, { waitUntil: "load" }), link.click()]);
    expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
    expect(scripts).toEqual([]);
    await expectNoSeriousA11yViolations(page);

    // The hint a signed-in reader's scripts write: the same document hydrates, under the same policy.
    await context.addCookies([{ name: READER_VIEW_COOKIE, value: READER_VIEW, url: baseUrl() }]);
    await page.goto("/");
    await page.waitForFunction(() => Boolean((window as unknown as { next?: unknown }).next));
    expect(scripts.length).toBeGreaterThan(0);
    await expectHydratedWithoutViolations(page);
    await context.close();
  });
});

function watchPolicyViolations(page: Page) {
  return page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

async function expectHydratedWithoutViolations(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { next?: { version?: string } }).next?.version)).toBeTruthy();
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
}
