import type { BrowserContext, Page, Response } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { READER_VIEW_COOKIE } from "@/lib/auth/reader-view";
import { expectNoSeriousA11yViolations, giveProfile, launchBrowser, setRole, signInWithCode, sql, uniqueEmail } from "./support/browser";

// The lib/ helpers below reach the app's database through DATABASE_URL.
process.env.DATABASE_URL = inject("e2eDatabaseUrl");

const browser = launchBrowser();

/**
 * A signed-in participant reads the same cached documents as everyone
 * (lib/auth/reader-view.ts); their browser has the personal parts rendered
 * for them afterwards (components/personal/): the header, the Follow button,
 * the comment forms, their own comments awaiting review, what they agreed with.
 */
async function openConsultation() {
  const { importMarkdown } = await import("../support/consultations");
  const { slug, id } = await importMarkdown("# Reading\n\n- Community networks need spectrum.\n- Local content needs local hosting.\n", { open: true });
  return { slug, id };
}

async function signedIn(name: string, role: "PARTICIPANT" | "SECRETARIAT" = "PARTICIPANT") {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail("reader");
  await signInWithCode(page, email);
  await giveProfile(email, name);
  await setRole(email, role);
  // Any page rendered for the request tells the browser which pages it gets from now on.
  await page.goto("/account");
  return { context, page, email };
}

const hint = async (context: BrowserContext) => (await context.cookies()).find((cookie) => cookie.name === READER_VIEW_COOKIE)?.value ?? null;

/** The document as it came: from the cache (its scripts allowed by hash) or rendered for the request (by nonce). */
function fromCache(response: Response | null) {
  const policy = response?.headers()["content-security-policy"] ?? "";
  return { cached: response?.headers()["x-nextjs-cache"] !== undefined, byHash: policy.includes("'sha256-"), byNonce: policy.includes("'nonce-") };
}

function serverActions(page: Page) {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) posts.push(request.url());
  });
  return posts;
}

describe("a signed-in reader of the cached pages", () => {
  it("gets the cached document with their header, Follow button, comment form and own comments filled in", async () => {
    const { slug } = await openConsultation();
    const { context, page } = await signedIn("Noor Reader");
    await expect.poll(() => hint(context)).toBe("reader");

    const consultation = await page.goto(`/consultations/${slug}`);
    expect(fromCache(consultation)).toEqual({ cached: true, byHash: true, byNonce: false });
    // The cached document is everyone's: the reader's parts arrive after it.
    expect(await consultation!.text()).not.toContain("Noor Reader");
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    await page.getByRole("link", { name: "Your account" }).waitFor();
    await page.getByRole("button", { name: "Follow" }).click();
    await page.getByRole("button", { name: "Unfollow" }).waitFor();

    const [message] = await sql<{ id: string; number: string }>(`select m.id, m.number from "Message" m join "Consultation" c on c.id = m."consultationId" where c.slug = $1 order by m.position limit 1`, [slug]);
    const [user] = await sql<{ id: string }>(`select id from "User" where name = 'Noor Reader'`);
    // A comment of theirs held for review: theirs to see, nobody else's.
    await sql(
      `insert into "Comment" (id, "messageId", "messageVersionId", "authorId", body, status, "authorName", "authorStakeholderGroup", "authorRegion", "authorCountry", "updatedAt")
       select 'held-' || md5(random()::text), m.id, v.id, $2, 'Held for the moderators to read.', 'PENDING', 'Noor Reader', 'TECHNICAL_COMMUNITY', 'ASIA_PACIFIC', 'NP', now()
       from "Message" m join "MessageVersion" v on v."messageId" = m.id where m.id = $1`,
      [message!.id, user!.id],
    );
    const messagePath = `/consultations/${slug}/messages/${message!.number}`;
    const reading = await page.goto(messagePath);
    expect(fromCache(reading)).toEqual({ cached: true, byHash: true, byNonce: false });
    expect(await reading!.text()).not.toContain("Held for the moderators to read.");
    await page.getByText("Held for the moderators to read.").waitFor();
    await page.getByLabel("Your comment", { exact: true }).fill("Spectrum for community networks should be licence-exempt.");
    await page.getByRole("button", { name: "Publish comment" }).click();
    await page.getByText("Your comment has been published.").waitFor();
    // The answer to their own action is rendered for them: the new comment is there and has the focus.
    const mine = page.getByRole("article", { name: /Noor Reader/ }).filter({ hasText: "licence-exempt" });
    await mine.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^comment-/);
    await expectNoSeriousA11yViolations(page);

    // Still the cached document on the next visit, with their comment in it for everyone.
    const again = await page.goto(messagePath);
    expect(fromCache(again).cached).toBe(true);
    await page.getByLabel("Your comment", { exact: true }).waitFor();
    await page.getByText("Held for the moderators to read.").waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect(await hint(context)).toBeNull();
    await context.close();
  });

  it("answers a form on a page rendered for the request from that page, after the browser has become a reader's", async () => {
    const { slug } = await openConsultation();
    const { context, page } = await signedIn("Ines Reader");
    // As a browser that has not yet run the app's scripts since it signed in.
    await expect.poll(() => hint(context)).toBe("reader");
    // Off the app's pages first, so that no script of theirs sets it again.
    await page.goto("about:blank");
    await context.clearCookies({ name: READER_VIEW_COOKIE });
    const [message] = await sql<{ number: string }>(`select m.number from "Message" m join "Consultation" c on c.id = m."consultationId" where c.slug = $1 order by m.position limit 1`, [slug]);
    const first = await page.goto(`/consultations/${slug}/messages/${message!.number}`);
    expect(fromCache(first).cached).toBe(false);
    // The page's script marks the browser now; the form's answer must still be this page's.
    await expect.poll(() => hint(context)).toBe("reader");
    await page.getByLabel("Your comment", { exact: true }).fill("Written on the page rendered for me.");
    await page.getByRole("button", { name: "Publish comment" }).click();
    await page.getByText("Your comment has been published.").waitFor();
    await page.getByRole("article", { name: /Ines Reader/ }).locator(".comment-body").getByText("Written on the page rendered for me.").waitFor();
    await context.close();
  });

  it("costs a reader who is not signed in nothing but the document, and gives the secretariat its own pages", async () => {
    const { slug } = await openConsultation();
    const anonymous = await browser.newContext();
    const page = await anonymous.newPage();
    const posts = serverActions(page);
    expect(fromCache(await page.goto(`/consultations/${slug}`)).cached).toBe(true);
    await page.getByRole("link", { name: "Sign in to follow this consultation" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(posts).toEqual([]);
    await anonymous.close();

    const secretariat = await signedIn("Sam Secretariat", "SECRETARIAT");
    await expect.poll(() => hint(secretariat.context)).toBeNull();
    const own = await secretariat.page.goto(`/consultations/${slug}`);
    expect(fromCache(own)).toEqual({ cached: false, byHash: false, byNonce: true });
    await secretariat.page.getByRole("link", { name: "Secretariat", exact: true }).waitFor();
    // A hint left from when they were a participant: the page they get says otherwise, and they get their own pages again.
    await secretariat.context.addCookies([{ name: READER_VIEW_COOKIE, value: "reader", url: new URL(secretariat.page.url()).origin }]);
    await secretariat.page.goto(`/consultations/${slug}`);
    await expect.poll(() => hint(secretariat.context)).toBeNull();
    await secretariat.page.getByRole("link", { name: "Secretariat", exact: true }).waitFor();
    await secretariat.context.close();
  });
});
