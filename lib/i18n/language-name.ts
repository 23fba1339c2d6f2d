/**
 * A language's name in the reader's language ("中文" or "Chinese" for "zh"),
 * from Intl; the tag itself when Intl does not know it.
 */
export function languageName(language: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(language) ?? language;
  } catch {
    return language;
  }
}
