import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, giveProfile, launchBrowser, setRole, signInWithCode, sql, uniqueEmail } from "./support/browser";

const browser = launchBrowser();

async function openConsultation() {
  const slug = `premod-e2e-${randomBytes(4).toString("hex")}`;
  await sql(
    `insert into "Consultation" (id, slug, title, language, "opensAt", "closesAt", "referenceTimeZone", "publishedAt", "firstPublishedAt", "updatedAt")
     values ($1, $2, 'Moderated test', 'en', now() - interval '1 day', now() + interval '7 days', 'UTC', now(), now(), now())`,
    [`c-${slug}`, slug],
  );
  await sql(`insert into "Section" (id, "consultationId", position, number, heading, "updatedAt") values ($1, $2, 0, '1', 'Access', now())`, [`s-${slug}`, `c-${slug}`]);
  await sql(`insert into "Message" (id, "consultationId", "sectionId", position, number, "updatedAt") values ($1, $2, $3, 0, '1.1', now())`, [`m-${slug}`, `c-${slug}`, `s-${slug}`]);
  await sql(`insert into "MessageVersion" (id, "messageId", number, kind, text) values ($1, $2, 1, 'DRAFT', 'Community networks need spectrum.')`, [`v-${slug}`, `m-${slug}`]);
  return slug;
}

describe("pre-moderation and the author's view of moderation", () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    it(`holds comments for approval, shows the author theirs, and takes an appeal at ${viewport.width}px`, async () => {
      const slug = await openConsultation();
      const secretariat = await browser.newContext({ viewport });
      const admin = await secretariat.newPage();
      const secretariatEmail = uniqueEmail("secretariat");
      await signInWithCode(admin, secretariatEmail);
      await setRole(secretariatEmail, "SECRETARIAT");
      await admin.goto(`/admin/consultations/${slug}`);
      await admin.getByText("Pre-moderation is off: new comments are published at once.").waitFor();
      await admin.getByText("Change the moderation setting").click();
      const moderation = admin.getByRole("form", { name: "Moderation" });
      await moderation.getByRole("checkbox", { name: "Pre-moderation: new comments wait for a moderator's approval" }).check();
      await moderation.getByRole("button", { name: "Save moderation setting" }).click();
      await admin.getByText("Saved.").waitFor();
      await admin.reload();
      await admin.getByText("Pre-moderation is on: new comments wait for approval.").waitFor();
      await admin.getByText("Change the moderation setting").click();
      expect(await moderation.getByRole("checkbox", { name: /Pre-moderation/ }).isChecked()).toBe(true);
      await expectNoSeriousA11yViolations(admin);

      const participant = await browser.newContext({ viewport });
      const page = await participant.newPage();
      const email = uniqueEmail("author");
      await signInWithCode(page, email);
      await giveProfile(email, "Asha Author");
      await page.goto(`/consultations/${slug}/messages/1.1`);
      await page.getByLabel("Your comment", { exact: true }).fill("Spectrum for community networks should be free.");
      await page.getByRole("button", { name: "Publish comment" }).click();
      await page.getByText(/is waiting for the moderators' approval: others will see it once it is approved\. Your receipt number: C-/).waitFor();
      const own = page.getByRole("article", { name: "Asha Author" });
      await own.getByText("Waiting for the moderators' approval").waitFor();
      await own.getByText("Spectrum for community networks should be free.").waitFor();
      await expectNoSeriousA11yViolations(page);

      // Nobody else sees it.
      const reader = await (await browser.newContext({ viewport })).newPage();
      await reader.goto(`/consultations/${slug}/messages/1.1`);
      await reader.getByRole("heading", { level: 1 }).waitFor();
      expect(await reader.getByText("Spectrum for community networks should be free.").count()).toBe(0);

      // A moderator hides it (the queue is another page): the author finds it, with the reason, on their account page and appeals once.
      const [comment] = await sql<{ id: string }>(`select id from "Comment" where "messageId" = $1`, [`m-${slug}`]);
      await sql(`update "Comment" set status = 'HIDDEN', "moderatedAt" = now(), "moderationReason" = 'OFF_TOPIC', "moderationNote" = 'Not about this message.' where id = $1`, [comment!.id]);
      await sql(
        `insert into "ModerationAction" (id, action, "commentId", "moderatorId", "reasonCategory", "publicReason") select $1, 'HIDE_COMMENT', $2, id, 'OFF_TOPIC', 'Not about this message.' from "User" where email = $3`,
        [`a-${slug}`, comment!.id, secretariatEmail],
      );
      await page.goto("/account");
      const section = page.getByRole("region", { name: "Your comments under moderation" });
      await section.getByText("Hidden by the moderators").waitFor();
      await section.getByText(/Off-topic — Not about this message\./).waitFor();
      await section.getByText("Appeal", { exact: true }).click();
      await section.getByLabel("Why should your comment be published again?").fill("It is about spectrum, as the message is.");
      await section.getByRole("button", { name: "Send appeal" }).click();
      // The form gives way to the appeal's state, announced where the form was.
      await section.getByRole("status").getByText("You appealed: the moderators have not decided yet.").waitFor();
      await page.reload();
      await section.getByText("You appealed: the moderators have not decided yet.").waitFor();
      expect(await section.getByRole("button", { name: "Send appeal" }).count()).toBe(0);
      await expectNoSeriousA11yViolations(page);
      await participant.close();
      await secretariat.close();
    }, 120_000);
  }
});
