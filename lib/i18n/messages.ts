import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import type { Locale } from "./locales";

export const CATALOGUES = { en, zh } satisfies Record<Locale, typeof en>;

/** A translator for code outside React (e-mails, scripts). */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: CATALOGUES[locale] });
}
