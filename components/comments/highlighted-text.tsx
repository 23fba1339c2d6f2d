import { getTranslations } from "next-intl/server";
import { highlightSegments } from "@/lib/annotations/highlights";
import type { Highlight } from "@/lib/comments/message-discussion";

type HighlightedTextProps = { text: string; language: string; highlights: Highlight[]; threadHref: (highlight: Highlight) => string };

/**
 * The message text with every annotated passage marked. Overlapping passages
 * become flat segments; after the end of each passage a numbered note links to
 * its thread (and the thread links back to the note). Notes are left out of
 * the offsets a browser selection computes (data-offset-skip).
 */
export async function HighlightedText({ text, language, highlights, threadHref }: HighlightedTextProps) {
  const t = await getTranslations("comments");
  const { segments } = highlightSegments(text, highlights);
  const ordered = [...highlights].sort((a, b) => a.number - b.number);
  const endingAt = new Map<number, Highlight[]>();
  for (const highlight of ordered) endingAt.set(highlight.end, [...(endingAt.get(highlight.end) ?? []), highlight]);
  return (
    <p className="message-text large" lang={language} data-message-text="">
      {segments.map((segment, index) => (
        <span key={index}>
          {segment.ids.length === 0 ? (
            segment.text
          ) : (
            <mark className={`depth-${Math.min(segment.ids.length, 3)}`}>{segment.text}</mark>
          )}
          {(endingAt.get(segment.end) ?? []).map((highlight) => (
            <a key={highlight.id} id={`note-${highlight.id}`} href={threadHref(highlight)} className="note" data-offset-skip="">
              <sup>{highlight.number}</sup>
              <span className="visually-hidden">{t("noteLabel", { number: highlight.number })}</span>
            </a>
          ))}
        </span>
      ))}
    </p>
  );
}
