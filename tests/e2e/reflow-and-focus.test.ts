import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { baseUrl, launchBrowser } from "./support/browser";

const browser = launchBrowser();

/** The demo's pages a reader meets first (npm start seeds the same). */
const PAGES = [
  "/",
  "/consultations/igf-2025-lillestrom",
  "/consultations/igf-2025-lillestrom/messages/3.2.1.1",
  // The same message in the demo's English translation.
  "/consultations/igf-2025-lillestrom/messages/3.2.1.1?language=en",
];
const LANGUAGES = [
  { locale: "en", catalogue: en },
  { locale: "zh", catalogue: zh },
  { locale: "ar", catalogue: ar },
] as const;
/** 320 CSS px is a 1280 px window at 400 % zoom (WCAG 1.4.10); 640 px is the same window at 200 %. */
const WIDTHS = [320, 640];
/** Enough Tab presses to leave the header and go well into the page's own content. */
const TAB_STOPS = 45;

/**
 * What sticks out of the viewport's width: the page scrolls sideways (or, in
 * a right-to-left page, hides content past its edge). Tables scroll inside
 * their own region, and hidden helpers (the skip link until it is focused)
 * are left aside.
 */
const outsideTheWidth = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
      .filter((element) => !element.closest(".table-scroll, .skip-link, .visually-hidden"))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 1 || box.left < -1);
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${(element.textContent ?? "").trim().slice(0, 40)}`);
  });

type Stop = { name: string; tag: string; visible: boolean; inView: boolean; ring: boolean; after: boolean };

/**
 * Tabs through the page from its top, recording each focused element: shown
 * (a box of its own inside the viewport's width, once scrolled to), with a
 * visible focus ring, and after the previous one in the document, so that
 * the focus follows the reading order.
 */
async function tabThrough(page: Page): Promise<Stop[]> {
  await page.evaluate(() => {
    (window as unknown as { previousFocus: Element | null }).previousFocus = null;
  });
  const stops: Stop[] = [];
  for (let press = 0; press < TAB_STOPS; press += 1) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const element = document.activeElement;
      const state = window as unknown as { previousFocus: Element | null };
      if (!element || element === document.body) return null;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      const after = state.previousFocus === null || Boolean(state.previousFocus.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
      state.previousFocus = element;
      return {
        name: (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40),
        tag: element.tagName.toLowerCase(),
        visible: box.width > 0 && box.height > 0 && style.visibility !== "hidden",
        inView: box.left >= -1 && box.right <= document.documentElement.clientWidth + 1,
        ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none",
        after,
      };
    });
    if (!stop) break;
    stops.push(stop);
  }
  return stops;
}

describe.each(LANGUAGES)("reading in $locale: reflow, focus and the accessibility tree", ({ locale, catalogue }) => {
  it.each(WIDTHS)("at %i px wide, nothing scrolls sideways, and the keyboard meets every control in order, with a visible focus", async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 720 } });
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseUrl() }]);
    const page = await context.newPage();
    for (const path of PAGES) {
      await page.goto(path);
      await page.waitForFunction(() => document.title.trim() !== "");
      expect(await outsideTheWidth(page), `${path} at ${width}px`).toEqual([]);
      const stops = await tabThrough(page);
      expect(stops.length, `${path}: the keyboard reaches the page`).toBeGreaterThan(5);
      // The first stop is the skip link, which leads to the content.
      expect(stops[0]!.name).toBe(catalogue.site.skipToContent);
      const problems = stops.filter((stop) => !stop.visible || !stop.inView || !stop.ring || !stop.after);
      expect(problems, `${path} at ${width}px`).toEqual([]);
    }
    await context.close();
  });

  it("names the landmarks and headings in the interface's language, one h1 per page", async () => {
    const context = await browser.newContext();
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseUrl() }]);
    const page = await context.newPage();
    for (const path of PAGES) {
      await page.goto(path);
      const tree = await page.locator("body").ariaSnapshot();
      expect(tree).toMatch(/^- banner:/m);
      expect(tree).toMatch(/^- main:/m);
      expect(tree).toMatch(/^- contentinfo:/m);
      expect(tree).toContain(`navigation "${catalogue.nav.label}"`);
      expect(tree.match(/- heading "[^"]*" \[level=1\]/g), `${path}: one h1`).toHaveLength(1);
      // Headings never skip a level going down (h2 → h4).
      const levels = [...tree.matchAll(/\[level=(\d)\]/g)].map((match) => Number(match[1]));
      expect(levels.every((level, index) => index === 0 || level <= levels[index - 1]! + 1), `${path}: heading levels ${levels.join(",")}`).toBe(true);
      // Every link and button has a name.
      expect(tree).not.toMatch(/- (link|button)(:| \[|$)/m);
    }
    await context.close();
  });
});
