import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, giveProfile, launchBrowser, setRole, signInWithCode, sql, uniqueEmail, withoutScriptsAs } from "./support/browser";

const browser = launchBrowser();
const PHONE = { width: 390, height: 844 };

/** An open consultation of its own, with one message, created as the importer would (via SQL for speed). */
async function openConsultation() {
  const slug = `moderation-e2e-${randomBytes(4).toString("hex")}`;
  const title = `Moderation ${slug}`;
  const [consultation] = await sql<{ id: string }>(
    `insert into "Consultation" (id, slug, title, language, "opensAt", "closesAt", "referenceTimeZone", "publishedAt", "firstPublishedAt", "updatedAt")
     values ($1, $2, $3, 'en', now() - interval '1 day', now() + interval '7 days', 'UTC', now(), now(), now()) returning id`,
    [`c-${slug}`, slug, title],
  );
  const section = `s-${slug}`;
  await sql(`insert into "Section" (id, "consultationId", position, number, heading, "updatedAt") values ($1, $2, 0, '1', 'Connectivity', now())`, [section, consultation!.id]);
  const message = `m-${slug}`;
  await sql(`insert into "Message" (id, "consultationId", "sectionId", position, number, "updatedAt") values ($1, $2, $3, 0, '1.1', now())`, [message, consultation!.id, section]);
  await sql(`insert into "MessageVersion" (id, "messageId", number, kind, text) values ($1, $2, 1, 'DRAFT', $3)`, [
    `v-${message}`,
    message,
    "Peering and transit are vital for robust interconnection.",
  ]);
  return { slug, title };
}

async function signedIn(label: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const email = uniqueEmail(label);
  await signInWithCode(page, email);
  return { context, page, email };
}

async function participant(name: string) {
  const person = await signedIn("participant");
  await giveProfile(person.email, name);
  return person;
}

/** A figure of the report's summary, by its term. */
const figure = (page: Page, term: string) => page.locator(".report-summary div").filter({ has: page.getByText(term, { exact: true }) }).locator("dd").innerText();

describe("moderation", () => {
  it("a reader reports a comment, the secretariat hides it from the queue, and the thread and the public report show it", async () => {
    const { slug, title } = await openConsultation();
    const path = `/consultations/${slug}/messages/1.1`;
    const author = await participant("Ana Author");
    await author.page.goto(path);
    await author.page.getByLabel("Your comment", { exact: true }).fill("Buy cheap cables now at cables.example!");
    await author.page.getByRole("button", { name: "Publish comment" }).click();
    await author.page.getByText("Your comment has been published.").waitFor();
    // Nobody reports their own comment.
    expect(await author.page.getByRole("article", { name: /Ana Author/ }).getByText("Report", { exact: true }).count()).toBe(0);

    // The public report for this consultation, before: nothing reported.
    const visitor = await browser.newContext();
    const report = await visitor.newPage();
    await report.goto("/");
    await report.getByRole("contentinfo").getByRole("link", { name: "Moderation report" }).click();
    await report.getByRole("heading", { name: "Moderation report", level: 1 }).waitFor();
    await report.getByLabel("Consultation", { exact: true }).selectOption({ label: title });
    await report.getByRole("button", { name: "Show" }).click();
    await report.waitForURL(/consultation=/);
    expect(await figure(report, "Reports received")).toBe("0");
    await expectNoSeriousA11yViolations(report);

    const reader = await participant("Ben Reader");
    await reader.page.goto(path);
    const comment = reader.page.getByRole("article", { name: /Ana Author/ });
    await comment.getByText("Report", { exact: true }).click();
    // The categories are explained, and lead to the code of participation.
    await comment.getByText("Advertising, links to sell something, or the same text posted again and again.").waitFor();
    expect(await comment.getByRole("link", { name: "Read the code of participation" }).getAttribute("href")).toBe("/code-of-participation#not-allowed");
    await comment.getByRole("radio", { name: "Spam or advertising" }).check();
    await comment.getByLabel("Note to the moderators").fill("Advertising for cables.");
    await expectNoSeriousA11yViolations(reader.page);
    await comment.getByRole("button", { name: "Send the report" }).click();
    await comment.getByText("Thank you: the moderators will look at this comment.").waitFor();
    // Twice is refused, with the reason.
    await reader.page.reload();
    await comment.getByText("Report", { exact: true }).click();
    await comment.getByRole("radio", { name: "Off-topic" }).check();
    await comment.getByRole("button", { name: "Send the report" }).click();
    await comment.locator(".form-alert").getByText("You have already reported this comment; the moderators will look at it.").waitFor();

    const secretariat = await signedIn("secretariat");
    await setRole(secretariat.email, "SECRETARIAT");
    const page = secretariat.page;
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Moderation" }).click();
    await page.getByRole("heading", { name: "Moderation queue", level: 1 }).waitFor();
    await page.getByLabel("Consultation", { exact: true }).selectOption({ label: title });
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/consultation=/);
    await page.getByRole("heading", { name: "1 comment waiting" }).waitFor();
    const item = page.getByRole("article", { name: /Comment by Ana Author/ });
    await item.getByText("Buy cheap cables now at cables.example!").waitFor();
    await item.getByRole("heading", { name: "1 open report" }).waitFor();
    await item.getByText("Advertising for cables.").waitFor();
    await item.locator(".flags").getByText("Spam or advertising", { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // At a phone's width the queue fits without sideways scrolling.
    await page.setViewportSize(PHONE);
    await page.reload();
    await item.getByRole("heading", { name: /Comment by Ana Author/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 1280, height: 800 });

    await item.getByText("Hide…", { exact: true }).click();
    await item.getByLabel("Category of the code of participation").selectOption({ label: "Spam or advertising" });
    await item.getByLabel("Public note").fill("Advertising, removed.");
    await item.getByRole("button", { name: "Hide the comment" }).click();
    // Decided: it leaves the queue.
    await page.getByRole("heading", { name: "Nothing waiting" }).waitFor();

    await reader.page.goto(path);
    await reader.page.getByText(/^Hidden by the moderators on .+ — reason: Spam or advertising\.$/).waitFor();
    await reader.page.getByText("Advertising, removed.").waitFor();
    expect(await reader.page.getByText("Buy cheap cables").count()).toBe(0);
    await expectNoSeriousA11yViolations(reader.page);

    await report.reload();
    expect(await figure(report, "Reports received")).toBe("1");
    expect(await figure(report, "Share of reports on comments the moderators hid")).toBe("100 %");
    const byReason = report.getByRole("table", { name: "Reports by reason" });
    expect(await byReason.getByRole("row", { name: /Spam or advertising/ }).getByRole("cell").innerText()).toBe("1");
    const actions = report.getByRole("table", { name: "Moderators' actions by kind and reason" });
    expect(await actions.getByRole("row", { name: /Hidden by a moderator/ }).getByRole("cell").allInnerTexts()).toEqual(["Spam or advertising", "1"]);
    expect(await report.getByRole("link", { name: "The same figures as JSON" }).getAttribute("href")).toBe(`/api/v1/moderation/report?consultation=${slug}`);
    await expectNoSeriousA11yViolations(report);

    await report.goto("/code-of-participation");
    await report.getByRole("heading", { name: "What is not allowed" }).waitFor();
    await report.getByText("Violent extremism or terrorist content").waitFor();
    await expectNoSeriousA11yViolations(report);

    await Promise.all([author.context.close(), reader.context.close(), secretariat.context.close(), visitor.close()]);
  }, 120_000);

  it("hides a flood of spam in one bulk decision, and an administrator finds it in the audit log and its CSV export", async () => {
    const { slug } = await openConsultation();
    const path = `/consultations/${slug}/messages/1.1`;
    const author = await participant("Sam Spammer");
    await author.page.goto(path);
    for (const text of ["Cheap cables here, first offer!", "Cheap cables here, second offer!"]) {
      await author.page.getByLabel("Your comment", { exact: true }).fill(text);
      await author.page.getByRole("button", { name: "Publish comment" }).click();
      await author.page.locator(".comment-body").getByText(text).waitFor();
    }
    const reader = await participant("Rita Reader");
    await reader.page.goto(path);
    for (const text of ["first offer", "second offer"]) {
      const comment = reader.page.getByRole("article", { name: /Sam Spammer/ }).filter({ hasText: text });
      await comment.getByText("Report", { exact: true }).click();
      await comment.getByRole("radio", { name: "Spam or advertising" }).check();
      await comment.getByRole("button", { name: "Send the report" }).click();
      await comment.getByText("Thank you: the moderators will look at this comment.").waitFor();
    }

    const admin = await signedIn("admin");
    await setRole(admin.email, "ADMIN");
    const page = admin.page;
    await page.goto(`/admin/moderation?consultation=${slug}`);
    await page.getByRole("heading", { name: "2 comments waiting" }).waitFor();
    expect(await page.getByLabel("Consultation", { exact: true }).inputValue()).toBe(slug);
    for (const text of ["first offer", "second offer"]) {
      await page.getByRole("article", { name: /Comment by Sam Spammer/ }).filter({ hasText: text }).getByRole("checkbox").check();
    }
    const bulk = page.getByRole("form", { name: "Decide on many at once" });
    await bulk.getByRole("radio", { name: "Hide them all" }).check();
    await bulk.getByLabel("Category of the code of participation").selectOption({ label: "Spam or advertising" });
    await bulk.getByLabel("Public note").fill("Repeated advertising.");
    await expectNoSeriousA11yViolations(page);
    await bulk.getByRole("button", { name: "Apply to the selected comments" }).click();
    await page.getByRole("heading", { name: "Nothing waiting" }).waitFor();
    await reader.page.reload();
    expect(await reader.page.getByText("Repeated advertising.").count()).toBe(2);

    await page.goto("/admin");
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("heading", { name: "Audit log", level: 1 }).waitFor();
    await page.getByLabel("Actor (e-mail address or user id)").fill(admin.email);
    await page.getByLabel("Action (e.g. comment.hidden)").fill("comment.hidden");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/action=comment\.hidden/);
    const events = page.getByRole("table", { name: "Audit events" });
    expect(await events.getByRole("row").filter({ hasText: "comment.hidden" }).count()).toBe(2);
    await expectNoSeriousA11yViolations(page);
    const href = await page.getByRole("link", { name: "Export these events as CSV" }).getAttribute("href");
    expect(href).toBe(`/admin/audit/export?${new URLSearchParams({ actor: admin.email, action: "comment.hidden" })}`);
    const csv = await page.request.get(href!);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString("utf8").split("\r\n").filter((line) => line.includes(",comment.hidden,Comment,"))).toHaveLength(2);

    // Not for the secretariat.
    await setRole(admin.email, "SECRETARIAT");
    expect((await page.request.get(href!)).status()).toBe(403);
    await Promise.all([author.context.close(), reader.context.close(), admin.context.close()]);
  }, 120_000);

  it("reports without JavaScript: 'Other' without a note is refused with the choice kept, then sent", async () => {
    const { slug } = await openConsultation();
    const path = `/consultations/${slug}/messages/1.1`;
    const author = await participant("Olu Author");
    await author.page.goto(path);
    await author.page.getByLabel("Your comment", { exact: true }).fill("A comment copied from elsewhere.");
    await author.page.getByRole("button", { name: "Publish comment" }).click();
    await author.page.getByText("Your comment has been published.").waitFor();
    const reader = await participant("Plain Reporter");
    const context = await withoutScriptsAs(browser, reader.context);
    await reader.context.close();
    const page = await context.newPage();
    await page.goto(path);
    const comment = page.getByRole("article", { name: /Olu Author/ });
    await comment.getByText("Report", { exact: true }).click();
    await comment.getByRole("radio", { name: "Other", exact: true }).check();
    await comment.getByRole("button", { name: "Send the report" }).click();
    const refused = page.getByRole("article", { name: /Olu Author/ });
    await refused.getByText("Say in a few words what is wrong with this comment.").waitFor();
    expect(await refused.getByRole("radio", { name: "Other", exact: true }).isChecked()).toBe(true);
    await refused.getByLabel("Note to the moderators").fill("Copied from another submission.");
    await refused.getByRole("button", { name: "Send the report" }).click();
    await page.getByRole("article", { name: /Olu Author/ }).getByText("Thank you: the moderators will look at this comment.").waitFor();
    await Promise.all([author.context.close(), context.close()]);
  }, 120_000);
});
