import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, giveProfile, launchBrowser, passageLines, setRole, signInWithCode, sql, uniqueEmail, withoutScriptsAs } from "./support/browser";

const browser = launchBrowser();

/** A real message of the demo document (IGF 2025, in Chinese). */
const MESSAGE = readFileSync(new URL("../fixtures/igf-2025-lillestrom-messages.zh.md", import.meta.url), "utf8")
  .split("\n")
  .find((line) => line.startsWith("- ") && line.includes("对等互联和传输"))!
  .slice(2);

const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const VIEWPORTS = [
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const;

/** An open consultation in Chinese with that one message, 1.1 (via SQL, as comment.test.ts does). */
async function openChineseConsultation() {
  const slug = `keyboard-e2e-${randomBytes(4).toString("hex")}`;
  const [consultation] = await sql<{ id: string }>(
    `insert into "Consultation" (id, slug, title, language, "opensAt", "closesAt", "referenceTimeZone", "publishedAt", "firstPublishedAt", "updatedAt")
     values ($1, $2, '数字信任与韧性', 'zh', now() - interval '1 day', now() + interval '7 days', 'Europe/Oslo', now(), now(), now()) returning id`,
    [`c-${slug}`, slug],
  );
  await sql(`insert into "Section" (id, "consultationId", position, number, heading, "updatedAt") values ($1, $2, 0, '1', '数字信任与韧性', now())`, [
    `s-${slug}`,
    consultation!.id,
  ]);
  await sql(`insert into "Message" (id, "consultationId", "sectionId", position, number, "updatedAt") values ($1, $2, $3, 0, '1.1', now())`, [
    `m-${slug}`,
    consultation!.id,
    `s-${slug}`,
  ]);
  await sql(`insert into "MessageVersion" (id, "messageId", number, kind, text) values ($1, $2, 1, 'DRAFT', $3)`, [`v-${slug}`, `m-${slug}`, MESSAGE]);
  return `/consultations/${slug}/messages/1.1`;
}

async function participant(name: string, options: Parameters<typeof browser.newContext>[0] = DESKTOP) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const email = uniqueEmail("annotator");
  await signInWithCode(page, email);
  await giveProfile(email, name);
  return { context, page, email };
}

/** Waits until the page's script has taken over the message text (the picker is its sign). */
async function hydrated(page: Page) {
  await page.getByRole("application", { name: "Message text: pick a passage with the keyboard" }).waitFor();
}

describe("annotating by keyboard, touch and mouse alike", () => {
  for (const [name, viewport] of VIEWPORTS) {
    it(`picks a six-character passage of a Chinese message with the keyboard in at most 15 key presses (${name})`, async () => {
      const path = await openChineseConsultation();
      const { context, page } = await participant("键盘用户", viewport);
      await page.goto(path);
      await hydrated(page);
      const target = "私营基础设施";
      expect(target).toHaveLength(6);
      expect(MESSAGE).toContain(`政府与${target}`);

      // Reaching the message text: focus is on the section link just before it, as a person tabbing through the page would be.
      await page.locator(".eyebrow a").focus();
      const status = page.locator("[data-picker-status]");
      const said = async () => (await status.textContent()) ?? "";
      // Every key press toward choosing, quoting and sending counts (Tab in, End, ↑ ↑ to the clause, → → to 私营, Enter,
      // → → to 设施, Enter, which takes the focus to the comment field, then Tab and Enter to send: 12 with Chromium's
      // segmentation); typing the comment's own text does not.
      let presses = 0;
      const press = async (key: string) => {
        presses += 1;
        await page.keyboard.press(key);
      };
      /** Presses `key` until what the picker reads out passes `done` (at most ten times). */
      const pressUntil = async (key: string, done: (text: string) => boolean) => {
        for (let tries = 0; !done(await said()); tries++) {
          if (tries === 10) throw new Error(`never reached with ${key}; last read out: ${await said()}`);
          await press(key);
        }
      };

      await press("Tab");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("application");
      // The clause "政府与私营基础设施…" is the last but one: from the last word, back by clause.
      await press("End");
      await pressUntil("ArrowUp", (word) => word !== "" && "政府与".startsWith(word));
      await pressUntil("ArrowRight", (word) => word !== "" && target.startsWith(word));
      await press("Enter");
      expect(await said()).toContain("Passage starts at");
      await pressUntil("ArrowRight", (text) => text === `Passage: ${target}`);
      await press("Enter");
      expect(await said()).toBe(`Passage chosen: ${target}. Write your comment.`);

      // The passage is in the form, painted on the text, and the focus is where the comment is written.
      expect(await page.getByLabel("Passage you comment on").inputValue()).toBe(target);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(await page.getByLabel("Your comment", { exact: true }).getAttribute("id"));
      expect(await page.evaluate(() => [...(CSS.highlights.get("passage-choice") ?? [])].map((range) => range.toString()))).toEqual([target]);
      await expectNoSeriousA11yViolations(page);

      await page.keyboard.type("应说明私营所有者承担哪些义务。");
      await press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Publish comment");
      await press("Enter");
      await page.getByText("Your comment has been published.").waitFor();
      expect(presses).toBeLessThanOrEqual(15);

      // Focus goes to the new comment, which annotates the passage.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("ARTICLE");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("应说明私营所有者承担哪些义务。");
      expect(await page.locator("[data-message-text] mark").allInnerTexts()).toEqual([target]);
      // Escape lets go of a choice half made.
      await page.getByRole("application").focus();
      await page.keyboard.press("Enter");
      await page.keyboard.press("Escape");
      expect(await said()).toBe("Choice cancelled.");
      expect(await page.getByLabel("Passage you comment on").inputValue()).toBe("");
      await expectNoSeriousA11yViolations(page);
      await context.close();
    });

    it(`shows the quote button beside the selection (${name})`, async () => {
      const path = await openChineseConsultation();
      const { context, page } = await participant("选择用户", viewport);
      await page.goto(path);
      await hydrated(page);
      const quote = page.getByRole("button", { name: "Quote the selected passage" });
      // Nothing to quote, no button; a click or tap into the text paints no keyboard cursor.
      expect(await quote.count()).toBe(0);
      const text = page.locator("[data-message-text]");
      if (name === "phone") await text.tap();
      else await text.click();
      expect(await page.evaluate(() => CSS.highlights.has("passage-cursor"))).toBe(false);
      const passage = "更快、更可靠的互联网";
      // Selects as a long press and a drag of the handles would (headless Chromium makes no selection from synthetic touches); again until the page's script has seen it.
      const select = async () => {
        const { left, right, bottom } = (await passageLines(page, passage, true)).at(-1)!;
        return { left, right, bottom };
      };
      let selection = await select();
      await expect
        .poll(async () => {
          selection = await select();
          return quote.isVisible();
        })
        .toBe(true);
      const button = (await quote.boundingBox())!;
      const viewportWidth = page.viewportSize()!.width;
      // Just below the selection's last line, overlapping it sideways, on screen: not hundreds of pixels away.
      expect(button.y - selection.bottom).toBeGreaterThanOrEqual(0);
      expect(button.y - selection.bottom).toBeLessThanOrEqual(40);
      expect(button.x).toBeLessThanOrEqual(selection.right);
      expect(button.x + button.width).toBeGreaterThanOrEqual(selection.left);
      expect(button.x + button.width).toBeLessThanOrEqual(viewportWidth);
      await expectNoSeriousA11yViolations(page);
      if (name === "phone") await quote.tap();
      else await quote.click();
      expect(await page.getByLabel("Passage you comment on").inputValue()).toBe(passage);
      await quote.waitFor({ state: "detached" });
      await context.close();
    });
  }

  it("offers the nearest passages when a typed quote does not match (互连 for 互联) and takes the one chosen", async () => {
    const path = await openChineseConsultation();
    const { context, page } = await participant("输入用户");
    await page.goto(path);
    await hydrated(page);
    await page.getByLabel("Passage you comment on").fill("对等互连和传输");
    await page.getByLabel("Your comment", { exact: true }).fill("请说明对等互联的规模。");
    await page.getByRole("button", { name: "Publish comment" }).click();
    const offer = page.getByRole("group", { name: "Did you mean one of these passages?" });
    await offer.waitFor();
    // The refusal has the focus; what was typed is kept.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain("form-alert");
    expect(await page.getByLabel("Passage you comment on").inputValue()).toBe("对等互连和传输");
    expect(await page.getByLabel("Your comment", { exact: true }).inputValue()).toBe("请说明对等互联的规模。");
    expect(await offer.getByRole("radio", { name: "None of these: keep what I typed" }).isChecked()).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await offer.getByRole("radio", { name: "对等互联和传输" }).check();
    expect(await page.getByLabel("Passage you comment on").inputValue()).toBe("对等互联和传输");
    await page.getByRole("button", { name: "Publish comment" }).click();
    await page.getByText("Your comment has been published.").waitFor();
    expect(await page.locator("[data-message-text] mark").allInnerTexts()).toEqual(["对等互联和传输"]);
    await context.close();
  });

  it("shows agreement as a pressed toggle, closes the edit form once saved, and marks the secretariat", async () => {
    const path = await openChineseConsultation();
    const author = await participant("Secretariat Writer");
    await setRole(author.email, "SECRETARIAT");
    await author.page.goto(path);
    await author.page.getByLabel("Your comment", { exact: true }).fill("Thank you for the comments so far.");
    await author.page.getByRole("button", { name: "Publish comment" }).click();
    const mine = author.page.getByRole("article", { name: /Secretariat Writer/ });
    await mine.getByText("Secretariat", { exact: true }).waitFor();
    // An intergovernmental organisation is both a group and a region: named once in the header.
    await sql(`update "Comment" set "authorStakeholderGroup" = 'INTERGOVERNMENTAL_ORGANISATION', "authorRegion" = 'INTERGOVERNMENTAL_ORGANISATION' where "authorName" = 'Secretariat Writer'`);
    await author.page.reload();
    expect((await mine.locator(".meta").first().innerText()).match(/Intergovernmental organisation/g)).toHaveLength(1);

    await mine.getByText("Edit", { exact: true }).click();
    await mine.getByLabel("New text of your comment").fill("Thank you: the comments so far are all read.");
    await mine.getByRole("button", { name: "Save the new text" }).click();
    await mine.getByText("Your comment has been updated.").waitFor();
    await mine.locator(".comment-body").getByText("are all read").waitFor();
    // The form closed, and the focus is back on what opened it.
    expect(await mine.locator("details.edit").evaluate((details: HTMLDetailsElement) => details.open)).toBe(false);
    expect(await author.page.evaluate(() => document.activeElement?.textContent)).toBe("Edit");
    await expectNoSeriousA11yViolations(author.page);

    for (const [, viewport] of VIEWPORTS) {
      const reader = await participant("Reader Agrees", viewport);
      await reader.page.goto(path);
      const seen = reader.page.getByRole("article", { name: /Secretariat Writer/ });
      const agree = seen.getByRole("button", { name: "I agree" });
      expect(await agree.getAttribute("aria-pressed")).toBe("false");
      await agree.click();
      const undo = seen.getByRole("button", { name: "You agree · Undo" });
      await undo.waitFor();
      expect(await undo.getAttribute("aria-pressed")).toBe("true");
      await expectNoSeriousA11yViolations(reader.page);
      await undo.click();
      await agree.waitFor();
      expect(await agree.getAttribute("aria-pressed")).toBe("false");
      await reader.context.close();
    }
    await author.context.close();
  });

  it("without JavaScript: no picker and no quote button, the typed quote works", async () => {
    const path = await openChineseConsultation();
    const signedIn = await participant("无脚本用户");
    const context = await withoutScriptsAs(browser, signedIn.context);
    await signedIn.context.close();
    const page = await context.newPage();
    await page.goto(path);
    expect(await page.getByRole("application").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Quote the selected passage" }).count()).toBe(0);
    await page.getByLabel("Passage you comment on").fill("对等互连和传输");
    await page.getByLabel("Your comment", { exact: true }).fill("没有脚本也能选择最接近的段落。");
    await page.getByRole("button", { name: "Publish comment" }).click();
    // The offer works without scripts: the chosen radio is sent with the form.
    await page.getByRole("radio", { name: "对等互联和传输" }).check();
    await page.getByRole("button", { name: "Publish comment" }).click();
    await page.locator("[data-message-text] mark").waitFor();
    expect(await page.locator("[data-message-text] mark").allInnerTexts()).toEqual(["对等互联和传输"]);
    // (axe needs scripts: it runs on this page, with them, in the tests above.)
    await context.close();
  });
});
