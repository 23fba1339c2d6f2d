import { LinkedText } from "@/components/text/linked-text";
import { textLanguage } from "@/lib/i18n/locales";

/**
 * Plain text with line breaks kept (by CSS) and web addresses made into links
 * that search engines do not credit. Nothing typed is ever rendered as HTML.
 * Without a known language, the text's first letters decide its direction.
 */
export function CommentBody({ text, language }: { text: string; language?: string | null }) {
  return (
    // Its own language: read aloud and set in its script's font, in its own direction, whatever the page's language.
    <div className="comment-body" {...textLanguage(language)}>
      <LinkedText text={text} />
    </div>
  );
}
