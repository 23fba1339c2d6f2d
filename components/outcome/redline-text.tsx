import { Fragment } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import type { RedlinePart } from "@/lib/text/redline";
import { localeDirection } from "@/lib/i18n/locales";

type RedlineTextProps = { parts: RedlinePart[]; language: string };

/**
 * Changes from the draft: deleted words struck through (<del>), inserted ones
 * underlined (<ins>), which print in black and white too. Screen readers do
 * not announce <del>/<ins> reliably, so each change also carries words of its
 * own ("[deleted: … ]"), visually hidden, in the reader's language.
 */
export async function RedlineText({ parts, language }: RedlineTextProps) {
  const t = await getTranslations("outcome");
  const locale = await getLocale();
  const marker = (text: string) => (
    <span className="visually-hidden" lang={locale} dir={localeDirection(locale)}>
      {text}
    </span>
  );
  return (
    <p className="message-text redline" lang={language} dir={localeDirection(language)}>
      {parts.map((part, index) => {
        if (part.kind === "equal") return <Fragment key={index}>{part.text}</Fragment>;
        const Change = part.kind === "delete" ? "del" : "ins";
        return (
          <Change key={index}>
            {marker(`${t(part.kind === "delete" ? "deletedStart" : "insertedStart")} `)}
            {part.text}
            {marker(` ${t("changeEnd")}`)}
          </Change>
        );
      })}
    </p>
  );
}
