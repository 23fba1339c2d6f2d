// A page break in the source can split one bullet in two: the list item ends
// mid-sentence and the rest follows as a paragraph after a blank line
// ("…构建一个能" / "够实现稳健信息共享的生态系统至关重要。").

const SENTENCE_FINAL = /[。．.！!？?；;：:」』”"’'）)］\]】》〉…‥]$/u;
const SENTENCE_INSIDE = /[。．！？!?]|[.;:](?=\s)/u;
const STARTS_LOWERCASE = /^\p{Ll}/u;

export function endsSentence(text: string): boolean {
  return SENTENCE_FINAL.test(text.trimEnd());
}

/**
 * Whether the list is written in sentences, so that a last item without final
 * punctuation is unfinished rather than a label. Without this, a list of short
 * labels ("[建设] 数字化合作") followed by an ordinary paragraph would be merged.
 */
function isSentenceList(items: readonly string[]): boolean {
  const others = items.slice(0, -1);
  if (others.length === 0) return SENTENCE_INSIDE.test(items[0] ?? "");
  return others.filter(endsSentence).length * 2 > others.length;
}

/**
 * `paragraph` directly follows the list whose items are `items` (only blank
 * lines between). It continues the last item when that item does not end a
 * sentence and either the list is made of sentences or the paragraph starts in
 * lower case (Latin text split mid-sentence).
 */
export function isContinuation(items: readonly string[], paragraph: string): boolean {
  const last = items.at(-1);
  if (last === undefined || paragraph === "" || endsSentence(last)) return false;
  return isSentenceList(items) || STARTS_LOWERCASE.test(paragraph);
}
