import { decodeHtmlEntities } from "./decode-html-entities";

/** Text content of an HTML fragment embedded in Markdown: comments and tags removed. */
export function stripHtmlTags(html: string): string {
  return decodeHtmlEntities(
    html
      .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
      .replace(/<br\s*\/?>/gi, "\n")
      // [^<>] rather than [^>]: an unclosed "<a" must not make every later match rescan the rest.
      .replace(/<\/?[a-zA-Z][^<>]*>/g, "")
      .replace(/<![^<>]*>|<\?[^<>]*>/g, ""),
  );
}
