/** A run of plain text, or a web address found in it. */
export type TextPart = { text: string; href?: undefined } | { text: string; href: string };

// The characters RFC 3986 allows in an address: an address written in Chinese ends at the first Chinese character or full-width mark.
const ADDRESS = /(?<![A-Za-z0-9])https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/giu;
const TRAILING = /[.,;:!?'*]$/u;

/** Drops what ends a sentence rather than the address: final punctuation and a closing bracket opened before it. */
function trimAddress(candidate: string) {
  let address = candidate;
  for (;;) {
    if (TRAILING.test(address)) address = address.slice(0, -1);
    else if (address.endsWith(")") && count(address, "(") < count(address, ")")) address = address.slice(0, -1);
    else if (address.endsWith("]") && count(address, "[") < count(address, "]")) address = address.slice(0, -1);
    else return address;
  }
}

function count(text: string, character: string) {
  return text.split(character).length - 1;
}

function isWebAddress(address: string) {
  try {
    const url = new URL(address);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * Stored plain text split into text and http(s) addresses, for rendering the
 * addresses as links. Only the text is ever shown: no HTML from it is kept.
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const start = match.index;
    const address = trimAddress(match[0]);
    if (!isWebAddress(address)) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: address, href: address });
    last = start + address.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
