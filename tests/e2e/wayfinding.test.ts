import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, giveProfile, launchBrowser, signInWithCode, sql, uniqueEmail } from "./support/browser";

const browser = launchBrowser();
const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
] as const;

const SOURCE = "https://www.intgovforum.org/en/igf-2025";

/**
 * An open Chinese consultation whose messages run through a subsection:
 * 1.1, 1.2 (section 1), 1.3.1 (its subsection 1.3), 2.1 (section 2).
 */
async function chineseConsultation() {
  const slug = `wayfinding-e2e-${randomBytes(4).toString("hex")}`;
  const id = `c-${slug}`;
  await sql(
    `insert into "Consultation" (id, slug, title, language, "opensAt", "closesAt", "referenceTimeZone", "publishedAt", "firstPublishedAt", "updatedAt")
     values ($1, $2, '互联网治理论坛信息', 'zh', now() - interval '1 day', date_trunc('minute', now() + interval '7 days'), 'Europe/Oslo', now(), now(), now())`,
    [id, slug],
  );
  const sections = [
    { key: "s1", parent: null, position: 0, number: "1", heading: "连通性", introduction: `各场会议的记录见${SOURCE}。` },
    { key: "s13", parent: "s1", position: 0, number: "1.3", heading: "海底电缆", introduction: "" },
    { key: "s2", parent: null, position: 1, number: "2", heading: "人权", introduction: "" },
  ];
  for (const section of sections) {
    await sql(
      `insert into "Section" (id, "consultationId", "parentId", position, number, heading, introduction, "updatedAt") values ($1, $2, $3, $4, $5, $6, $7, now())`,
      [`${section.key}-${slug}`, id, section.parent && `${section.parent}-${slug}`, section.position, section.number, section.heading, section.introduction],
    );
  }
  const messages = [
    { section: "s1", position: 0, number: "1.1", text: "对等互联和中转对稳健的互联至关重要。" },
    { section: "s1", position: 1, number: "1.2", text: "政府与私营所有者之间的密切合作必不可少。" },
    { section: "s13", position: 0, number: "1.3.1", text: "全球海底电缆网络的韧性取决于主动规划。" },
    { section: "s2", position: 0, number: "2.1", text: "人权在网上同样适用。" },
  ];
  for (const message of messages) {
    const messageId = `m-${message.number}-${slug}`;
    await sql(`insert into "Message" (id, "consultationId", "sectionId", position, number, "updatedAt") values ($1, $2, $3, $4, $5, now())`, [
      messageId, id, `${message.section}-${slug}`, message.position, message.number,
    ]);
    await sql(`insert into "MessageVersion" (id, "messageId", number, kind, text) values ($1, $2, 1, 'DRAFT', $3)`, [`v-${messageId}`, messageId, message.text]);
  }
  return slug;
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).innerText();

describe("finding one's way", () => {
  it("moves from message to message in document order, with the position and rel=prev/next", async () => {
    const slug = await chineseConsultation();
    for (const { viewport, ...options } of VIEWPORTS) {
      const context = await browser.newContext({ viewport, ...options });
      const page = await context.newPage();
      await page.goto(`/consultations/${slug}/messages/1.1`);
      const sequence = page.getByRole("navigation", { name: "Messages in order" });
      await sequence.getByText("Message 1 of 4").waitFor();
      expect(await sequence.getByRole("link", { name: /Previous/ }).count()).toBe(0);
      await expectNoSeriousA11yViolations(page);

      for (const [from, to, position] of [["1.1", "1.2", 2], ["1.2", "1.3.1", 3], ["1.3.1", "2.1", 4]] as const) {
        const next = sequence.getByRole("link", { name: `Next: message ${to}` });
        expect(await next.getAttribute("rel")).toBe("next");
        await next.click();
        await expect.poll(() => heading(page)).toBe(`Message ${to}`);
        await sequence.getByText(`Message ${position} of 4`).waitFor();
        const previous = sequence.getByRole("link", { name: `Previous: message ${from}` });
        expect(await previous.getAttribute("rel")).toBe("prev");
      }
      expect(await sequence.getByRole("link", { name: /Next/ }).count()).toBe(0);
      await expectNoSeriousA11yViolations(page);

      await sequence.getByRole("link", { name: "Previous: message 1.3.1" }).click();
      await expect.poll(() => heading(page)).toBe("Message 1.3.1");
      await context.close();
    }
  });

  it("reaches the consultations from the header and shows a favicon, numbered contents and linked introductions", async () => {
    const slug = await chineseConsultation();
    for (const { viewport, ...options } of VIEWPORTS) {
      const context = await browser.newContext({ viewport, ...options });
      const page = await context.newPage();
      await page.goto(`/consultations/${slug}`);
      const icon = await page.locator('head link[rel="icon"]').getAttribute("href");
      expect(icon).toMatch(/^\/icon\.svg/);
      expect((await page.request.get(icon!)).headers()["content-type"]).toMatch(/image\/svg\+xml/);

      // The contents list shows the sections' own numbers, and no generated ones before them.
      const contents = page.getByRole("navigation", { name: "Contents" });
      await contents.getByRole("link", { name: "1.3 海底电缆" }).waitFor();
      expect(await contents.getByRole("list").first().evaluate((list) => getComputedStyle(list).listStyleType)).toBe("none");
      expect(await contents.getByRole("listitem").count()).toBe(3);

      const source = page.getByRole("link", { name: SOURCE, exact: true });
      expect(await source.getAttribute("href")).toBe(SOURCE);
      expect(await source.getAttribute("rel")).toBe("nofollow ugc noopener");
      await expectNoSeriousA11yViolations(page);

      const header = page.getByRole("banner");
      await header.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Consultations" }).click();
      await page.waitForURL("**/consultations");
      await expect.poll(() => heading(page)).not.toBe("");
      await expectNoSeriousA11yViolations(page);
      await context.close();
    }
  });

  it("links each consultation's open data and explains the API on a page for developers", async () => {
    const slug = await chineseConsultation();
    for (const { viewport, ...options } of VIEWPORTS) {
      const context = await browser.newContext({ viewport, ...options });
      const page = await context.newPage();
      await page.goto(`/consultations/${slug}`);
      const openData = page.getByRole("region", { name: "Open data" });
      const json = openData.getByRole("link", { name: "This consultation as JSON" });
      expect(await json.getAttribute("href")).toBe(`/api/v1/consultations/${slug}`);
      const consultation = await (await page.request.get(`/api/v1/consultations/${slug}`)).json();
      expect(consultation.sections[0].messages.map((message: { number: string }) => message.number)).toEqual(["1.1", "1.2"]);
      const comments = openData.getByRole("link", { name: "Its comments (JSON)" });
      expect((await page.request.get((await comments.getAttribute("href"))!)).status()).toBe(200);
      const annotations = openData.getByRole("link", { name: "Its annotations (W3C Web Annotation)" });
      const collection = await page.request.get((await annotations.getAttribute("href"))!);
      expect(collection.headers()["content-type"]).toMatch(/application\/ld\+json/);
      expect((await collection.json()).type).toBe("AnnotationCollection");

      await openData.getByRole("link", { name: "How to use the API" }).click();
      await expect.poll(() => heading(page)).toBe("Open data and API");
      for (const name of ["Reading: no account needed", "Where message ids come from", "Writing with a personal access token", "Rate limits", "Errors"]) {
        await page.getByRole("heading", { level: 2, name }).waitFor();
      }
      await page.getByRole("rowheader", { name: "POST /api/v1/messages/{id}/comments" }).waitFor();
      await page.getByText("Comments: 10 a minute and 300 a day per person.").waitFor();
      await page.getByRole("link", { name: "Create a token on your account page" }).waitFor();
      await expectNoSeriousA11yViolations(page);

      await page.getByRole("contentinfo").getByRole("link", { name: "Open data and API" }).waitFor();
      await context.close();
    }
  });

  it("says which language the document is in when the words searched for are in another script", async () => {
    const slug = await chineseConsultation();
    for (const { viewport, ...options } of VIEWPORTS) {
      const context = await browser.newContext({ viewport, ...options });
      const page = await context.newPage();
      await page.goto(`/consultations/${slug}`);
      await page.getByRole("searchbox").fill("cable");
      await page.getByRole("searchbox").press("Enter");
      await page.getByRole("status").filter({ hasText: "Nothing found." }).waitFor();
      await page.getByText("This document is in Chinese").waitFor();
      await expectNoSeriousA11yViolations(page);

      await page.goto(`/consultations/${slug}/search?q=${encodeURIComponent("韧性")}`);
      await page.getByRole("status").filter({ hasText: "1 result" }).waitFor();
      expect(await page.getByText("This document is in Chinese").count()).toBe(0);

      // With results too: a Latin word the Chinese text contains.
      await sql(`update "MessageVersion" set text = text || ' ICANN' where "messageId" = $1`, [`m-2.1-${slug}`]);
      await page.goto(`/consultations/${slug}/search?q=ICANN`);
      await page.getByRole("status").filter({ hasText: "1 result" }).waitFor();
      await page.getByText("This document is in Chinese").waitFor();
      await context.close();
    }
  });

  it("sets Chinese dates with the zone after the time and no space after a full-width colon", async () => {
    const slug = await chineseConsultation();
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`/consultations/${slug}`);
    const meta = page.locator(".consultation-header .meta");
    await meta.waitFor();
    expect(await meta.innerText()).toMatch(/意见截止时间：\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}（GMT\+\d）/u);
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });

  it("shows a new token ready to copy, and keeps Sign out apart from the token form", async () => {
    for (const { viewport, ...options } of VIEWPORTS) {
      const context = await browser.newContext({ viewport, ...options });
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      const page = await context.newPage();
      const email = uniqueEmail("token-copier");
      await signInWithCode(page, email);
      await giveProfile(email, "Sami Lund");
      await page.goto("/account");
      const tokens = page.getByRole("region", { name: "Personal access tokens" });
      expect(await tokens.getByRole("button", { name: "Sign out" }).count()).toBe(0);
      await page.getByRole("banner").getByRole("button", { name: "Sign out" }).waitFor();

      await tokens.getByLabel("Name of the new token").fill("Our tool");
      await tokens.getByRole("button", { name: "Create token" }).click();
      const token = tokens.getByLabel("Your new token");
      await expect.poll(() => token.inputValue()).toMatch(/^cst_/);
      expect(await token.getAttribute("readonly")).not.toBeNull();
      await tokens.getByRole("button", { name: "Copy the token" }).click();
      await tokens.getByRole("status").filter({ hasText: "Copied." }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await token.inputValue());
      await expectNoSeriousA11yViolations(page);

      await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("banner").getByRole("link", { name: "Sign in" }).waitFor();
      await context.close();
    }
  });

  it("shows a new token without scripts, with no copy button that could not work", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const email = uniqueEmail("token-no-js");
    // Signing in needs no scripts either, but is quicker with them: sign in with them, then read without.
    const scripted = await browser.newContext();
    const signIn = await scripted.newPage();
    await signInWithCode(signIn, email);
    await context.addCookies(await scripted.cookies());
    await scripted.close();
    await giveProfile(email, "Noor Haddad");
    await page.goto("/account");
    const tokens = page.getByRole("region", { name: "Personal access tokens" });
    await tokens.getByLabel("Name of the new token").fill("Batch upload");
    await tokens.getByRole("button", { name: "Create token" }).click();
    const token = page.getByLabel("Your new token");
    await expect.poll(() => token.inputValue()).toMatch(/^cst_/);
    expect(await page.getByRole("button", { name: "Copy the token" }).count()).toBe(0);
    await context.close();
  });
});
