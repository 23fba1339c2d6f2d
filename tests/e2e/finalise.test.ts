import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, launchBrowser, setRole, signInWithCode, sql, uniqueEmail } from "./support/browser";

const browser = launchBrowser();

const CAMPAIGN = "Protect encryption for everyone, without backdoors.";

/** A consultation that closed an hour ago: two messages, a campaign's two copies, an annotation, and a comment on 1.2. */
async function closedConsultation() {
  const key = randomBytes(4).toString("hex");
  const slug = `finalise-e2e-${key}`;
  const id = (label: string) => `${label}-${key}`;
  await sql(
    `insert into "Consultation" (id, slug, title, language, "opensAt", "closesAt", "referenceTimeZone", "publishedAt", "firstPublishedAt", "updatedAt")
     values ($1, $2, 'Finalise test', 'en', now() - interval '7 days', now() - interval '1 hour', 'UTC', now() - interval '7 days', now() - interval '7 days', now())`,
    [id("c"), slug],
  );
  await sql(`insert into "Section" (id, "consultationId", position, number, heading, "updatedAt") values ($1, $2, 0, '1', 'Trust', now())`, [id("s"), id("c")]);
  for (const [index, text] of ["Trust is built on transparency.", "Cables cross borders."].entries()) {
    await sql(`insert into "Message" (id, "consultationId", "sectionId", position, number, "updatedAt") values ($1, $2, $3, $4, $5, now())`, [
      id(`m${index}`), id("c"), id("s"), index, `1.${index + 1}`,
    ]);
    await sql(`insert into "MessageVersion" (id, "messageId", number, kind, text) values ($1, $2, 1, 'DRAFT', $3)`, [id(`v${index}`), id(`m${index}`), text]);
  }
  const comments: [string, number, string, string, [number, number] | null][] = [
    ["Ana", 0, CAMPAIGN, "ana", null],
    ["Bo", 0, `${CAMPAIGN.toUpperCase()}!`, "bo", null],
    ["Carla", 0, "Transparency alone is not enough: name the auditors.", "carla", [18, 30]],
    ["Dev", 1, "Repair ships are scarce.", "dev", null],
  ];
  for (const [name, message, body, label, quote] of comments) {
    await sql(`insert into "User" (id, email, name, "updatedAt") values ($1, $2, $3, now())`, [id(label), uniqueEmail(label), name]);
    await sql(
      `insert into "Comment" (id, "messageId", "messageVersionId", "authorId", body, "authorName", "authorStakeholderGroup", "authorRegion", "authorCountry",
                              "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "createdAt", "updatedAt")
       values ($1, $2, $3, $4, $5, $6, 'CIVIL_SOCIETY', 'AFRICA', 'KE', $7, $8, $9, $10, $11, now() - interval '2 days', now())`,
      [
        id(`k-${label}`), id(`m${message}`), id(`v${message}`), id(label), body, name,
        quote ? "transparency" : null, quote ? "Trust is built on " : null, quote ? "." : null, quote?.[0] ?? null, quote?.[1] ?? null,
      ],
    );
  }
  return slug;
}

/** An anonymous visitor reads the published outcome, its changes and dispositions, and the statistics. */
async function readOutcomeAnonymously(slug: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`/consultations/${slug}`);
  await page.getByRole("link", { name: "Read the final outcome" }).click();
  await page.getByRole("heading", { level: 1, name: "Final outcome" }).waitFor();

  const first = page.getByRole("article", { name: "Message 1.1" });
  await first.getByText("Trust is built on transparency and named, independent auditors.", { exact: true }).waitFor();
  await first.getByText("Changes from the draft").click();
  expect(await first.locator("ins").innerText()).toContain("and named, independent auditors");
  const table = first.getByRole("table", { name: "Comments on message 1.1 and how each was handled" });
  const carla = table.getByRole("row").filter({ hasText: "Carla" });
  await carla.getByRole("cell", { name: "Not incorporated" }).waitFor();
  await carla.getByRole("cell", { name: "The auditors are named in message 1.2." }).waitFor();
  expect(await table.getByRole("row").filter({ hasText: "Noted" }).count()).toBe(2);
  const second = page.getByRole("article", { name: "Message 1.2" });
  await second.getByText("Cables cross borders.", { exact: true }).waitFor();
  await second.getByRole("row").filter({ hasText: "Dev" }).getByRole("cell", { name: "Incorporated", exact: true }).waitFor();
  await expectNoSeriousA11yViolations(page);

  // The changes in place, without JavaScript's help: a link, not a script.
  await page.getByRole("link", { name: "Changes from the draft" }).click();
  await page.getByRole("article", { name: "Message 1.1" }).locator("ins").first().waitFor();
  // From the cached outcome to the one rendered for the request (a query): another layout tree, whose <title> comes with the navigation's last chunk.
  await page.waitForFunction(() => document.title.trim() !== "");
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/consultations/${slug}`);
  await page.getByRole("link", { name: "Statistics" }).click();
  await page.getByRole("heading", { level: 1, name: "Participation statistics" }).waitFor();
  // Four people from one group and region: too few to show, so the cell says so.
  const participants = page.getByRole("table", { name: /^Participants: stakeholder groups/ });
  await participants.getByRole("row", { name: /Civil society/ }).getByText("fewer than 5").first().waitFor();
  await page.getByRole("table", { name: /by the secretariat.s decision/ }).first().getByRole("row", { name: /Noted/ }).waitFor();
  await expectNoSeriousA11yViolations(page);
  await context.close();
}

describe("finalising a consultation", () => {
  it("answers comments one by one and a duplicate group at once, writes a final text, publishes, and the public reads the outcome and statistics", async () => {
    const slug = await closedConsultation();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const email = uniqueEmail("secretariat");
    await signInWithCode(page, email);
    await setRole(email, "SECRETARIAT");

    await page.goto(`/admin/consultations/${slug}`);
    await page.getByRole("link", { name: "Finalise: dispositions, final texts and the outcome" }).click();
    await page.getByRole("heading", { level: 1, name: "Finalise" }).waitFor();
    await page.getByText("0 of 4 comments answered").waitFor();
    await page.getByText("2 comments with the same text").waitFor();
    await page.getByRole("link", { name: "Message 1.1", exact: true }).click();

    await page.getByRole("heading", { level: 1, name: "Finalise message 1.1" }).waitFor();
    expect(await page.locator("mark").first().textContent()).toBe("transparency");
    await expectNoSeriousA11yViolations(page);

    // One comment: "not incorporated" needs a rationale; the choice stays when it is refused.
    const carla = page.getByRole("article", { name: /Comment by Carla/ });
    await carla.getByText("Answer", { exact: true }).click();
    const form = carla.getByRole("form", { name: "Disposition of the comment by Carla" });
    await form.getByLabel("Not incorporated").check();
    await form.getByRole("button", { name: "Save the disposition" }).click();
    await form.getByText("Give a rationale: it is required when a comment is not incorporated, partly incorporated or out of scope.").waitFor();
    expect(await form.getByLabel("Not incorporated").isChecked()).toBe(true);
    await form.getByLabel("Rationale (public)").fill("The auditors are named in message 1.2.");
    await form.getByRole("button", { name: "Save the disposition" }).click();
    await carla.getByText(/— The auditors are named in message 1\.2\./).waitFor();

    // The campaign's copies: select the group, one disposition for both.
    await page.getByRole("link", { name: "Select group 1 for one disposition" }).click();
    await page.getByText("2 comments of the group are ticked.").waitFor();
    expect(await page.getByRole("checkbox", { name: "Select the comment by Ana" }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: "Select the comment by Carla" }).isChecked()).toBe(false);
    const bulk = page.getByRole("form", { name: "One disposition for the ticked comments" });
    await bulk.getByLabel("Noted").check();
    await bulk.getByRole("button", { name: "Save for the ticked comments" }).click();
    await page.getByText("Disposition saved for 2 comments.").waitFor();

    await page.getByLabel("Final text of the message").fill("Trust is built on transparency and named, independent auditors.");
    await page.getByRole("button", { name: "Save the final text" }).click();
    await page.getByText("Final text saved.").waitFor();
    await page.reload();
    await page.getByText("Final text written (version 2).").waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("link", { name: "Message 1.2" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Finalise message 1.2" }).waitFor();
    const dev = page.getByRole("article", { name: /Comment by Dev/ });
    await dev.getByText("Answer", { exact: true }).click();
    await dev.getByLabel("Incorporated", { exact: true }).check();
    await dev.getByRole("button", { name: "Save the disposition" }).click();
    await dev.getByText("Disposition saved for 1 comment.").waitFor();

    await page.goto(`/admin/consultations/${slug}/finalise`);
    await page.getByText("4 of 4 comments answered").waitFor();
    await page.getByText("Kept messages without a final text are published as drafted: 1.2.").waitFor();
    await page.getByRole("button", { name: "Publish the outcome" }).click();
    // The page comes back final: no publish form, the corrections instead.
    await page.getByRole("heading", { name: "Corrections" }).waitFor();
    await page.getByText(/outcome published/).waitFor();
    await page.getByText("No corrections so far.").waitFor();
    await context.close();

    await readOutcomeAnonymously(slug);
  }, 180_000);
});
