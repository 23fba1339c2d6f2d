import { linkify } from "@/lib/text/linkify";

/**
 * Plain text with its web addresses as links that search engines do not
 * credit. React escapes every part: nothing in the text becomes HTML.
 */
export function LinkedText({ text }: { text: string }) {
  return linkify(text).map((part, index) =>
    part.href ? (
      <a key={index} href={part.href} rel="nofollow ugc noopener">
        {part.text}
      </a>
    ) : (
      part.text
    ),
  );
}
