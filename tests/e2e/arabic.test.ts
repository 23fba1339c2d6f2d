import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import ar from "@/messages/ar.json";
import { expectNoSeriousA11yViolations, giveProfile, launchBrowser, passageLines, signInWithCode, uniqueEmail } from "./support/browser";

// The lib/ helpers below reach the app's database through DATABASE_URL.
process.env.DATABASE_URL = inject("e2eDatabaseUrl");

const browser = launchBrowser();

const ARABIC = `# الاتصال

- يعتمد صمود شبكة الكابلات البحرية العالمية على التخطيط الاستباقي والتكرار المدمج والاستجابة السريعة للحوادث.
- تحتاج المجتمعات المحلية إلى طيف ترددي ميسور التكلفة.
`;

async function consultation(markdown: string, language: string) {
  const { importMarkdown } = await import("../support/consultations");
  return importMarkdown(markdown, { open: true, language });
}

/** A participant reading the interface in Arabic (the language cookie, as the switch sets it). */
async function arabicReader(name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail("arabic");
  await signInWithCode(page, email);
  await giveProfile(email, name);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "ar", url: new URL(page.url()).origin }]);
  return { context, page };
}

/** Where a real mouse starts and ends a drag across the passage: right to left, from its first character to its last. */
async function passageEdges(page: Page, passage: string) {
  const lines = await passageLines(page, passage);
  const first = lines[0]!;
  return { fromX: Math.max(...lines.map((line) => line.right)) - 1, toX: Math.min(...lines.map((line) => line.left)) + 1, y: first.top + first.height / 2 };
}

describe("the interface in Arabic", () => {
  it("mirrors the page, isolates and keeps a Latin-script document's own direction, and annotates Arabic text", async () => {
    const arabic = await consultation(ARABIC, "ar");
    const english = await consultation("# Access\n\n- Community networks need spectrum.\n", "en");
    const { context, page } = await arabicReader("Layla Haddad");

    await page.goto(`/consultations/${english.slug}/messages/1.1`);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("html").getAttribute("lang")).toBe("ar");
    const text = page.locator("[data-message-text]");
    expect(await text.getAttribute("lang")).toBe("en");
    expect(await text.evaluate((element) => getComputedStyle(element).direction)).toBe("ltr");

    await page.goto(`/consultations/${arabic.slug}/messages/1.1`);
    expect(await text.getAttribute("lang")).toBe("ar");
    expect(await text.evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");
    // The message's number is isolated inside the Arabic heading (U+2068 … U+2069), as every interpolated value is.
    expect(await page.locator("h1").textContent()).toMatch(/\u20681\.1\u2069/);
    // Mirrored: the site's name at the right of the bar, the language switch at its left; "next" points left.
    const brand = (await page.locator(".brand").boundingBox())!;
    const language = (await page.locator(".language-switch").boundingBox())!;
    expect(brand.x).toBeGreaterThan(language.x);
    expect(await page.locator('a[rel="next"] .direction-arrow').evaluate((arrow) => getComputedStyle(arrow).transform)).toBe("matrix(-1, 0, 0, 1, 0, 0)");

    const quote = page.getByRole("button", { name: ar.comments.quoteSelection });
    const passage = "التكرار المدمج";
    await expect
      .poll(async () => {
        const edges = await passageEdges(page, passage);
        await page.mouse.move(edges.fromX, edges.y);
        await page.mouse.down();
        await page.mouse.move(edges.toX, edges.y, { steps: 8 });
        await page.mouse.up();
        return quote.isVisible();
      })
      .toBe(true);
    await quote.click();
    expect(await page.getByLabel(ar.comments.quote).inputValue()).toBe(passage);
    await page.getByLabel(ar.comments.yourComment, { exact: true }).fill("ما المقصود بالتكرار؟ مساران مستقلان على الأقل.");
    // Her profile says English; this comment she writes in Arabic, and says so.
    const writtenIn = page.getByLabel(ar.comments.writtenIn);
    expect(await writtenIn.inputValue()).toBe("en");
    await writtenIn.selectOption("ar");
    await page.getByRole("button", { name: ar.comments.send }).click();
    await page.getByText(ar.comments.posted.split(".")[0]!).waitFor();
    // The comment in the language its author gave, right to left.
    const body = page.getByRole("article", { name: /Layla Haddad/ }).locator(".comment-body");
    await body.getByText("مساران مستقلان").waitFor();
    expect([await body.getAttribute("lang"), await body.getAttribute("dir")]).toEqual(["ar", "rtl"]);
    expect(await text.locator("mark").allInnerTexts()).toEqual([passage]);
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });

  it("picks a passage of Arabic text with the keyboard: the arrow pointing forward in the reading direction (←) moves forward", async () => {
    const arabic = await consultation(ARABIC, "ar");
    const { context, page } = await arabicReader("Omar Said");
    await page.goto(`/consultations/${arabic.slug}/messages/1.1`);
    await page.getByRole("application", { name: ar.comments.pickerLabel }).waitFor();
    // Tabbing from the section's link past the next message's link into the text.
    await page.locator(".eyebrow a").focus();
    for (let tries = 0; (await page.evaluate(() => document.activeElement?.getAttribute("role"))) !== "application"; tries++) {
      if (tries === 5) throw new Error("the message text is not reached by Tab");
      await page.keyboard.press("Tab");
    }
    const status = page.locator("[data-picker-status]");
    await page.keyboard.press("Home");
    expect(await status.textContent()).toBe("يعتمد");
    // Word by word to "والتكرار", with the left arrow: forward in a right-to-left text.
    for (let tries = 0; (await status.textContent()) !== "والتكرار"; tries++) {
      if (tries === 15) throw new Error(`never reached; last read out: ${await status.textContent()}`);
      await page.keyboard.press("ArrowLeft");
    }
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    expect(await page.getByLabel(ar.comments.quote).inputValue()).toBe("والتكرار المدمج");
    // The passage is chosen; the focus is where the comment is written.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    await context.close();
  });
});
