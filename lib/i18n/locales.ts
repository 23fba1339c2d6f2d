/** The UN's six languages, in its order (alphabetical in English). */
export const LOCALES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** Each language's own name, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = {
  ar: "العربية",
  zh: "中文",
  en: "English",
  fr: "Français",
  ru: "Русский",
  es: "Español",
};

/** Languages written right to left (by their primary subtag): Arabic, Hebrew, Persian, Urdu, Pashto, Sindhi, Kurdish (Sorani), Uyghur, Dhivehi, Yiddish. */
const RIGHT_TO_LEFT = new Set(["ar", "he", "iw", "fa", "ur", "ps", "sd", "ckb", "ug", "dv", "yi"]);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Whether a language tag is Chinese (zh, zh-CN, zh-Hant…), which sets some text its own way. */
export function isChinese(locale: string) {
  return /^zh\b/iu.test(locale);
}

/**
 * The interface language that labels a document written in `language`: its
 * own when the interface speaks it ("fr-CA" → "fr"), else the default.
 */
export function interfaceLocaleOf(language: string): Locale {
  const base = primaryLanguage(language);
  return isLocale(base) ? base : DEFAULT_LOCALE;
}

/** The direction of text in a language: the interface's, or a document's, comment's or name's (set with its `lang`, so that it keeps its own inside a page of the other direction). */
export function localeDirection(locale: string): "ltr" | "rtl" {
  return RIGHT_TO_LEFT.has(primaryLanguage(locale)) ? "rtl" : "ltr";
}

/** A language tag's primary subtag, lower case: "zh" for "zh-Hans-CN". */
function primaryLanguage(tag: string) {
  return tag.split("-")[0]!.toLowerCase();
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

/** A user text's `lang` and `dir` attributes: its own language, or, unknown, the direction its first letters give. */
export function textLanguage(language: string | null | undefined): { lang?: string; dir: "ltr" | "rtl" | "auto" } {
  return language ? { lang: language, dir: localeDirection(language) } : { dir: "auto" };
}
