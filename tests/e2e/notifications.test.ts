import { randomBytes } from "node:crypto";
import type { BrowserContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, giveProfile, launchBrowser, signInWithCode, sql, uniqueEmail } from "./support/browser";

const browser = launchBrowser();

async function openConsultation() {
  const slug = `notify-e2e-${randomBytes(4).toString("hex")}`;
  const [consultation] = await sql<{ id: string }>(
    `insert into "Consultation" (id, slug, title, language, "opensAt", "closesAt", "referenceTimeZone", "publishedAt", "firstPublishedAt", "updatedAt")
     values ($1, $2, 'Follow test', 'en', now() - interval '1 day', now() + interval '7 days', 'UTC', now(), now(), now()) returning id`,
    [`c-${slug}`, slug],
  );
  await sql(`insert into "Section" (id, "consultationId", position, number, heading, "updatedAt") values ($1, $2, 0, '1', 'Access', now())`, [`s-${slug}`, consultation!.id]);
  await sql(`insert into "Message" (id, "consultationId", "sectionId", position, number, "updatedAt") values ($1, $2, $3, 0, '1.1', now())`, [`m-${slug}`, consultation!.id, `s-${slug}`]);
  await sql(`insert into "MessageVersion" (id, "messageId", number, kind, text) values ($1, $2, 1, 'DRAFT', 'Community networks need spectrum.')`, [`v-${slug}`, `m-${slug}`]);
  return slug;
}

/** The text of the newest mail to `email` that contains `wanted`, once the worker has sent it to the development outbox. */
async function mailText(context: BrowserContext, email: string, wanted: string) {
  const page = await context.newPage();
  const mail = page.getByRole("listitem").filter({ hasText: email }).filter({ hasText: wanted }).first().locator("pre");
  await expect
    .poll(async () => {
      await page.goto("/dev/outbox");
      return mail.count();
    }, { timeout: 20_000 })
    .toBeGreaterThan(0);
  const text = await mail.innerText();
  await page.close();
  return text;
}

describe("receipts, following and e-mail settings", () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    it(`work without retyping anything at ${viewport.width}px`, async () => {
      const slug = await openConsultation();
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const email = uniqueEmail("follower");
      await signInWithCode(page, email);
      await giveProfile(email, "Mei Follower");

      await page.goto(`/consultations/${slug}`);
      await page.getByRole("button", { name: "Follow" }).click();
      await page.getByText("You now follow this consultation.").waitFor();
      await page.getByRole("button", { name: "Unfollow" }).waitFor();
      await expectNoSeriousA11yViolations(page);

      await page.goto(`/consultations/${slug}/messages/1.1`);
      await page.getByLabel("Your comment", { exact: true }).fill("Name the spectrum bands.");
      await page.getByRole("button", { name: "Publish comment" }).click();
      const success = page.getByText(/Your comment has been published\. Your receipt number: C-[2-9A-Z]{4}-[2-9A-Z]{4}\./);
      await success.waitFor();
      const receipt = /C-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(await success.innerText())![0];

      await page.goto("/account");
      const settings = page.getByRole("region", { name: "E-mail notifications" });
      await settings.getByRole("radio", { name: "One daily summary" }).check();
      await settings.getByRole("checkbox", { name: "Replies to my comments" }).check();
      await settings.getByRole("button", { name: "Save e-mail settings" }).click();
      await settings.getByText("Your e-mail settings have been saved.").waitFor();
      await page.reload();
      expect(await settings.getByRole("radio", { name: "One daily summary" }).isChecked()).toBe(true);
      await settings.getByRole("link", { name: "Follow test" }).waitFor();
      await expectNoSeriousA11yViolations(page);

      // The receipt mail, sent by the worker, and its unsubscribe link: a page with a button, not an unsubscribe on opening.
      const text = await mailText(context, email, receipt);
      expect(text).toContain("Name the spectrum bands.");
      const link = /https?:\/\/\S+\/unsubscribe\/\S+/.exec(text)![0];
      await page.goto(link);
      await page.getByText("Stop receipts for your comments?").waitFor();
      await expectNoSeriousA11yViolations(page);
      await page.getByRole("button", { name: "Unsubscribe" }).click();
      await page.getByText(/^Done: you will not receive these e-mails any more/).waitFor();
      await page.goto("/account");
      expect(await settings.getByRole("checkbox", { name: "A receipt for each of my comments" }).isChecked()).toBe(false);
      await context.close();
    });
  }
});
