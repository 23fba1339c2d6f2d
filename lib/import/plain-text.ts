import { HARD_BREAK, PARAGRAPH_BREAK } from "./block";

// Scripts written without spaces between words: joining two wrapped lines of
// them must not insert a space. (Hangul uses spaces, so it is not listed.)
const NO_SPACE_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;

/** Joins two pieces of one sentence: no space between CJK characters, one space otherwise. */
export function joinWrapped(before: string, after: string): string {
  if (before === "") return after;
  if (after === "") return before;
  const last = before.slice(/[\udc00-\udfff]$/.test(before) ? -2 : -1); // last code point, cheaply
  const first = String.fromCodePoint(after.codePointAt(0) ?? 0);
  const separator = NO_SPACE_SCRIPT.test(last) || NO_SPACE_SCRIPT.test(first) ? "" : " ";
  return before + separator + after;
}

function normalizeLine(line: string): string {
  return line
    .split("\n")
    .map((segment) => segment.replace(/[ \t]+/g, " ").trim())
    .filter((segment) => segment !== "")
    .reduce(joinWrapped, "");
}

/**
 * Raw block text (see block.ts) to the stored plain text: runs of spaces and
 * tabs collapsed, lines trimmed, wrapped lines joined, hard breaks kept as
 * "\n" and paragraphs separated by a blank line.
 */
export function toPlainText(raw: string): string {
  return raw
    .split(PARAGRAPH_BREAK)
    .map((paragraph) =>
      paragraph
        .split(HARD_BREAK)
        .map(normalizeLine)
        .filter((line) => line !== "")
        .join("\n"),
    )
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
}

/** The source lines of raw text, whitespace untouched (for table-of-contents detection). */
export function physicalLines(raw: string): string[] {
  return raw.split(/[\n\u2028\u2029]/).filter((line) => line.trim() !== "");
}

/** Length as a reader counts characters (code points, not UTF-16 units). */
export function characterCount(text: string): number {
  return Array.from(text).length;
}
