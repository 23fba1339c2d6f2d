import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, launchBrowser, setRole, signInWithCode, sql, uniqueEmail } from "./support/browser";

const browser = launchBrowser();

/** A consultation with the stored default reference zone (UTC), open for a week. */
async function consultationInUtc() {
  const slug = `utc-e2e-${randomBytes(4).toString("hex")}`;
  await sql(
    `insert into "Consultation" (id, slug, title, language, "opensAt", "closesAt", "publishedAt", "firstPublishedAt", "updatedAt")
     values ($1, $2, 'UTC test', 'en', now() - interval '1 day', date_trunc('minute', now() + interval '7 days'), now(), now(), now())`,
    [`c-${slug}`, slug],
  );
  return slug;
}

describe("the reference time zone", () => {
  it("shows and saves the stored default, UTC, as it is, and tells a reader on UTC the deadline once", async () => {
    const slug = await consultationInUtc();
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const email = uniqueEmail("secretariat");
      await signInWithCode(page, email);
      await setRole(email, "SECRETARIAT");
      await page.goto(`/admin/consultations/${slug}`);
      const schedule = page.getByRole("form", { name: "Comment period" });
      const zone = schedule.getByLabel("Reference time zone");
      expect(await zone.inputValue()).toBe("UTC");
      await expectNoSeriousA11yViolations(page);
      await schedule.getByRole("button", { name: "Save the comment period" }).click();
      await schedule.getByText("Saved.").waitFor();
      const [stored] = await sql<{ referenceTimeZone: string }>(`select "referenceTimeZone" from "Consultation" where slug = $1`, [slug]);
      expect(stored!.referenceTimeZone).toBe("UTC");

      // The headless browser's own zone is UTC too: one time, not the same instant twice.
      await page.goto(`/consultations/${slug}`);
      const deadline = page.locator(".deadline").first();
      await deadline.waitFor();
      await page.waitForFunction(() => Boolean((window as unknown as { next?: unknown }).next));
      expect(await deadline.locator(".local-time").count()).toBe(0);
      expect(await deadline.innerText()).toMatch(/\(UTC\)/);
      await expectNoSeriousA11yViolations(page);
      await context.close();
    }
  });
});
