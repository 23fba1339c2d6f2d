import { getTranslations } from "next-intl/server";
import { highlightSegments } from "@/lib/annotations/highlights";
import type { Highlight } from "@/lib/comments/message-discussion";
import { localeDirection } from "@/lib/i18n/locales";

/** The id of the element whose text is exactly the version's text: the W3C selectors count in it. */
export const MESSAGE_TEXT_ID = "message-text";

type HighlightedTextProps = { text: string; language: string; highlights: Highlight[] };

/** Note numbers of the highlights that end at each offset, in number order. */
function notesEndingAt(highlights: Highlight[]) {
  const endingAt = new Map<number, number[]>();
  for (const highlight of [...highlights].sort((a, b) => a.number - b.number)) {
    endingAt.set(highlight.end, [...(endingAt.get(highlight.end) ?? []), highlight.number]);
  }
  return endingAt;
}

/**
 * The message text with every annotated passage marked. Overlapping passages
 * become flat segments. The element holds the version's text and nothing
 * else, so that a W3C selector (and a browser selection) counts in exactly
 * that text: the note numbers after a passage are drawn by CSS from
 * `data-notes`, and the links to the threads are HighlightNotes, outside it.
 */
export function HighlightedText({ text, language, highlights }: HighlightedTextProps) {
  const { segments } = highlightSegments(text, highlights);
  const endingAt = notesEndingAt(highlights);
  return (
    <p className="message-text large" lang={language} dir={localeDirection(language)} id={MESSAGE_TEXT_ID} data-message-text="">
      {segments.map((segment, index) =>
        segment.ids.length === 0 ? (
          <span key={index}>{segment.text}</span>
        ) : (
          <mark key={index} className={`depth-${Math.min(segment.ids.length, 3)}`} data-notes={endingAt.get(segment.end)?.join(",")}>
            {segment.text}
          </mark>
        ),
      )}
    </p>
  );
}

const EXCERPT_LENGTH = 48;

/** The first characters of a passage (whole code points), with an ellipsis when cut. */
function excerpt(passage: string) {
  const characters = [...passage];
  return characters.length <= EXCERPT_LENGTH ? passage : `${characters.slice(0, EXCERPT_LENGTH).join("")}…`;
}

type HighlightNotesProps = HighlightedTextProps & { threadHref: (highlight: Highlight) => string };

/**
 * The numbered notes of the marked passages, each linking to its thread (and
 * the thread links back to the note), with the passage's first words.
 */
export async function HighlightNotes({ text, language, highlights, threadHref }: HighlightNotesProps) {
  if (highlights.length === 0) return null;
  const t = await getTranslations("comments");
  const a = await getTranslations("annotationSource");
  return (
    <nav aria-label={a("notes")} className="highlight-notes">
      <ol>
        {[...highlights]
          .sort((x, y) => x.number - y.number)
          .map((highlight) => (
            <li key={highlight.id}>
              <a id={`note-${highlight.id}`} href={threadHref(highlight)} className="note">
                <sup>{highlight.number}</sup>
                <span className="visually-hidden">{t("noteLabel", { number: highlight.number })}</span>
              </a>{" "}
              <q lang={language} dir={localeDirection(language)}>{excerpt(text.slice(highlight.start, highlight.end))}</q>
            </li>
          ))}
      </ol>
    </nav>
  );
}
