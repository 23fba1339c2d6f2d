/**
 * Offsets of the browser selection within the message text, counted on the
 * text as stored (note markers, flagged data-offset-skip, do not count).
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
    return visibleText(before.cloneContents());
  };
  const whole = document.createRange();
  whole.selectNodeContents(container);
  const text = visibleText(whole.cloneContents());
  let start = textBefore(range.startContainer, range.startOffset).length;
  let end = textBefore(range.endContainer, range.endOffset).length;
  // Drop whitespace at the edges, as people select a word and its space.
  while (start < end && /\s/u.test(text[start]!)) start += 1;
  while (end > start && /\s/u.test(text[end - 1]!)) end -= 1;
  return end > start ? { start, end, exact: text.slice(start, end) } : null;
}

function visibleText(fragment: DocumentFragment) {
  fragment.querySelectorAll("[data-offset-skip]").forEach((element) => element.remove());
  return fragment.textContent ?? "";
}
