import path from "node:path";
import { describe, expect, it } from "vitest";
import { baseUrl, expectNoSeriousA11yViolations, launchBrowser, publicPagesCatchUp, setRole, signInWithCode, sql, uniqueEmail } from "./support/browser";

const browser = launchBrowser();
const fixtures = path.resolve(import.meta.dirname, "../fixtures");

/** A signed-in secretariat member (their profile is not needed to administer). */
async function secretariatPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail("secretariat");
  await signInWithCode(page, email);
  await setRole(email, "SECRETARIAT");
  return { context, page };
}

describe("the secretariat imports, publishes, and the public reads", () => {
  it("imports the IGF draft through the preview, publishes it and reads it anonymously", async () => {
    const { context, page } = await secretariatPage();
    const slug = `igf-e2e-${Date.now()}`;
    await page.goto("/admin");
    await page.getByRole("link", { name: "Import a draft document" }).click();
    await page.getByRole("heading", { name: "Import a draft document" }).waitFor();
    await page.getByLabel("File").setInputFiles(path.join(fixtures, "igf-2025-lillestrom-messages.zh.md"));
    await page.getByLabel("Address (slug)").fill(slug);
    await page.getByLabel("Title").fill("利勒斯特罗姆 IGF 信息");
    await page.getByLabel("Language of the document").selectOption("zh");
    await page.getByRole("button", { name: "Preview" }).click();

    await page.getByText("The import will create 30 sections and 92 messages.").waitFor();
    await page.getByText(/A table of contents \(\d+ lines with page numbers/).waitFor();
    expect(await page.getByRole("checkbox", { name: /looks like a page break/ }).count()).toBe(2);
    await expectNoSeriousA11yViolations(page);

    // Nothing is saved by the preview.
    const before = await fetch(`${baseUrl()}/api/v1/consultations/${slug}`);
    expect(before.status).toBe(404);

    await page.getByRole("button", { name: /Create the consultation \(30 sections, 92 messages\)/ }).click();
    await page.getByText("The document was imported.", { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page);

    const schedule = page.getByRole("form", { name: "Comment period" });
    await schedule.getByLabel("Reference time zone").selectOption("Europe/Oslo");
    await schedule.getByLabel("Comments open").fill("2025-06-27T00:00");
    await schedule.getByLabel("Deadline").fill("2099-07-14T23:59");
    await schedule.getByRole("button", { name: "Save the comment period" }).click();
    await schedule.getByText("Saved.").waitFor();
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Published.").waitFor();
    await context.close();

    const visitor = await browser.newContext();
    const reader = await visitor.newPage();
    const pageErrors: string[] = [];
    reader.on("pageerror", (error) => pageErrors.push(error.message));
    await reader.goto("/");
    await reader.getByRole("heading", { name: "Open for comment" }).waitFor();
    await reader.getByRole("link", { name: "利勒斯特罗姆 IGF 信息", exact: true }).click();
    await reader.getByRole("heading", { level: 1, name: "利勒斯特罗姆 IGF 信息" }).waitFor();
    await reader.getByRole("navigation", { name: "Contents" }).waitFor();
    expect(await reader.getByText(/30 sections, 92 messages, 0 comments/).count()).toBe(1);
    expect(await reader.getByText(/July 14, 2099/).count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(reader);

    await reader.getByRole("searchbox", { name: "Search this consultation" }).fill("海底电缆");
    await reader.getByRole("button", { name: "Search" }).click();
    await reader.getByRole("heading", { name: "Search: 海底电缆" }).waitFor();
    await reader.getByRole("link", { name: "Message 3.2.1.4" }).click();
    await reader.getByRole("heading", { name: "Message 3.2.1.4" }).waitFor();
    await expectNoSeriousA11yViolations(reader);

    const response = await fetch(`${baseUrl()}/api/v1/consultations/${slug}`, { headers: { "accept-encoding": "gzip" } });
    expect(await response.json()).toMatchObject({ slug, state: "open", counts: { sections: 30, messages: 92 } });
    // Large answers are compressed; small ones are not worth the CPU.
    expect(response.headers.get("content-encoding")).toBe("gzip");
    const missing = await fetch(`${baseUrl()}/api/v1/consultations/no-such-consultation`, { headers: { "accept-encoding": "gzip" } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-encoding")).toBeNull();
    expect(pageErrors).toEqual([]);
    await visitor.close();
  });

  it("keeps past consultations in a paged archive linked from the home page", async () => {
    // Closed in the last 45 days, one a day: more than the home page and one archive page hold.
    await sql(
      `insert into "Consultation" (id, slug, title, language, "opensAt", "closesAt", "publishedAt", "firstPublishedAt", "updatedAt")
       select 'past-' || i, 'archive-e2e-' || i, 'Archived consultation ' || i, 'en',
              now() - interval '60 days', now() - i * interval '1 day', now() - interval '60 days', now() - interval '60 days', now()
       from generate_series(1, 45) as i`,
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    await publicPagesCatchUp();
    await page.goto("/");
    await page.getByRole("heading", { name: "Closed, outcome in preparation" }).waitFor();
    expect(await page.getByRole("link", { name: "Archived consultation 40", exact: true }).count()).toBe(0);
    await page.getByRole("link", { name: /^All \d+ past consultations$/ }).click();
    await page.getByRole("heading", { level: 1, name: "Past consultations" }).waitFor();
    const pages = page.getByRole("navigation", { name: "Pages of past consultations" });
    expect(await pages.getByRole("link", { name: "Page 1" }).getAttribute("aria-current")).toBe("page");
    await expectNoSeriousA11yViolations(page);
    await pages.getByRole("link", { name: "Next page" }).click();
    await page.getByRole("link", { name: "Archived consultation 40", exact: true }).waitFor();
    expect(await page.getByRole("navigation", { name: "Pages of past consultations" }).getByRole("link", { name: "Page 2" }).getAttribute("aria-current")).toBe("page");
    await context.close();
  });

  it("imports a Word document and explains a file it cannot read", async () => {
    const { context, page } = await secretariatPage();
    await page.goto("/admin/import");
    await page.getByLabel("File").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) });
    await page.getByLabel("Address (slug)").fill("not-saved");
    await page.getByLabel("Title").fill("Not saved");
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByText("This is not a Markdown or Word file. Use .md, .txt or .docx.").waitFor();
    expect(await page.getByLabel("Title").inputValue()).toBe("Not saved");

    await page.getByLabel("File").setInputFiles(path.join(fixtures, "sample-draft.docx"));
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByText(/The import will create \d+ sections and \d+ messages\./).waitFor();
    await page.getByText("Subsea cable resilience depends on planning and redundancy.").waitFor();
    await context.close();
  });

  it("refuses the secretariat pages to participants with a 403 page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInWithCode(page, uniqueEmail("participant"));
    const response = await page.goto("/admin/import");
    expect(response?.status()).toBe(403);
    await context.close();
  });
});
