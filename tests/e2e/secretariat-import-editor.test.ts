import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, launchBrowser, setRole, signInWithCode, sql, uniqueEmail } from "./support/browser";

const browser = launchBrowser();
const fixtures = path.resolve(import.meta.dirname, "../fixtures");
const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
] as const;

async function secretariatPage(options: (typeof VIEWPORTS)[number]) {
  const { name: _name, ...contextOptions } = options;
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const email = uniqueEmail("secretariat");
  await signInWithCode(page, email);
  await setRole(email, "SECRETARIAT");
  return { context, page };
}

const activeElement = (page: Page) =>
  page.evaluate(() => ({ id: document.activeElement?.id ?? "", role: document.activeElement?.getAttribute("role") ?? "", top: document.activeElement?.getBoundingClientRect().top ?? -1 }));

describe.each(VIEWPORTS)("the secretariat's import and editor ($name)", (viewport) => {
  it("suggests the title of a Word document, and a refusal leads to the field while keeping everything", async () => {
    const { context, page } = await secretariatPage(viewport);
    const slug = `word-${viewport.name}-${Date.now()}`;
    await page.goto("/admin/import");
    await page.getByLabel("File").setInputFiles(path.join(fixtures, "sample-draft.docx"));
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByText(/The import will create \d+ sections and \d+ messages\./).waitFor();
    // The first heading, prefilled and editable; the language guessed from the text.
    expect(await page.getByLabel("Title").inputValue()).toBe("Digital trust and resilience");
    expect(await page.getByLabel("Language of the document").inputValue()).toBe("en");
    // A refusal is not shown for a preview.
    expect(await page.getByRole("heading", { name: "There is a problem" }).count()).toBe(0);

    // A chosen language stays through the preview.
    await page.getByLabel("Language of the document").selectOption("fr");
    await page.getByRole("button", { name: "Update the preview" }).click();
    await page.getByText(/The import will create \d+ sections and \d+ messages\./).waitFor();
    expect(await page.getByLabel("Language of the document").inputValue()).toBe("fr");

    await page.getByLabel("Address (slug)").fill(slug);
    await page.getByLabel("Title").fill("");
    await page.getByRole("button", { name: /Create the consultation/ }).click();
    const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
    await summary.waitFor();
    // Focus and scroll go to the summary at the top.
    await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
    const focused = await activeElement(page);
    expect(focused.top).toBeGreaterThan(-1);
    expect(focused.top).toBeLessThan(viewport.viewport.height);
    await expectNoSeriousA11yViolations(page);

    const link = summary.getByRole("link", { name: "Enter a title." });
    expect(await link.getAttribute("href")).toBe("#import-title");
    await link.click();
    expect((await activeElement(page)).id).toBe("import-title");
    // Nothing typed or chosen is lost, the document neither; the title stays empty as it was left.
    expect(await page.getByLabel("Title").inputValue()).toBe("");
    expect(await page.getByLabel("Address (slug)").inputValue()).toBe(slug);
    expect(await page.getByLabel("Language of the document").inputValue()).toBe("fr");
    expect(await page.getByLabel("File").evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe("sample-draft.docx");
    expect(await sql(`select 1 from "Consultation" where slug = $1`, [slug])).toHaveLength(0);

    await page.getByLabel("Title").fill("Mots de la consultation");
    await page.getByRole("button", { name: /Create the consultation/ }).click();
    await page.getByText("The document was imported.", { exact: false }).waitFor();
    const [saved] = await sql<{ title: string; language: string }>(`select title, language from "Consultation" where slug = $1`, [slug]);
    expect(saved).toEqual({ title: "Mots de la consultation", language: "fr" });
    await context.close();
  }, 90_000);

  it("opens the 88-message demo in a few screens, finds a message by number and by words, and edits one", async () => {
    const { context, page } = await secretariatPage(viewport);
    const slug = `editor-${viewport.name}-${Date.now()}`;
    await page.goto("/admin/import");
    await page.getByLabel("File").setInputFiles(path.join(fixtures, "igf-2025-lillestrom-messages.zh.md"));
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByText(/The import will create 30 sections and 92 messages\./).waitFor();
    expect(await page.getByLabel("Language of the document").inputValue()).toBe("zh");
    await page.getByLabel("Address (slug)").fill(slug);
    await page.getByRole("button", { name: /Create the consultation/ }).click();
    await page.getByText("The document was imported.", { exact: false }).waitFor();

    // The whole editor's first screen: at most about three screen heights.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(3 * viewport.viewport.height);
    // Jump links open the section they lead to.
    const jump = page.getByRole("navigation", { name: "Jump to section" });
    await jump.getByRole("link", { name: /^2 / }).click();
    await page.waitForURL(/[?&]section=/);
    expect(await page.locator("details[open] > summary").first().innerText()).toMatch(/^2 /);
    await expectNoSeriousA11yViolations(page);

    const filter = page.getByRole("search", { name: "Find a message" });
    await filter.getByLabel("Find a message by number or words").fill("3.2.1.4");
    await filter.getByRole("button", { name: "Find" }).click();
    await page.getByRole("heading", { name: "1 message matches “3.2.1.4”" }).waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe("3.2.1.4");
    await expectNoSeriousA11yViolations(page);

    await filter.getByLabel("Find a message by number or words").fill("海底电缆");
    await filter.getByRole("button", { name: "Find" }).click();
    const results = page.getByRole("region", { name: /messages? match(es)? “海底电缆”/ });
    await results.waitFor();
    await results.getByRole("link", { name: "Edit Message 3.2.1.4" }).click();

    const text = page.getByLabel("Text of message 3.2.1.4");
    await text.waitFor();
    expect(new URL(page.url()).searchParams.get("edit")).toBeTruthy();
    // One message at a time: no other message's text field is on the page.
    expect(await page.getByRole("textbox", { name: /^Text of message/ }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    const edited = `${await text.inputValue()}（已修订）`;
    await text.fill(edited);
    const form = page.getByRole("form", { name: "Message 3.2.1.4" });
    await form.getByRole("button", { name: "Save as a new version" }).click();
    await form.getByText("Saved.").waitFor();
    const versions = await sql<{ number: number; text: string }>(
      `select v.number, v.text from "MessageVersion" v join "Message" m on m.id = v."messageId" join "Consultation" c on c.id = m."consultationId"
       where c.slug = $1 and m.number = '3.2.1.4' order by v.number`,
      [slug],
    );
    expect(versions.map((version) => version.number)).toEqual([1, 2]);
    expect(versions[1]!.text).toBe(edited);
    await context.close();
  }, 150_000);
});

describe("the structure editor without JavaScript", () => {
  it("finds a message, opens it for editing, saves a new version and opens a section by its jump link", async () => {
    const { context, page } = await secretariatPage(VIEWPORTS[0]);
    const slug = `nojs-${Date.now()}`;
    await page.goto("/admin/import");
    await page.getByLabel("File").setInputFiles(path.join(fixtures, "sample-draft.docx"));
    await page.getByLabel("Address (slug)").fill(slug);
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("button", { name: /Create the consultation/ }).click();
    await page.getByText("The document was imported.", { exact: false }).waitFor();
    const cookies = await context.cookies();
    await context.close();

    const plain = await browser.newContext({ javaScriptEnabled: false });
    await plain.addCookies(cookies);
    const reader = await plain.newPage();
    await reader.goto(`/admin/consultations/${slug}`);
    await reader.getByLabel("Find a message by number or words").fill("subsea cable");
    await reader.getByRole("button", { name: "Find" }).click();
    await reader.getByRole("heading", { name: "1 message matches “subsea cable”" }).waitFor();
    await reader.getByRole("link", { name: "Edit Message 1.1.2" }).click();
    const text = reader.getByLabel("Text of message 1.1.2");
    await text.fill("Subsea cable resilience depends on planning, redundancy and repair ships.");
    await reader.getByRole("form", { name: "Message 1.1.2" }).getByRole("button", { name: "Save as a new version" }).click();
    await reader.getByText("Saved.").waitFor();
    const [latest] = await sql<{ text: string }>(
      `select v.text from "MessageVersion" v join "Message" m on m.id = v."messageId" join "Consultation" c on c.id = m."consultationId"
       where c.slug = $1 and m.number = '1.1.2' order by v.number desc limit 1`,
      [slug],
    );
    expect(latest!.text).toBe("Subsea cable resilience depends on planning, redundancy and repair ships.");
    // (axe needs JavaScript: the same page is checked with it above.)

    await reader.getByRole("link", { name: /Close the editor of message 1\.1\.2/ }).click();
    expect(await reader.getByLabel("Text of message 1.1.2").count()).toBe(0);
    await reader.getByRole("navigation", { name: "Jump to section" }).getByRole("link", { name: /^2 / }).click();
    await reader.getByRole("link", { name: "Edit Message 2.1" }).waitFor();
    await plain.close();
  }, 90_000);
});
