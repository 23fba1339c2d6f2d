// The intermediate model both formats are reduced to before sections are built.
//
// Text in a block is "raw plain text": markup is gone but whitespace is as in the
// source, so a table of contents can still be recognised by its tabs. Breaks use
// the Unicode meanings of these characters:
//   "\n"     a soft line break (wrapped source line: joined when normalised)
//   U+2028   a hard line break (kept as a newline)
//   U+2029   a paragraph break inside one list item (kept as a blank line)

export const HARD_BREAK = "\u2028";
export const PARAGRAPH_BREAK = "\u2029";

export type Block =
  | { kind: "heading"; level: number; text: string }
  /** `literal`: a code or HTML block, never taken for the continuation of a list item. */
  | { kind: "paragraph"; text: string; literal?: boolean }
  /** Nested items are flattened into `items` in document order: each becomes its own message. */
  | { kind: "list"; ordered: boolean; items: string[] }
  /** Anything that separates blocks without content (thematic break, dropped markup). */
  | { kind: "break" };
