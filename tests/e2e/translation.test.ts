import { describe, expect, inject, it } from "vitest";
import { expectNoSeriousA11yViolations, giveProfile, launchBrowser, passageLines, setRole, signInWithCode, uniqueEmail } from "./support/browser";

// The lib/ helpers below reach the app's database through DATABASE_URL.
process.env.DATABASE_URL = inject("e2eDatabaseUrl");

const browser = launchBrowser();

const ORIGINAL = `# Connectivity

- Resilience needs cooperation between governments and cable owners.
- Community networks need affordable spectrum.
`;

/** The French translation, without the second message. */
const FRENCH = `# Connectivité

- La résilience exige la coopération entre les gouvernements et les propriétaires de câbles.
`;

async function signedIn(label: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail(label);
  await signInWithCode(page, email);
  return { context, page, email };
}

describe("a translated document", () => {
  it("is imported with an alignment preview, read in either language, and commented on in the translation", async () => {
    const { importMarkdown } = await import("../support/consultations");
    const { slug } = await importMarkdown(ORIGINAL, { open: true, language: "en" });

    // The secretariat previews the alignment (what the translation lacks), then imports.
    const secretariat = await signedIn("translations");
    await setRole(secretariat.email, "SECRETARIAT");
    const admin = secretariat.page;
    await admin.goto(`/admin/consultations/${slug}`);
    await admin.getByRole("link", { name: "Translations" }).click();
    await admin.getByRole("heading", { name: "Translations", level: 1 }).waitFor();
    await admin.getByLabel("Or paste Markdown").fill(FRENCH);
    await admin.getByRole("group", { name: "The translation" }).getByLabel("Language", { exact: true }).selectOption("fr");
    await admin.getByLabel("Translators").fill("Traduit par des bénévoles de l’ISOC");
    await admin.getByRole("button", { name: "Preview" }).click();
    await admin.getByText("1 of 2 messages have a translation.").waitFor();
    await admin.getByText("Missing from the translation (read in the original): message 1.2.").waitFor();
    await admin.getByText("Headings side by side", { exact: true }).first().click();
    expect(await admin.getByRole("row", { name: /^1 Connectivity Connectivité$/ }).count()).toBe(1);
    await expectNoSeriousA11yViolations(admin);
    await admin.getByRole("button", { name: "Import the translation (1 message)" }).click();
    await admin.getByText("The translation into French was imported.").waitFor();
    expect(await admin.getByRole("row", { name: /French/ }).innerText()).toContain("1 of 2");
    await secretariat.context.close();

    // A participant switches the message to French, quotes a passage of the French text and comments on it.
    const reader = await signedIn("lecteur");
    await giveProfile(reader.email, "Amélie Lecteur");
    const page = reader.page;
    await page.goto(`/consultations/${slug}/messages/1.1`);
    const languages = page.getByRole("navigation", { name: "Read this document in" });
    await languages.getByRole("link", { name: "français" }).click();
    await page.waitForURL(/language=fr/);
    const text = page.locator("[data-message-text]");
    await text.getByText("La résilience exige").waitFor();
    expect(await text.getAttribute("lang")).toBe("fr");
    await page.getByText("Traduit par des bénévoles de l’ISOC").waitFor();
    await page.getByText("You are reading a translation into French. The original, in English, is the authoritative text.").waitFor();

    const passage = "la coopération";
    const quote = page.getByRole("button", { name: "Quote the selected passage" });
    await expect
      .poll(async () => {
        await passageLines(page, passage, true);
        return quote.isVisible();
      })
      .toBe(true);
    await quote.click();
    expect(await page.getByLabel("Passage you comment on").inputValue()).toBe(passage);
    await page.getByLabel("Your comment", { exact: true }).fill("Précisez : la coopération opérationnelle, pas seulement politique.");
    await page.getByLabel("Language of your text").selectOption("fr");
    await page.getByRole("button", { name: "Publish comment" }).click();
    await page.getByText("Your comment has been published.").waitFor();
    const comment = page.getByRole("article", { name: /Amélie Lecteur/ });
    await comment.getByText("in French, on the French translation").waitFor();
    expect(await text.locator("mark").allInnerTexts()).toEqual([passage]);
    expect(await comment.locator(".quote p").getAttribute("lang")).toBe("fr");
    await expectNoSeriousA11yViolations(page);

    // In the original, the same comment is there, marked, and nothing of the English text is highlighted for it.
    await languages.getByRole("link", { name: "English" }).click();
    await text.getByText("Resilience needs cooperation").waitFor();
    expect(await text.getAttribute("lang")).toBe("en");
    await comment.getByText("in French, on the French translation").waitFor();
    expect(await text.locator("mark").count()).toBe(0);
    // Its passage leads to where it is highlighted: the French text.
    await comment.getByRole("link", { name: "On a passage of the French translation:" }).click();
    await page.waitForURL(/language=fr#note-/);
    // The French page is cached for everyone (perhaps from before the comment, for one more view); the reader's own rendering of the message follows it.
    await expect.poll(() => text.locator("mark").allInnerTexts()).toEqual([passage]);

    // The message the translation lacks is read in the original, and says so.
    await page.goto(`/consultations/${slug}/messages/1.2?language=fr`);
    await page.getByText("Not translated yet: shown in the original.").waitFor();
    expect(await text.getAttribute("lang")).toBe("en");
    await expectNoSeriousA11yViolations(page);
    await reader.context.close();

    // Anyone reads the translation from its own cached document, the new comment in it; a language the document lacks is no page.
    const visitor = await browser.newContext();
    const reading = await visitor.newPage();
    const french = `/consultations/${slug}/messages/1.1?language=fr`;
    // Within the freshness bound: a cached copy from before the comment is served once more while it is rendered again.
    await expect
      .poll(async () => {
        const cached = await reading.goto(french);
        expect(cached?.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE|MISS/);
        return reading.getByRole("article", { name: /Amélie Lecteur/ }).getByText("la coopération opérationnelle").count();
      })
      .toBe(1);
    expect((await reading.goto(french))?.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);
    await reading.locator("[data-message-text]").getByText("La résilience exige").waitFor();
    expect((await reading.goto(`/consultations/${slug}?language=fr`))?.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE|MISS/);
    expect(await reading.getByRole("heading", { level: 1 }).getAttribute("lang")).toBe("fr");
    expect((await reading.goto(`/consultations/${slug}/messages/1.1?language=de`))?.status()).toBe(404);
    expect((await reading.goto(`/consultations/${slug}?language=de`))?.status()).toBe(404);
    // The original's own language reads the original.
    expect((await reading.goto(`/consultations/${slug}?language=en`))?.status()).toBe(200);
    await visitor.close();
  });
});
