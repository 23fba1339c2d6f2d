import vm from "node:vm";

type Slot = { attributes: Record<string, string>; text: string[] };
type FakeDocumentOptions = { cookie?: string; hidden?: boolean; lang?: string; slots?: Record<string, string>[]; timeZone?: string; stored?: Record<string, string>; keptOnPage?: string[] };

/**
 * Just enough of a browser for the edge's inline scripts (lib/http/reader-scripts.ts):
 * the cookie, localStorage, the keys of kept texts a page names, scripts
 * added to the head, the first frame (paint()), the deadline slots the
 * reader's time is written into, and the reader's zone.
 */
export function fakeDocument({ cookie = "", hidden = false, lang = "en", slots = [], timeZone = "UTC", stored = {}, keptOnPage }: FakeDocumentOptions = {}) {
  const frames: (() => void)[] = [];
  const added: { src?: string; async?: boolean }[] = [];
  const shownSlots: Slot[] = slots.map((attributes) => ({ attributes, text: [] }));
  const document = {
    cookie,
    hidden,
    documentElement: { lang },
    head: { appendChild: (element: { src?: string; async?: boolean }) => added.push({ src: element.src, async: element.async }) },
    createElement: () => ({}) as Record<string, unknown>,
    querySelector: (selector: string) => {
      if (selector !== "[data-kept-drafts]") throw new Error(`unexpected selector ${selector}`);
      return keptOnPage ? { getAttribute: () => keptOnPage.join(" ") } : null;
    },
    querySelectorAll: (selector: string) => {
      if (selector !== ".local-time-slot[data-instant]") throw new Error(`unexpected selector ${selector}`);
      return shownSlots.map((slot) => ({
        getAttribute: (name: string) => slot.attributes[name] ?? null,
        appendChild: (element: { className?: string; textContent?: string }) => slot.text.push(`${element.className}: ${element.textContent}`),
      }));
    },
  };
  // The reader's clock: Intl as the browser's, whose default zone is the reader's.
  const ReaderDateTimeFormat = function (locale?: string, options?: Intl.DateTimeFormatOptions) {
    return new Intl.DateTimeFormat(locale, { timeZone, ...options });
  };
  return {
    document,
    localStorage: { getItem: (key: string) => stored[key] ?? null },
    intl: { ...Intl, DateTimeFormat: ReaderDateTimeFormat },
    frames,
    added,
    slots: shownSlots,
    /** The first frame, and what waited for just after it. */
    paint: () => {
      while (frames.length > 0) frames.shift()!();
    },
  };
}

/** Runs an inline script's text against a fake document; requestAnimationFrame and setTimeout wait for paint(). */
export function runInline(code: string, fake: ReturnType<typeof fakeDocument>) {
  vm.runInNewContext(code, {
    document: fake.document,
    localStorage: fake.localStorage,
    Intl: fake.intl,
    requestAnimationFrame: (callback: () => void) => fake.frames.push(() => callback()),
    setTimeout: (callback: () => void) => fake.frames.push(() => callback()),
  });
}
