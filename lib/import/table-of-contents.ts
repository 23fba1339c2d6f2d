import type { Block } from "./block";
import { TOC_MIN_LINES } from "./limits";
import { physicalLines } from "./plain-text";

// A page number at the end of a line, set off by a tab, two or more spaces, or
// dot leaders ("Introduction ........ 4", "[构建] 数字信任与韧性\t4"). A single
// space is not enough: "SDG 16" is a normal line.
const PAGE_NUMBER_AT_END = /(?:\t|[ \u3000]{2,}|(?:[ \u3000]*[.·‥…_]){2,}[ \u3000]*|…[ \u3000]*)\d{1,4}$/u;

export type TableOfContents = { lineCount: number };

// Only a line's end can hold its page number; looking at no more keeps the
// regular expression linear on hostile input (a megabyte of dots).
const LINE_END_CHARS = 64;

function endsWithPageNumber(line: string): boolean {
  return PAGE_NUMBER_AT_END.test(line.trimEnd().slice(-LINE_END_CHARS));
}

function tocLines(block: Block): string[] | null {
  if (block.kind === "paragraph") return physicalLines(block.text);
  if (block.kind === "list") return block.items.flatMap(physicalLines);
  return null;
}

/** Most of the lines end with a page number. */
function looksLikeToc(lines: string[]): boolean {
  const numbered = lines.filter(endsWithPageNumber).length;
  return numbered * 2 > lines.length;
}

/**
 * Removes table-of-contents blocks. A table of contents is a list, or a run of
 * consecutive paragraphs (a .docx has one paragraph per entry), where most
 * lines end with a page number and at least TOC_MIN_LINES lines do.
 */
export function removeTablesOfContents(blocks: readonly Block[]): { blocks: Block[]; tables: TableOfContents[] } {
  const kept: Block[] = [];
  const tables: TableOfContents[] = [];
  let run: { blocks: Block[]; lines: string[] } = { blocks: [], lines: [] };

  const endRun = () => {
    const numbered = run.lines.filter(endsWithPageNumber).length;
    if (numbered >= TOC_MIN_LINES) {
      tables.push({ lineCount: run.lines.length });
      kept.push({ kind: "break" }); // what was around it is not adjacent now
    } else {
      for (const block of run.blocks) kept.push(block);
    }
    run = { blocks: [], lines: [] };
  };

  for (const block of blocks) {
    const lines = tocLines(block);
    const candidate = lines !== null && looksLikeToc(lines);
    // A list is a block of its own; paragraphs may continue a run.
    if (!candidate || block.kind === "list") endRun();
    if (candidate) {
      run.blocks.push(block);
      run.lines = run.lines.concat(lines ?? []); // no spread: a paragraph may have a million lines
      if (block.kind === "list") endRun();
    } else {
      kept.push(block);
    }
  }
  endRun();
  return { blocks: kept, tables };
}
