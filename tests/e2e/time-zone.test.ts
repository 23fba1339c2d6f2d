import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readerTimeText } from "@/lib/time/reader-time";
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
      await page.waitForLoadState("load");
      expect(await deadline.locator(".local-time").count()).toBe(0);
      expect(await deadline.innerText()).toMatch(/\(UTC\)/);
      await expectNoSeriousA11yViolations(page);
      await context.close();
    }
  });

  it("tells a reader in another zone the deadline on their own clock, on the cached page without its scripts and with them", async () => {
    const slug = await consultationInUtc();
    const [{ closesAt }] = (await sql<{ closesAt: Date }>(`select "closesAt" from "Consultation" where slug = $1`, [slug])) as [{ closesAt: Date }];
    const expected = readerTimeText(closesAt.toISOString(), "UTC", "Your time:", "en", "Asia/Tokyo");
    expect(expected).toMatch(/^Your time: .+ \(GMT\+9\)$/);
    const context = await browser.newContext({ timezoneId: "Asia/Tokyo" });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });

    // Not signed in: the cached document, and no script of the app's downloaded or run.
    await page.goto(`/consultations/${slug}`);
    const response = await page.goto(`/consultations/${slug}`);
    expect(response?.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);
    await page.waitForLoadState("load");
    expect(await page.locator(".deadline .local-time").allInnerTexts()).toEqual([expected]);
    expect(scripts).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { next?: unknown }).next)).toBeUndefined();
    await expectNoSeriousA11yViolations(page);

    // Signed in: the page's scripts run and write the same line, once.
    await signInWithCode(page, uniqueEmail("tokyo"));
    await page.goto(`/consultations/${slug}`);
    await page.waitForFunction(() => Boolean((window as unknown as { next?: unknown }).next));
    await expect.poll(() => page.locator(".deadline .local-time").allInnerTexts()).toEqual([expected]);
    await context.close();
  });
});
