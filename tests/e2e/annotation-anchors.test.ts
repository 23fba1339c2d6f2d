import { randomBytes } from "node:crypto";
import { build } from "esbuild";
import type { APIRequestContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations, giveProfile, launchBrowser, signInWithCode, sql, uniqueEmail } from "./support/browser";

/*
 * The W3C export, anchored by an independent implementation of the W3C
 * selectors (Apache Annotator), in Chromium: on the plain text the export
 * names as each target's source, and on the version's page (its scope) with a
 * CssSelector refined by the TextQuote and TextPosition selectors.
 */

const browser = launchBrowser();

// Chinese, a passage three times, emoji (surrogate pairs; a flag is two code points), a combining accent (e + U+0301).
const VERSION_1 = "弥合数字鸿沟需要投资。Closing the 数字鸿沟 gap 🌍 needs the cafe\u0301 network 🇰🇪 to grow; 数字鸿沟 again.";
// With a line break, which the page's text keeps as the source has it.
const VERSION_2 = "弥合数字鸿沟需要大量投资。\nClosing the 数字鸿沟 gap 🌍 needs the cafe\u0301 network 🇰🇪 to grow.";

/** [passage, which occurrence] annotated on each version. */
const ON_VERSION_1: [string, number][] = [
  ["需要投资", 0],
  ["数字鸿沟", 1],
  ["🌍 needs", 0],
  ["cafe\u0301", 0],
  ["🇰🇪 to grow", 0],
  ["again", 0],
];
const ON_VERSION_2: [string, number][] = [
  ["大量投资", 0],
  ["🇰🇪 to grow", 0],
];

/** The UTF-16 offset of the nth occurrence of `passage`, as the write API takes it. */
function offsetOf(text: string, passage: string, occurrence: number) {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) at = text.indexOf(passage, at + 1);
  if (at < 0) throw new Error(`${passage} is not in the text ${occurrence + 1} times`);
  return at;
}

/** Apache Annotator's DOM matchers with refinedBy, bundled for the page as `window.annotator.matches(selector, scope)`. */
async function annotatorBundle() {
  const entry = `
    import { makeRefinable } from "@apache-annotator/selector";
    import { createCssSelectorMatcher, createTextQuoteSelectorMatcher, createTextPositionSelectorMatcher } from "@apache-annotator/dom";
    const createMatcher = makeRefinable((selector) => {
      if (selector.type === "CssSelector") return createCssSelectorMatcher(selector);
      if (selector.type === "TextQuoteSelector") return createTextQuoteSelectorMatcher(selector);
      if (selector.type === "TextPositionSelector") return createTextPositionSelectorMatcher(selector);
      throw new Error("unsupported selector " + selector.type);
    });
    window.annotator = {
      // Every match, each as its text, its UTF-16 offset in the scope's text, and whether all of it is inside <mark>.
      async matches(selector, scope) {
        const found = [];
        for await (const range of createMatcher(selector)(scope)) {
          const before = document.createRange();
          before.selectNodeContents(scope);
          before.setEnd(range.startContainer, range.startOffset);
          const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
          let marked = true;
          for (let node = walker.currentNode; node; node = walker.nextNode()) {
            // A range may start at the very end of the text node before it (or end at the start of the one after): that covers nothing of it.
            const covers = node.nodeType === Node.TEXT_NODE && range.intersectsNode(node)
              && !(node === range.startContainer && range.startOffset === node.length)
              && !(node === range.endContainer && range.endOffset === 0);
            if (covers && !node.parentElement.closest("mark")) marked = false;
          }
          found.push({ text: range.toString(), offset: before.toString().length, marked });
        }
        return found;
      },
    };
  `;
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

type Match = { text: string; offset: number; marked: boolean };
type Selector = { type: string; [key: string]: unknown };
type ExportedAnnotation = {
  id: string;
  body: { value: string };
  target: {
    source: { id: string; type: string; format: string; language: string };
    scope: string;
    selector: [{ type: "TextQuoteSelector"; exact: string; prefix?: string; suffix?: string }, { type: "TextPositionSelector"; start: number; end: number }];
  };
};

/** Anchors `selector` with Apache Annotator inside the element `scopeSelector` of the page (loading the bundle once per page). */
async function anchor(page: Page, bundle: string, scopeSelector: string, selector: Selector): Promise<Match[]> {
  // Evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts without its nonce.
  if (!(await page.evaluate(() => "annotator" in window))) await page.evaluate(bundle);
  return page.evaluate(
    ({ scopeSelector, selector }) => {
      const { annotator } = window as unknown as { annotator: { matches: (selector: unknown, scope: Node) => Promise<Match[]> } };
      return annotator.matches(selector, document.querySelector(scopeSelector)!);
    },
    { scopeSelector, selector },
  );
}

async function seedConsultation() {
  const slug = `anchors-e2e-${randomBytes(4).toString("hex")}`;
  const [consultation] = await sql<{ id: string }>(
    `insert into "Consultation" (id, slug, title, language, "opensAt", "closesAt", "referenceTimeZone", "publishedAt", "firstPublishedAt", "updatedAt")
     values ($1, $2, '数字契约', 'zh', now() - interval '1 day', now() + interval '7 days', 'Asia/Shanghai', now() - interval '1 hour', now() - interval '1 hour', now()) returning id`,
    [`c-${slug}`, slug],
  );
  await sql(`insert into "Section" (id, "consultationId", position, number, heading, "updatedAt") values ($1, $2, 0, '1', '连通性', now())`, [`s-${slug}`, consultation!.id]);
  const messageId = `m-${slug}`;
  await sql(`insert into "Message" (id, "consultationId", "sectionId", position, number, "updatedAt") values ($1, $2, $3, 0, '1.1', now())`, [
    messageId, consultation!.id, `s-${slug}`,
  ]);
  await sql(`insert into "MessageVersion" (id, "messageId", number, kind, text) values ($1, $2, 1, 'DRAFT', $3)`, [`v1-${messageId}`, messageId, VERSION_1]);
  return { slug, messageId };
}

/** Files annotations through the write API with the browser's session, as the site's own script would. */
async function annotate(page: Page, messageId: string, text: string, passages: [string, number][]) {
  for (const [exact, occurrence] of passages) {
    const start = offsetOf(text, exact, occurrence);
    const status = await page.evaluate(
      async ({ messageId, body }) =>
        (await fetch(`/api/v1/messages/${messageId}/comments`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })).status,
      { messageId, body: { body: `On “${exact}” (${occurrence + 1})`, selector: { exact, start, end: start + exact.length } } },
    );
    expect(status, exact).toBe(201);
  }
}

async function exportedAnnotations(request: APIRequestContext, slug: string): Promise<ExportedAnnotation[]> {
  const response = await request.get(`/api/v1/consultations/${slug}/annotations?page=0`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: ExportedAnnotation[] }).items;
}

/** The consultation and its annotations, filed once for all the tests (inside the first, as signing in polls with expect). */
let filed: Promise<{ slug: string; messageId: string; bundle: string }> | undefined;

function seeded() {
  filed ??= (async () => {
    const [consultation, bundle] = await Promise.all([seedConsultation(), annotatorBundle()]);
    const context = await browser.newContext();
    const page = await context.newPage();
    const email = uniqueEmail("anchors");
    await signInWithCode(page, email);
    await giveProfile(email, "Lin Anchor");
    await page.goto(`/consultations/${consultation.slug}/messages/1.1`);
    await annotate(page, consultation.messageId, VERSION_1, ON_VERSION_1);
    // A new version, as the editor saves it (no re-anchoring rows: the page places the older annotations itself).
    await sql(`insert into "MessageVersion" (id, "messageId", number, kind, text) values ($1, $2, 2, 'DRAFT', $3)`, [
      `v2-${consultation.messageId}`, consultation.messageId, VERSION_2,
    ]);
    await annotate(page, consultation.messageId, VERSION_2, ON_VERSION_2);
    await context.close();
    return { ...consultation, bundle };
  })();
  return filed;
}

describe("annotations other tools can anchor", () => {
  it("anchors every exported annotation in its source text with Apache Annotator, positions in code points", async () => {
    const { slug, bundle } = await seeded();
    const context = await browser.newContext();
    const page = await context.newPage();
    const annotations = await exportedAnnotations(context.request, slug);
    expect(annotations).toHaveLength(ON_VERSION_1.length + ON_VERSION_2.length);
    const sources = new Map<string, string>();
    for (const annotation of annotations) {
      const { source } = annotation.target;
      expect(source).toMatchObject({ type: "Text", format: "text/plain", language: "zh" });
      if (!sources.has(source.id)) {
        const response = await context.request.get(source.id);
        expect(response.status()).toBe(200);
        expect(response.headers()["content-type"]).toBe("text/plain; charset=utf-8");
        sources.set(source.id, await response.text());
      }
    }
    expect([...sources.values()].sort()).toEqual([VERSION_1, VERSION_2].sort());

    // The source text in a page of its own: a <pre> holding exactly the fetched text, as a tool would load it.
    await page.goto("/api/health");
    for (const annotation of annotations) {
      const text = sources.get(annotation.target.source.id)!;
      await page.evaluate((text) => {
        document.body.replaceChildren(Object.assign(document.createElement("pre"), { id: "source", textContent: text }));
      }, text);
      const [quote, position] = annotation.target.selector;
      const byQuote = await anchor(page, bundle, "#source", quote);
      const byPosition = await anchor(page, bundle, "#source", position);
      // One match only, even for the passage written three times: the prefix and suffix tell them apart.
      expect(byQuote.map((match) => match.text), annotation.body.value).toEqual([quote.exact]);
      expect(byPosition.map((match) => match.text), annotation.body.value).toEqual([quote.exact]);
      expect(byPosition[0]!.offset).toBe(byQuote[0]!.offset);
      // Code points, not UTF-16 units: the position counts 🌍 as one character and e + U+0301 as two.
      expect(position.start).toBe([...text.slice(0, byQuote[0]!.offset)].length);
      expect(position.end - position.start).toBe([...quote.exact].length);
    }
    const second = annotations.find((annotation) => annotation.body.value === "On “数字鸿沟” (2)")!;
    expect(second.target.selector[1].start).toBe(offsetOf(VERSION_1, "数字鸿沟", 1));
    const after = annotations.find((annotation) => annotation.body.value === "On “again” (1)")!;
    // Three surrogate pairs (🌍 and the two regional indicators of 🇰🇪) come before it.
    expect(after.target.selector[1].start).toBe(offsetOf(VERSION_1, "again", 0) - 3);
    await context.close();
  });

  it("anchors every annotation on its version's page: #message-text refined by either selector lands on a highlight", async () => {
    const { slug, bundle } = await seeded();
    const context = await browser.newContext();
    const page = await context.newPage();
    const annotations = await exportedAnnotations(context.request, slug);
    const scopes = [...new Set(annotations.map((annotation) => annotation.target.scope))].sort();
    expect(scopes.map((scope) => new URL(scope).search)).toEqual(["?version=1", "?version=2"]);
    for (const scope of scopes) {
      await page.goto(scope);
      const text = page.locator("#message-text");
      expect(await text.textContent()).toBe(scope.endsWith("=1") ? VERSION_1 : VERSION_2);
      // The note links are outside the text, reachable as links.
      expect(await text.locator("a").count()).toBe(0);
      const notes = page.getByRole("navigation", { name: "Notes on the marked passages" }).getByRole("link");
      const own = annotations.filter((annotation) => annotation.target.scope === scope).length;
      // The current version also carries the earlier annotations that still anchor in it; an earlier one never carries later ones.
      if (scope.endsWith("=1")) expect(await notes.count()).toBe(own);
      else expect(await notes.count()).toBeGreaterThanOrEqual(own);
      for (const annotation of annotations.filter((annotation) => annotation.target.scope === scope)) {
        for (const selector of annotation.target.selector) {
          const matches = await anchor(page, bundle, "body", { type: "CssSelector", value: "#message-text", refinedBy: selector });
          expect(matches, `${annotation.body.value} by ${selector.type}`).toEqual([
            { text: annotation.target.selector[0].exact, offset: expect.any(Number), marked: true },
          ]);
        }
      }
    }
    await context.close();
  });

  it("shows an earlier version as such, with its highlights, a link to the current one and no comment form; an unknown version is not found", async () => {
    const { slug, messageId } = await seeded();
    const context = await browser.newContext();
    const page = await context.newPage();
    const email = uniqueEmail("reader");
    await signInWithCode(page, email);
    await giveProfile(email, "Ana Reader");
    const path = `/consultations/${slug}/messages/1.1`;

    await page.goto(`${path}?version=1`);
    await page.getByText("You are reading an earlier version of this message: version 1,").waitFor();
    expect(await page.locator("#message-text mark").allInnerTexts()).toEqual(ON_VERSION_1.map(([passage]) => passage));
    expect(await page.getByLabel("Your comment", { exact: true }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    expect(await page.title()).toMatch(/^Message 1\.1, version 1 · /);
    // The notes come right after the text in the keyboard's order; a note leads to its thread, on the current version's page.
    await page.getByRole("link", { name: "Read the current version (version 2) and its comments" }).focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("2Comment 2 on the marked passage");
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`${path}#comment-`));
    await page.getByLabel("Your comment", { exact: true }).waitFor();

    await page.goto(`${path}?version=1`);
    await page.getByRole("link", { name: "Read the current version (version 2) and its comments" }).click();
    await page.waitForURL((url) => url.pathname === path && url.search === "");
    expect(await page.locator("#message-text").textContent()).toBe(VERSION_2);
    await page.getByRole("group").getByText("Version 1,").click();
    await page.getByRole("link", { name: "Read version 1 with its annotated passages" }).click();
    await page.waitForURL((url) => url.search === "?version=1");
    await page.getByText("You are reading an earlier version of this message: version 1,").waitFor();

    for (const version of ["3", "0", "x", "1.5"]) {
      const response = await page.goto(`${path}?version=${version}`);
      expect(response!.status(), version).toBe(404);
    }
    const missing = await context.request.get(`/api/v1/messages/${messageId}/versions/3/text`);
    expect(missing.status()).toBe(404);
    await context.close();
  });
});
