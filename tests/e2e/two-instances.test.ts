import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { db, disconnectDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { freePort } from "@/lib/net/free-port";
import { findChromium } from "../../scripts/find-chromium.mjs";
import { importMarkdown } from "../support/consultations";
import { createActor, uniqueEmail } from "../support/factories";
import { findPgBouncer, startPgBouncer, type PgBouncer } from "../support/pgbouncer";
import { openTestServer, type TestServer } from "../support/test-database";

/**
 * Two app instances (the production build, scripts/serve.ts) on one database,
 * as behind a load balancer: what one of them decides or stores, the other
 * honours. Both answer to the same public address and share NEXTAUTH_SECRET.
 * The second reaches the database through PgBouncer in transaction mode when
 * it is installed (CI installs it), as with a managed PostgreSQL's pooler.
 */
const root = path.resolve(import.meta.dirname, "../..");
const DRAFT = "# Access\n\n- Community networks need spectrum.\n- Affordable access for all.\n";
const COMMENTS_PER_MINUTE = 3;

type Instance = { url: string; process: ChildProcess };
let server: TestServer;
let instances: [Instance, Instance];
let slug: string;
let consultationId: string;
let messageIds: string[];
let browser: Browser | undefined;
let bouncer: PgBouncer | undefined;

beforeAll(async () => {
  server = await openTestServer();
  const databaseUrl = await server.createDatabase("consult_instances");
  await runMigrations(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  ({ slug, id: consultationId } = await importMarkdown(DRAFT, { open: true }));
  messageIds = (await db.message.findMany({ where: { consultationId }, orderBy: { number: "asc" }, select: { id: true } })).map((message) => message.id);
  const ports = [await freePort(), await freePort()] as const;
  const publicUrl = `http://localhost:${ports[0]}`;
  const pgbouncer = findPgBouncer();
  if (pgbouncer) bouncer = await startPgBouncer(pgbouncer, databaseUrl, { poolSize: 3 });
  else console.warn("two-instances.test.ts: no pgbouncer binary, so both instances connect directly.");
  // LISTEN (the cache's change feed) needs a session: behind the pooler it takes the direct address, as for migrations.
  const pooled: Record<string, string> = bouncer ? { DATABASE_URL: bouncer.url, DATABASE_POOLER: "transaction", DIRECT_DATABASE_URL: databaseUrl } : {};
  const [a, b] = await Promise.all([
    startInstance(ports[0], { DATABASE_URL: databaseUrl }, publicUrl, ports),
    startInstance(ports[1], { DATABASE_URL: databaseUrl, ...pooled }, publicUrl, ports),
  ]);
  instances = [a, b];
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all((instances ?? []).map((instance) => new Promise<void>((resolve) => (instance.process.exitCode !== null ? resolve() : instance.process.once("exit", () => resolve()).kill("SIGTERM")))));
  await bouncer?.stop();
  await disconnectDb();
  await server?.dropAll();
  await server?.stop();
});

/** One instance as a deployment runs it: the public address, the shared secret, both instances' host names allowed. */
async function startInstance(port: number, database: Record<string, string>, publicUrl: string, ports: readonly number[]): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/serve.ts")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      ...database,
      NEXTAUTH_URL: publicUrl,
      NEXTAUTH_SECRET: "two-instances-secret",
      CONSULT_ALLOWED_HOSTS: ports.map((each) => `localhost:${each}`).join(","),
      CONSULT_DEV_OUTBOX: "1",
      CONSULT_MAIL_LOG: "0",
      COMMENT_LIMIT_PER_MINUTE: String(COMMENTS_PER_MINUTE),
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the instance on ${port} exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/ready`).then((response) => response.ok, () => false)) return { url, process: child };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the instance on ${port} did not become ready within a minute`);
}

async function postComment(instance: Instance, token: string, options: { key: string; body: string; messageId?: string }) {
  const messageId = options.messageId ?? messageIds[0]!;
  const response = await fetch(`${instance.url}/api/v1/messages/${messageId}/comments`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": options.key },
    body: JSON.stringify({ body: options.body }),
  });
  const json = (await response.json()) as { id?: string; error?: { code: string } };
  return { status: response.status, id: json.id, code: json.error?.code };
}

/** Polls `path` on an instance until its text contains `text`; how long that took, or a failure after `withinMs`. */
async function appearsWithin(instance: Instance, pathname: string, text: string, withinMs: number) {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    const page = await fetch(`${instance.url}${pathname}`).then((response) => response.text());
    if (page.includes(text)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`"${text}" did not appear on ${instance.url}${pathname} within ${withinMs} ms`);
}

async function tokenFor() {
  return (await createAccessToken(await createActor(), { name: "Two instances" })).token;
}

describe("two app instances on one database", () => {
  it("replays an idempotency key sent to the other instance: one comment", async () => {
    const token = await tokenFor();
    const [a, b] = instances;
    const first = await postComment(a, token, { key: "same-key", body: "Once, whichever instance answers." });
    const again = await postComment(b, token, { key: "same-key", body: "Once, whichever instance answers." });
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 200, id: first.id });
    expect(await db.comment.count({ where: { idempotencyKey: "same-key" } })).toBe(1);
  });

  it("counts one rate limit across both instances", async () => {
    const token = await tokenFor();
    const statuses: number[] = [];
    for (let n = 0; n <= COMMENTS_PER_MINUTE; n++) {
      statuses.push((await postComment(instances[n % 2]!, token, { key: `limit-${n}`, body: `Comment ${n} of a busy minute.` })).status);
    }
    expect(statuses).toEqual([...Array(COMMENTS_PER_MINUTE).fill(201), 429]);
  });

  it("shows a comment written through one instance on the other's pages within 5 s", async () => {
    const token = await tokenFor();
    const body = `Seen everywhere ${Date.now()}`;
    expect((await postComment(instances[0], token, { key: "seen", body })).status).toBe(201);
    await appearsWithin(instances[1], `/api/v1/consultations/${slug}/comments`, body, 5_000);
    await appearsWithin(instances[1], `/consultations/${slug}/messages/1.1`, body, 5_000);
  });

  it("refuses a comment after the deadline on both instances, and stores nothing after it", async () => {
    const token = await tokenFor();
    const closesAt = new Date(Date.now() + 1_500);
    await db.consultation.update({ where: { id: consultationId }, data: { closesAt } });
    const before = await Promise.all(instances.map((instance, n) => postComment(instance, token, { key: `before-${n}`, body: "Just in time.", messageId: messageIds[1] })));
    expect(before.map((answer) => answer.status)).toEqual([201, 201]);
    await new Promise((resolve) => setTimeout(resolve, closesAt.getTime() - Date.now() + 50));
    const after = await Promise.all(instances.map((instance, n) => postComment(instance, token, { key: `after-${n}`, body: "Too late.", messageId: messageIds[1] })));
    expect(after.map((answer) => [answer.status, answer.code])).toEqual([[409, "DEADLINE_PASSED"], [409, "DEADLINE_PASSED"]]);
    expect(await db.comment.count({ where: { messageId: messageIds[1], createdAt: { gte: closesAt } } })).toBe(0);
  });

  it("redeems a sign-in code requested on one instance on the other, whose session the first honours", async () => {
    browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
    const context = await browser.newContext({ locale: "en-GB" });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const [a, b] = instances;
    const email = uniqueEmail("instances");

    await page.goto(`${a.url}/sign-in`);
    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await page.getByRole("heading", { name: "Check your e-mail" }).waitFor();
    const checkEmail = new URL(page.url());
    await expect.poll(() => db.outboxMessage.count({ where: { to: email } }), { timeout: 10_000 }).toBeGreaterThan(0);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
    const code = /(\d{3} \d{3})/.exec(mail.text)?.[1];
    expect(code, "the sign-in mail has a code").toBeTruthy();

    // The code is entered on the other instance's page.
    await page.goto(`${b.url}${checkEmail.pathname}${checkEmail.search}`);
    await page.getByLabel("Six-digit code").fill(code!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));

    // The session cookie (cookies do not tell ports apart) now goes to the first instance, which knows the session.
    const cookies = await context.cookies(b.url);
    expect(cookies.some((cookie) => cookie.name.includes("session-token"))).toBe(true);
    for (const instance of instances) {
      const response = await page.goto(`${instance.url}/account/profile`);
      expect(response?.status()).toBe(200);
      expect(new URL(page.url()).pathname, `signed in on ${instance.url}`).toBe("/account/profile");
    }
    await context.close();
  });
});
