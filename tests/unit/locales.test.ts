import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { interfaceLocaleOf, LOCALES, localeDirection, negotiateLocale, textLanguage, type Locale } from "@/lib/i18n/locales";
import { CATALOGUES } from "@/lib/i18n/messages";

type Catalogue = { [key: string]: string | Catalogue };

/** Every string of a catalogue by its dotted key. */
const stringsOf = (node: Catalogue, prefix = ""): [string, string][] =>
  Object.entries(node).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : stringsOf(value, `${prefix}${key}.`),
  );

const catalogue = (locale: Locale) => new Map(stringsOf(CATALOGUES[locale] as Catalogue));
const english = catalogue("en");
const OTHER_LOCALES = LOCALES.filter((locale) => locale !== "en");

/** Each element of a parsed message, nested ones (in plural, select and tag branches) included. */
function* elementsOf(elements: MessageFormatElement[]): Generator<MessageFormatElement> {
  for (const element of elements) {
    yield element;
    if (element.type === TYPE.tag) yield* elementsOf(element.children);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) yield* elementsOf(option.value);
    }
  }
}

/** What a translation must keep from the English: its arguments and its tags, by name. */
function placeholdersOf(elements: MessageFormatElement[]) {
  const names = new Set<string>();
  for (const element of elementsOf(elements)) {
    if (element.type === TYPE.tag) names.add(`<${element.value}>`);
    else if (element.type !== TYPE.literal && element.type !== TYPE.pound) names.add(`{${element.value}}`);
  }
  return [...names].sort();
}

/** Values that let the message format: a number for plurals and numbers, a date for dates, tags as functions. */
function sampleValues(elements: MessageFormatElement[], count: number) {
  const values: Record<string, unknown> = {};
  for (const element of elementsOf(elements)) {
    if (element.type === TYPE.plural || element.type === TYPE.number) values[element.value] = count;
    else if (element.type === TYPE.date || element.type === TYPE.time) values[element.value] = new Date("2025-07-14T21:59:00Z");
    else if (element.type === TYPE.select) values[element.value] = "other" in element.options ? "other" : Object.keys(element.options)[0];
    else if (element.type === TYPE.tag) values[element.value] = (chunks: unknown[]) => chunks.join("");
    else if (element.type === TYPE.argument) values[element.value] ??= "x";
  }
  return values;
}

const SAMPLE_COUNTS = [0, 1, 2, 3, 5, 11, 21, 100, 101, 1_000_000, 1.5];

describe("the catalogues", () => {
  it.each(OTHER_LOCALES)("%s has every English key and nothing else", (locale) => {
    const translated = catalogue(locale);
    expect([...english.keys()].filter((key) => !translated.has(key)).map((key) => `${locale} misses ${key}`)).toEqual([]);
    expect([...translated.keys()].filter((key) => !english.has(key)).map((key) => `${locale} has extra ${key}`)).toEqual([]);
  });

  it.each(OTHER_LOCALES)("%s keeps every English string's arguments and tags", (locale) => {
    const differences: string[] = [];
    for (const [key, text] of catalogue(locale)) {
      const source = english.get(key);
      if (source === undefined) continue;
      const expected = placeholdersOf(parse(source)).join(" ");
      let found: string;
      try {
        found = placeholdersOf(parse(text)).join(" ");
      } catch (error) {
        differences.push(`${locale} ${key}: does not parse (${(error as Error).message})`);
        continue;
      }
      if (found !== expected) differences.push(`${locale} ${key}: ${found || "none"}, English has ${expected || "none"}`);
    }
    expect(differences).toEqual([]);
  });

  it.each(LOCALES)("%s gives every plural the categories its language needs, and formats it", (locale) => {
    const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const problems: string[] = [];
    for (const [key, text] of catalogue(locale)) {
      const elements = parse(text);
      for (const element of elementsOf(elements)) {
        if (element.type !== TYPE.plural || element.pluralType !== "cardinal") continue;
        const missing = [...new Set([...needed, "other"])].filter((category) => !(category in element.options));
        if (missing.length) problems.push(`${locale} ${key}: no ${missing.join(", ")} for {${element.value}}`);
      }
      if (!elements.some((element) => [...elementsOf([element])].some((each) => each.type === TYPE.plural))) continue;
      const format = new IntlMessageFormat(text, locale);
      for (const count of SAMPLE_COUNTS) {
        const output = format.format(sampleValues(elements, count));
        const asText = Array.isArray(output) ? output.join("") : String(output);
        if (!asText.trim() || /[{}]/.test(asText)) problems.push(`${locale} ${key} with ${count}: "${asText}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("languages", () => {
  it("negotiates from Accept-Language with quality values", () => {
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(negotiateLocale("de, en;q=0.5, zh;q=0.7")).toBe("zh");
    expect(negotiateLocale("de")).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
  });

  it("negotiates French, Spanish, Russian and Arabic, and falls back to English", () => {
    expect(negotiateLocale("ar-EG")).toBe("ar");
    expect(negotiateLocale("fr-CA,en;q=0.5")).toBe("fr");
    expect(negotiateLocale("es-419,es;q=0.9")).toBe("es");
    expect(negotiateLocale("RU-ru")).toBe("ru");
    expect(negotiateLocale("pt-BR")).toBe("en");
    expect(negotiateLocale("pt-BR, ru;q=0.3")).toBe("ru");
  });

  it("labels a document in its own language when the interface speaks it", () => {
    expect(interfaceLocaleOf("fr-CA")).toBe("fr");
    expect(interfaceLocaleOf("zh-Hant")).toBe("zh");
    expect(interfaceLocaleOf("pt")).toBe("en");
  });

  it("knows writing direction", () => {
    expect(localeDirection("zh")).toBe("ltr");
    expect(localeDirection("ar")).toBe("rtl");
    expect(localeDirection("ar-EG")).toBe("rtl");
    expect(LOCALES.filter((locale) => localeDirection(locale) === "rtl")).toEqual(["ar"]);
  });

  it("marks a user text with its language, or lets its letters decide the direction when it is unknown", () => {
    expect(textLanguage("ar")).toEqual({ lang: "ar", dir: "rtl" });
    expect(textLanguage("zh-Hant")).toEqual({ lang: "zh-Hant", dir: "ltr" });
    expect(textLanguage(null)).toEqual({ dir: "auto" });
  });
});
