import type { Block } from "./block";
import { toPlainText } from "./plain-text";

export type OutlineSection = { heading: string; level: number; blocks: Block[]; children: OutlineSection[] };

export type Outline = {
  title: string | null;
  /** Blocks before the first section: the document's introduction. */
  preamble: Block[];
  sections: OutlineSection[];
};

/**
 * Nests headings by level, relatively: a heading becomes a child of the nearest
 * preceding heading with a smaller level, so skipped levels (# then ###) and
 * documents starting at ## nest as a reader expects.
 */
export function buildOutline(blocks: readonly Block[]): Outline {
  const preamble: Block[] = [];
  const roots: OutlineSection[] = [];
  const open: OutlineSection[] = [];
  for (const block of blocks) {
    if (block.kind !== "heading") {
      (open.at(-1)?.blocks ?? preamble).push(block);
      continue;
    }
    const section: OutlineSection = { heading: toPlainText(block.text), level: block.level, blocks: [], children: [] };
    while ((open.at(-1)?.level ?? 0) >= block.level) open.pop();
    (open.at(-1)?.children ?? roots).push(section);
    open.push(section);
  }
  return extractTitle({ title: null, preamble, sections: roots });
}

// The first heading is normally just section 1. It is the document's title only
// when the document opens with it, it is the only level-1 heading, it has no list
// items of its own and it has sub-sections: a "# Title" wrapping everything.
// Its paragraphs then are the document's introduction and its sub-sections are
// the top-level sections.
function extractTitle(outline: Outline): Outline {
  const [only, ...others] = outline.sections;
  const opensWithHeading = outline.preamble.every((block) => block.kind === "break");
  if (
    only === undefined ||
    others.length > 0 ||
    only.level !== 1 ||
    !opensWithHeading ||
    only.children.length === 0 ||
    only.blocks.some((block) => block.kind === "list")
  ) {
    return outline;
  }
  return { title: only.heading, preamble: only.blocks, sections: only.children };
}
