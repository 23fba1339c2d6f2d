import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import postgres from "postgres";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { READER_VIEW_COOKIE } from "@/lib/auth/reader-view";
import { findChromium } from "../../../scripts/find-chromium.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const baseUrl = () => inject("baseUrl");

/** One headless Chromium per test file (Debian's, never a downloaded one). */
export function launchBrowser() {
  const state: { browser?: Browser } = {};
  beforeAll(async () => {
    state.browser = await chromium.launch({
      executablePath: findChromium() ?? undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  });
  afterAll(async () => {
    await state.browser?.close();
  });
  return {
    async newContext(options: Pick<BrowserContextOptions, "javaScriptEnabled" | "locale" | "hasTouch" | "isMobile" | "viewport" | "timezoneId"> = {}): Promise<BrowserContext> {
      const context = await state.browser!.newContext({ baseURL: baseUrl(), locale: "en-GB", ...options });
      context.setDefaultTimeout(10_000);
      return context;
    },
  };
}

type AxeResults = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };

/** Runs axe (WCAG 2.2 A/AA) on the page and fails on serious or critical violations. */
export async function expectNoSeriousA11yViolations(page: Page) {
  // Next.js streams a dynamic page's <title> after its first content: wait for it (every page must have one).
  await page.waitForFunction(() => document.title.trim() !== "");
  // Evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts without its nonce.
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => {
    const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } };
    return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
  });
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

/** The latest sign-in mail to an address, read from the development outbox page. */
export async function readSignInMail(context: BrowserContext, email: string) {
  const page = await context.newPage();
  // Receipts of comments reach the outbox too: a sign-in mail is the one with a code.
  const mail = page.getByRole("listitem").filter({ hasText: email }).filter({ hasText: /\d{3} \d{3}/ }).first().locator("pre");
  // The mail may still be on its way when the test asks (the form's answer and the outbox race): look again until it is there.
  await expect
    .poll(async () => {
      await page.goto("/dev/outbox");
      return mail.count();
    }, { timeout: 10_000 })
    .toBeGreaterThan(0);
  const text = await mail.innerText();
  await page.close();
  const link = /https?:\/\/\S+/.exec(text)?.[0];
  const code = /(\d{3} \d{3})/.exec(text)?.[1];
  if (!link || !code) throw new Error(`No sign-in mail for ${email} in the outbox`);
  return { link, code };
}

/** Signs in through the real pages with the code from the outbox; returns on the page the app lands on. */
export async function signInWithCode(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await page.getByRole("heading", { name: "Check your e-mail" }).waitFor();
  const { code } = await readSignInMail(page.context(), email);
  await page.getByLabel("Six-digit code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** Gives an existing account a role, as `npm run user:role` would. */
export async function setRole(email: string, role: "PARTICIPANT" | "SECRETARIAT" | "ADMIN") {
  const sql = postgres(inject("e2eDatabaseUrl"), { max: 1, onnotice: () => {} });
  try {
    await sql`update "User" set role = ${role}::"Role" where email = ${email}`;
  } finally {
    await sql.end();
  }
}

/** A complete stakeholder profile for an account, as the profile page would save it. */
export async function giveProfile(email: string, name: string) {
  const sql = postgres(inject("e2eDatabaseUrl"), { max: 1, onnotice: () => {} });
  try {
    await sql`update "User" set name = ${name} where email = ${email}`;
    await sql`insert into "StakeholderProfile" ("userId", "stakeholderGroup", region, country, "preferredLanguage", "codeOfConductAcceptedAt", "updatedAt")
              select id, 'TECHNICAL_COMMUNITY', 'ASIA_PACIFIC', 'NP', 'en', now(), now() from "User" where email = ${email}`;
  } finally {
    await sql.end();
  }
}

/** Runs SQL against the app's database (to move a deadline, say). */
export async function sql<T extends object>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = postgres(inject("e2eDatabaseUrl"), { max: 1, onnotice: () => {} });
  try {
    return (await client.unsafe(text, values as never[])) as unknown as T[];
  } finally {
    await client.end();
  }
}

/**
 * What a test writes behind the app's back (SQL) reaches the cached public
 * pages when it is announced, as the app's own writes are (lib/cache/change-feed.ts).
 */
export async function publicPagesCatchUp() {
  await sql(`select pg_notify('consult_public_pages', 'content')`);
  await new Promise((resolve) => setTimeout(resolve, 500));
}

export const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;

/**
 * A browser without scripts that is signed in as `signedIn` is: its session
 * cookies, without the hint that only scripts set (lib/auth/reader-view.ts).
 */
export async function withoutScriptsAs(browser: ReturnType<typeof launchBrowser>, signedIn: BrowserContext) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies((await signedIn.cookies()).filter((cookie) => cookie.name !== READER_VIEW_COOKIE));
  return context;
}

/**
 * The boxes of `passage`'s lines in the message text (viewport coordinates, in
 * line order); with `select`, it is also selected, as a long press and a drag
 * of the selection handles would (headless Chromium makes no selection from
 * synthetic touches).
 */
export function passageLines(page: Page, passage: string, select = false) {
  return page.locator("[data-message-text]").evaluate(
    (element, { wanted, select }) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        if (select) {
          document.getSelection()!.removeAllRanges();
          document.getSelection()!.addRange(range);
        }
        return [...range.getClientRects()].map(({ left, right, top, bottom, height }) => ({ left, right, top, bottom, height }));
      }
      throw new Error(`not in the text: ${wanted}`);
    },
    { wanted: passage, select },
  );
}
