/** A passage of the message text, in offsets of the text as stored. */
export type Passage = { start: number; end: number; exact: string };

/**
 * The passage picker and the comment form are apart in the page: the picker
 * tells the form what was chosen (null: the choice is gone, say the form was
 * sent or its quote retyped) with this document event.
 */
export const PASSAGE_CHOSEN = "consult:passage-chosen";

export function announcePassage(passage: Passage | null) {
  document.dispatchEvent(new CustomEvent<Passage | null>(PASSAGE_CHOSEN, { detail: passage }));
}

export function onPassage(listener: (passage: Passage | null) => void) {
  const handle = (event: Event) => listener((event as CustomEvent<Passage | null>).detail);
  document.addEventListener(PASSAGE_CHOSEN, handle);
  return () => document.removeEventListener(PASSAGE_CHOSEN, handle);
}

/** The DOM range of [start, end) of the text inside `container` (UTF-16 offsets). */
export function domRange(container: Element, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let at = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start < at + length) {
      range.setStart(node, start - at);
      started = true;
    }
    if (started && end <= at + length) {
      range.setEnd(node, end - at);
      return range;
    }
    at += length;
  }
  return null;
}
