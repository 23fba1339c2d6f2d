/**
 * Word-level changes from one text to another, for the outcome's "changes from
 * the draft" view and the Word export's tracked changes.
 *
 * Words come from Intl.Segmenter in the text's language, so Chinese (which has
 * no spaces) is compared word by word, not character by character or as one
 * long "word". Spaces and punctuation are tokens of their own.
 */

export type RedlinePart = { kind: "equal" | "delete" | "insert"; text: string };

/** Above this many token pairs the texts are shown as one replacement, not a word diff. */
const MAX_CELLS = 4_000_000;

export function redline(before: string, after: string, locale: string): RedlinePart[] {
  if (before === after) return before ? [{ kind: "equal", text: before }] : [];
  const a = words(before, locale);
  const b = words(after, locale);

  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }

  const parts: RedlinePart[] = [];
  push(parts, "equal", a.slice(0, start).join(""));
  for (const part of middle(a.slice(start, endA), b.slice(start, endB))) push(parts, part.kind, part.text);
  push(parts, "equal", a.slice(endA).join(""));
  return tidy(parts);
}

/** The text's words, spaces and punctuation, in order; joined they give the text back. */
export function words(text: string, locale: string): string[] {
  const segmenter = new Intl.Segmenter(safeLocale(locale), { granularity: "word" });
  return Array.from(segmenter.segment(text), (segment) => segment.segment);
}

/** The text before the change (equal and deleted parts) or after it (equal and inserted parts). */
export function sideOf(parts: RedlinePart[], side: "before" | "after") {
  const skip = side === "before" ? "insert" : "delete";
  return parts.filter((part) => part.kind !== skip).map((part) => part.text).join("");
}

export function hasChanges(parts: RedlinePart[]) {
  return parts.some((part) => part.kind !== "equal");
}

function safeLocale(locale: string) {
  try {
    return Intl.Segmenter.supportedLocalesOf([locale]).length > 0 ? locale : "en";
  } catch {
    return "en";
  }
}

/** A longest-common-subsequence diff of the differing middle. */
function middle(a: string[], b: string[]): RedlinePart[] {
  if (a.length === 0 || b.length === 0 || a.length * b.length > MAX_CELLS) {
    return [
      { kind: "delete", text: a.join("") },
      { kind: "insert", text: b.join("") },
    ];
  }
  const columns = b.length + 1;
  // lcs(i, j): the length of the longest common subsequence of a[i..] and b[j..].
  const lengths = new Uint32Array((a.length + 1) * columns);
  const lcs = (i: number, j: number) => lengths[i * columns + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * columns + j] = a[i] === b[j] ? lcs(i + 1, j + 1) + 1 : Math.max(lcs(i + 1, j), lcs(i, j + 1));
    }
  }
  const parts: RedlinePart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(parts, "equal", a[i++]);
      j++;
    } else if (lcs(i + 1, j) >= lcs(i, j + 1)) {
      push(parts, "delete", a[i++]);
    } else {
      push(parts, "insert", b[j++]);
    }
  }
  push(parts, "delete", a.slice(i).join(""));
  push(parts, "insert", b.slice(j).join(""));
  return parts;
}

function push(parts: RedlinePart[], kind: RedlinePart["kind"], text: string | undefined) {
  if (!text) return;
  const last = parts.at(-1);
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * Readable changes: a lone space or punctuation mark left equal between two
 * changes joins them ("~~the old~~ __a new__" instead of "~~the~~ __a__ ~~old~~
 * __new__"), and within each change the deletion comes before the insertion.
 */
function tidy(parts: RedlinePart[]): RedlinePart[] {
  const merged: RedlinePart[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    push(merged, "delete", deleted);
    push(merged, "insert", inserted);
    deleted = "";
    inserted = "";
  };
  parts.forEach((part, index) => {
    const between = index > 0 && index < parts.length - 1;
    if (part.kind === "delete") deleted += part.text;
    else if (part.kind === "insert") inserted += part.text;
    else if (between && isGlue(part.text) && (deleted || inserted)) {
      deleted += part.text;
      inserted += part.text;
    } else {
      flush();
      push(merged, "equal", part.text);
    }
  });
  flush();
  return merged;
}

/** Spaces and a little punctuation: too small to stand alone between two changes. */
function isGlue(text: string) {
  return /^[\s\p{P}]{1,2}$/u.test(text);
}
