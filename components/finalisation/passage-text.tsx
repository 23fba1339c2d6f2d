import { getTranslations } from "next-intl/server";
import { highlightSegments } from "@/lib/annotations/highlights";
import type { PassageRange } from "@/lib/finalisation/workspace";
import { localeDirection } from "@/lib/i18n/locales";

type PassageTextProps = { text: string; language: string; passages: PassageRange[]; commentHref: (commentId: string) => string };

/** The draft with every passage commented on marked, each followed by its number linking to the comment. */
export async function PassageText({ text, language, passages, commentHref }: PassageTextProps) {
  const t = await getTranslations("finalise.workspace");
  const { segments } = highlightSegments(text, passages);
  const endingAt = new Map<number, PassageRange[]>();
  for (const passage of passages) endingAt.set(passage.end, [...(endingAt.get(passage.end) ?? []), passage]);
  return (
    <p className="message-text large" lang={language} dir={localeDirection(language)}>
      {segments.map((segment, index) => (
        <span key={index}>
          {segment.ids.length === 0 ? segment.text : <mark className={`depth-${Math.min(segment.ids.length, 3)}`}>{segment.text}</mark>}
          {(endingAt.get(segment.end) ?? []).map((passage) => (
            <a key={passage.id} href={commentHref(passage.id)} className="note">
              <sup>{passage.number}</sup>
              <span className="visually-hidden">{t("passageLink", { number: passage.number })}</span>
            </a>
          ))}
        </span>
      ))}
    </p>
  );
}
