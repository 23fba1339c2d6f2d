import { createTranslator } from "next-intl";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import ru from "@/messages/ru.json";
import zh from "@/messages/zh.json";
import { isolateArguments } from "./bidi";
import type { Locale } from "./locales";

/** Arabic's arguments are isolated from the text around them (./bidi.ts). */
export const CATALOGUES = { ar: isolateArguments(ar), zh, en, fr, ru, es } satisfies Record<Locale, typeof en>;

/** A translator for code outside React (e-mails, scripts). */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: CATALOGUES[locale] });
}
