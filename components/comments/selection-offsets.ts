/**
 * Offsets of the browser selection within the message text element, which
 * holds the text as stored and nothing else (HighlightedText).
 */
export function selectionWithin(container: Element): { start: number; end: number; exact: string } | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const textBefore = (node: Node, offset: number) => {
    const before = document.createRange();
    before.selectNodeContents(container);
    before.setEnd(node, offset);
    return before.toString();
  };
  const whole = document.createRange();
  whole.selectNodeContents(container);
  const text = whole.toString();
  let start = textBefore(range.startContainer, range.startOffset).length;
  let end = textBefore(range.endContainer, range.endOffset).length;
  // Drop whitespace at the edges, as people select a word and its space.
  while (start < end && /\s/u.test(text[start]!)) start += 1;
  while (end > start && /\s/u.test(text[end - 1]!)) end -= 1;
  return end > start ? { start, end, exact: text.slice(start, end) } : null;
}
