/**
 * In a right-to-left catalogue, what a message interpolates (a name, a
 * title, a number, a date, a receipt code) is often written left to right:
 * unisolated, its neighbouring punctuation and words reorder ("IGF 2025:"
 * ends up at the wrong end). Each argument is wrapped in Unicode's first-
 * strong isolate (U+2068 … U+2069), the plain-text form of HTML's <bdi>: it
 * works in every place a message goes (text, attributes, titles, e-mail).
 */
const FSI = "\u2068";
const PDI = "\u2069";

export function isolateArguments<Catalogue>(catalogue: Catalogue): Catalogue {
  if (typeof catalogue === "string") return isolateInMessage(catalogue) as Catalogue;
  if (catalogue && typeof catalogue === "object") {
    return Object.fromEntries(Object.entries(catalogue).map(([key, value]) => [key, isolateArguments(value)])) as Catalogue;
  }
  return catalogue;
}

/** One ICU message: simple and formatted arguments are isolated; plural and select branches are messages themselves; `#` in a plural branch is its number. */
export function isolateInMessage(message: string, inPlural = false): string {
  let out = "";
  for (let at = 0; at < message.length; ) {
    const char = message[at]!;
    if (char === "'" && (message[at + 1] === "{" || message[at + 1] === "}" || message[at + 1] === "'")) {
      // ICU quoting: copy the quoted stretch as it is.
      const end = message.indexOf("'", at + 1);
      const stop = end === -1 ? message.length : end + 1;
      out += message.slice(at, stop);
      at = stop;
    } else if (char === "{") {
      const end = matchingBrace(message, at);
      out += isolateArgument(message.slice(at + 1, end));
      at = end + 1;
    } else if (char === "#" && inPlural) {
      out += `${FSI}#${PDI}`;
      at += 1;
    } else {
      out += char;
      at += 1;
    }
  }
  return out;
}

function isolateArgument(inside: string): string {
  const [name, kind] = inside.split(",", 3).map((part) => part.trim());
  if (kind === "plural" || kind === "selectordinal" || kind === "select") {
    const head = inside.slice(0, nthIndexOf(inside, ",", 2) + 1);
    let body = "";
    const rest = inside.slice(head.length);
    for (let at = 0; at < rest.length; ) {
      if (rest[at] === "{") {
        const end = matchingBrace(rest, at);
        body += `{${isolateInMessage(rest.slice(at + 1, end), kind !== "select")}}`;
        at = end + 1;
      } else {
        body += rest[at];
        at += 1;
      }
    }
    return `{${head}${body}}`;
  }
  return name ? `${FSI}{${inside}}${PDI}` : `{${inside}}`;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let at = open; at < text.length; at += 1) {
    if (text[at] === "{") depth += 1;
    else if (text[at] === "}" && --depth === 0) return at;
  }
  throw new Error(`Unbalanced braces in the message: ${text}`);
}

function nthIndexOf(text: string, search: string, n: number): number {
  let at = -1;
  for (let found = 0; found < n; found += 1) at = text.indexOf(search, at + 1);
  return at;
}
