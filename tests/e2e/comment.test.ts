import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, giveProfile, launchBrowser, passageLines, signInWithCode, sql, uniqueEmail, withoutScriptsAs } from "./support/browser";

const browser = launchBrowser();

const DRAFT = `# Connectivity

- Peering and transit are vital for robust interconnection. Close cooperation between governments and private owners is essential.
- 全球海底电缆网络的韧性取决于主动规划、内置冗余以及快速响应事件的能力。
`;

/** An open consultation of its own for each test, created as the importer would (via SQL for speed). */
async function openConsultation() {
  const slug = `comment-e2e-${randomBytes(4).toString("hex")}`;
  const [consultation] = await sql<{ id: string }>(
    `insert into "Consultation" (id, slug, title, language, "opensAt", "closesAt", "referenceTimeZone", "publishedAt", "firstPublishedAt", "updatedAt")
     values ($1, $2, 'Comment test', 'en', now() - interval '1 day', now() + interval '7 days', 'Europe/Oslo', now(), now(), now()) returning id`,
    [`c-${slug}`, slug],
  );
  const section = `s-${slug}`;
  await sql(`insert into "Section" (id, "consultationId", position, number, heading, "updatedAt") values ($1, $2, 0, '1', 'Connectivity', now())`, [section, consultation!.id]);
  const lines = DRAFT.split("\n").filter((line) => line.startsWith("- ")).map((line) => line.slice(2));
  for (const [index, text] of lines.entries()) {
    const message = `m-${slug}-${index}`;
    await sql(`insert into "Message" (id, "consultationId", "sectionId", position, number, "updatedAt") values ($1, $2, $3, $4, $5, now())`, [
      message, consultation!.id, section, index, `1.${index + 1}`,
    ]);
    await sql(`insert into "MessageVersion" (id, "messageId", number, kind, text) values ($1, $2, 1, 'DRAFT', $3)`, [`v-${message}`, message, text]);
  }
  return { slug, id: consultation!.id };
}

async function participant(name: string, options: Parameters<typeof browser.newContext>[0] = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const email = uniqueEmail("commenter");
  await signInWithCode(page, email);
  await giveProfile(email, name);
  return { context, page };
}

/** The points of `passage`'s first and last characters in the message text; with `select`, also selects it (see passageLines). */
async function locatePassage(page: Page, passage: string, select = false) {
  const lines = await passageLines(page, passage, select);
  const first = lines[0]!;
  const last = lines.at(-1)!;
  return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
}

/** Drags the real mouse across `passage` inside the message text. */
async function selectWithMouse(page: Page, passage: string) {
  const box = await locatePassage(page, passage);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

/**
 * Selects as `select` does until the page's script has picked the selection
 * up (a selection made before the script runs is not seen: people select
 * again, and so does this).
 */
async function selectUntilQuotable(page: Page, select: () => Promise<unknown>) {
  const quote = page.getByRole("button", { name: "Quote the selected passage" });
  await expect
    .poll(async () => {
      await select();
      return quote.isVisible();
    })
    .toBe(true);
}

describe("annotating and commenting", () => {
  it("annotates by mouse, replies, agrees, edits and withdraws", async () => {
    const { slug } = await openConsultation();
    const author = await participant("Priya Author");
    const page = author.page;
    await page.goto(`/consultations/${slug}/messages/1.1`);
    await page.getByRole("heading", { name: "Message 1.1" }).waitFor();

    await selectUntilQuotable(page, () => selectWithMouse(page, "robust interconnection"));
    await page.getByRole("button", { name: "Quote the selected passage" }).click();
    expect(await page.getByLabel("Passage you comment on").inputValue()).toBe("robust interconnection");
    await page.getByLabel("Your comment", { exact: true }).fill("Say what “robust” means: two independent paths at least.");
    await page.getByRole("button", { name: "Publish comment" }).click();
    await page.getByText("Your comment has been published.").waitFor();

    const thread = page.getByRole("article", { name: /Priya Author/ });
    await thread.locator(".comment-body").getByText("Say what “robust” means").waitFor();
    expect(await page.locator("[data-message-text] mark").allInnerTexts()).toEqual(["robust interconnection"]);
    // The highlight's note and the thread link to each other.
    await page.getByRole("link", { name: "Comment 1 on the marked passage" }).click();
    expect(page.url()).toContain("#comment-");
    await thread.getByRole("link", { name: "On the passage:" }).click();
    expect(page.url()).toContain("#note-");
    await expectNoSeriousA11yViolations(page);

    const reader = await participant("Kofi Reader");
    await reader.page.goto(`/consultations/${slug}/messages/1.1`);
    const seen = reader.page.getByRole("article", { name: /Priya Author/ });
    await seen.getByRole("button", { name: "I agree" }).click();
    await seen.getByText("1 person agrees").waitFor();
    await reader.page.getByText("Reply", { exact: true }).click();
    await reader.page.getByLabel("Your reply").fill("Agreed, and name the IXPs.");
    await reader.page.getByRole("button", { name: "Publish reply" }).click();
    await reader.page.getByRole("article", { name: /Kofi Reader/ }).waitFor();
    await reader.page.getByLabel("Your comment", { exact: true }).fill("Add a sentence on funding.");
    await reader.page.getByRole("button", { name: "Publish comment" }).click();
    await reader.page.getByText("Your comment has been published.").waitFor();
    // Threads in another order: the newest, or the most agreed with, first.
    const threadAuthors = () => reader.page.locator("ol.threads > li > article .comment-author strong").allInnerTexts();
    const order = reader.page.getByRole("navigation", { name: "Order of comments" });
    await order.getByRole("link", { name: "Newest first" }).click();
    await reader.page.waitForURL(/order=newest/);
    expect(await threadAuthors()).toEqual(["Kofi Reader", "Priya Author"]);
    expect(await order.getByRole("link", { name: "Newest first" }).getAttribute("aria-current")).toBe("true");
    await order.getByRole("link", { name: "Most agreed with first" }).click();
    await reader.page.waitForURL(/order=agreed/);
    expect(await threadAuthors()).toEqual(["Priya Author", "Kofi Reader"]);

    await page.reload();
    await page.getByText("Agreed, and name the IXPs.").waitFor();
    await thread.getByText("Edit", { exact: true }).click();
    await thread.getByLabel("New text of your comment").fill("Say what “robust” means: at least two independent paths.");
    await thread.getByRole("button", { name: "Save the new text" }).click();
    await thread.getByText("Your comment has been updated.").waitFor();
    await thread.locator(".meta").getByText("edited", { exact: false }).waitFor();
    await thread.locator(".comment-body").getByText("at least two independent paths").waitFor();

    await thread.getByText("Withdraw", { exact: true }).click();
    await thread.getByRole("button", { name: "Withdraw this comment" }).click();
    await page.getByText("Withdrawn by its author.").waitFor();
    // Only the placeholder: the text never changed, so no "text changed", no quote, no highlight left behind.
    expect(await page.getByText(/Text changed/).count()).toBe(0);
    expect(await thread.getByText("robust interconnection").count()).toBe(0);
    expect(await page.locator("[data-message-text] mark").count()).toBe(0);
    // The reply stays in the thread.
    await page.getByText("Agreed, and name the IXPs.").waitFor();
    await expectNoSeriousA11yViolations(page);
    await author.context.close();
    await reader.context.close();
  });

  it("annotates with the keyboard alone by typing the passage, and keeps a draft across a reload", async () => {
    const { slug } = await openConsultation();
    const { context, page } = await participant("Lin Keyboard");
    await page.goto(`/consultations/${slug}/messages/1.2`);
    await page.getByLabel("Passage you comment on").focus();
    await page.keyboard.type("内置冗余");
    // Past the language of the text (their profile's, already chosen) to the comment itself.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("language");
    await page.keyboard.press("Tab");
    await page.keyboard.type("冗余需要跨区域的维修船队。");
    // Kept in this browser (not on the server) until it is sent.
    await page.waitForFunction(() => Object.values(localStorage).some((value) => value.includes("维修船队")));
    await page.reload();
    // Put back once the page's script runs.
    await expect.poll(() => page.getByLabel("Your comment", { exact: true }).inputValue()).toBe("冗余需要跨区域的维修船队。");
    expect(await page.getByLabel("Passage you comment on").inputValue()).toBe("内置冗余");

    await page.getByRole("button", { name: "Publish comment" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("Your comment has been published.").waitFor();
    expect(await page.locator("[data-message-text] mark").allInnerTexts()).toEqual(["内置冗余"]);
    // Sent: the draft is forgotten.
    expect(await page.evaluate(() => Object.values(localStorage).some((value) => value.includes("维修船队")))).toBe(false);
    await page.reload();
    expect(await page.getByLabel("Your comment", { exact: true }).inputValue()).toBe("");

    await page.getByLabel("Passage you comment on").fill("不在文中的段落");
    await page.getByLabel("Your comment", { exact: true }).fill("This should be refused.");
    await page.getByRole("button", { name: "Publish comment" }).click();
    await page.getByText("This passage is not in the message as it stands.", { exact: false }).waitFor();
    expect(await page.getByLabel("Your comment", { exact: true }).inputValue()).toBe("This should be refused.");
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });

  it("annotates on a touch screen: the quote button takes a tap without losing the selection", async () => {
    const { slug } = await openConsultation();
    const { context, page } = await participant("Amara Touch", { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    await page.goto(`/consultations/${slug}/messages/1.2`);
    await selectUntilQuotable(page, () => locatePassage(page, "快速响应事件的能力", true));
    await page.getByRole("button", { name: "Quote the selected passage" }).tap();
    expect(await page.getByLabel("Passage you comment on").inputValue()).toBe("快速响应事件的能力");
    await page.getByLabel("Your comment", { exact: true }).tap();
    await page.keyboard.type("请具体说明响应时间。");
    await page.getByRole("button", { name: "Publish comment" }).tap();
    await page.getByText("Your comment has been published.").waitFor();
    expect(await page.locator("[data-message-text] mark").allInnerTexts()).toEqual(["快速响应事件的能力"]);
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });

  it("refuses a comment once the deadline has passed and keeps the text on screen", async () => {
    const { slug, id } = await openConsultation();
    const { context, page } = await participant("Late Writer");
    await page.goto(`/consultations/${slug}/messages/1.1`);
    await page.getByLabel("Your comment", { exact: true }).fill("Written just as the clock ran out.");
    await sql(`update "Consultation" set "closesAt" = now() - interval '1 second' where id = $1`, [id]);
    await page.getByRole("button", { name: "Publish comment" }).click();
    await page.getByText(/The consultation closed on .*: it no longer accepts comments\./).waitFor();
    expect(await page.getByLabel("Your comment", { exact: true }).inputValue()).toBe("Written just as the clock ran out.");
    await page.getByText("Your text is still below", { exact: false }).waitFor();
    // The whole page agrees with the refusal: the header no longer says open, and nothing counts down.
    await page.getByText(/Comments closed on/).waitFor();
    expect(await page.getByText("Open for comment").count()).toBe(0);
    expect(await page.locator(".time-left").count()).toBe(0);
    expect(await page.getByLabel("Your comment", { exact: true }).inputValue()).toBe("Written just as the clock ran out.");

    // One clock on the page: the refusal names the same time, in the same zone, as the header.
    const closedAt = await page.locator(".deadline time").first().innerText();
    expect(await page.locator(".form-alert").innerText()).toContain(closedAt);

    // A reload takes the form away, not the text: it stays in view with a way to copy it.
    await page.reload();
    await page.getByText(/Comments closed on/).waitFor();
    expect(await page.getByLabel("Your comment", { exact: true }).count()).toBe(0);
    const kept = page.getByRole("region", { name: "Text kept in this browser" });
    await kept.getByText(`The consultation closed on ${closedAt}`, { exact: false }).waitFor();
    expect(await kept.getByLabel("Your unsent comment on message 1.1").inputValue()).toBe("Written just as the clock ran out.");
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await kept.getByRole("button", { name: "Copy the text" }).click();
    await kept.getByRole("status").getByText("Copied.").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("Written just as the clock ran out.");
    await expectNoSeriousA11yViolations(page);
    // Signed out, the browser reads everyone's cached page, whose scripts start for the text it keeps.
    await context.clearCookies();
    const cached = await page.reload();
    expect(cached?.headers()["x-nextjs-cache"]).toBeTruthy();
    expect(await kept.getByLabel("Your unsent comment on message 1.1").inputValue()).toBe("Written just as the clock ran out.");
    // Letting it go is the person's choice, and then it is gone for good.
    await kept.getByRole("button", { name: "Forget this text" }).click();
    await page.reload();
    await page.getByText(/Comments closed on/).waitFor();
    expect(await page.getByRole("region", { name: "Text kept in this browser" }).count()).toBe(0);
    await context.close();
  });

  it("shows a reply kept in the browser on a phone once the consultation has closed", async () => {
    const { slug, id } = await openConsultation();
    const { context, page } = await participant("Phone Replier", { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    await page.goto(`/consultations/${slug}/messages/1.1`);
    await page.getByLabel("Your comment", { exact: true }).fill("A first comment to reply to.");
    await page.getByRole("button", { name: "Publish comment" }).tap();
    await page.getByText("Your comment has been published.").waitFor();
    await page.getByText("Reply", { exact: true }).tap();
    await page.getByLabel("Your reply", { exact: true }).fill("A reply that will never be sent.");
    await sql(`update "Consultation" set "closesAt" = now() - interval '1 second' where id = $1`, [id]);
    await page.reload();
    const kept = page.getByRole("region", { name: "Text kept in this browser" });
    expect(await kept.getByLabel("Your unsent reply to Phone Replier").inputValue()).toBe("A reply that will never be sent.");
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });

  it("works without JavaScript: comments, and gives back the text of a comment or an edit refused at the deadline", async () => {
    const { slug, id } = await openConsultation();
    const signedIn = await participant("Plain Reader");
    const context = await withoutScriptsAs(browser, signedIn.context);
    await signedIn.context.close();
    const page = await context.newPage();
    await page.goto(`/consultations/${slug}/messages/1.1`);
    await page.getByLabel("Your comment", { exact: true }).fill("Sent from a browser without scripts.");
    await page.getByRole("button", { name: "Publish comment" }).click();
    const thread = page.getByRole("article", { name: /Plain Reader/ });
    await thread.locator(".comment-body").getByText("Sent from a browser without scripts.").waitFor();

    const close = () => sql(`update "Consultation" set "closesAt" = now() - interval '1 second' where id = $1`, [id]);
    await page.getByLabel("Your comment", { exact: true }).fill("One more thought, a second too late.");
    await close();
    await page.getByRole("button", { name: "Publish comment" }).click();
    await page.getByText(/The consultation closed on .*: it no longer accepts comments\./).waitFor();
    expect(await page.getByLabel("Your comment", { exact: true }).inputValue()).toBe("One more thought, a second too late.");

    await sql(`update "Consultation" set "closesAt" = now() + interval '1 day' where id = $1`, [id]);
    await page.goto(`/consultations/${slug}/messages/1.1`);
    await close();
    await thread.getByText("Edit", { exact: true }).click();
    await thread.getByLabel("New text").fill("A late change of mind.");
    await thread.getByRole("button", { name: "Save the new text" }).click();
    const refused = page.getByRole("article", { name: /Plain Reader/ });
    await refused.getByText(/The consultation closed on .*: it no longer accepts comments\./).waitFor();
    // The refusal has the focus, so the page opens on it however far down the form is.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/The consultation closed on/);
    expect(await refused.getByLabel("New text").inputValue()).toBe("A late change of mind.");
    expect(await refused.locator(".comment-body").innerText()).toBe("Sent from a browser without scripts.");
    await context.close();
  });
});
