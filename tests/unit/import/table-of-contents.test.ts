import { describe, expect, it } from "vitest";
import type { Block } from "@/lib/import/block";
import { removeTablesOfContents } from "@/lib/import/table-of-contents";
import { outlineOf, parseOk, sectionByNumber } from "./parse-helpers";

const paragraph = (text: string): Block => ({ kind: "paragraph", text });

describe("table of contents", () => {
  it("drops a section that holds only a table of contents, renumbering the rest", () => {
    const document = parseOk("## Contents\n\nTrust\t4\nTopic\t4\nAccess\t10\n\n## Trust\n\n- a\n\n## Access\n\n- b\n");
    expect(outlineOf(document)).toEqual(["1 Trust", "2 Access"]);
    expect(document.warnings).toEqual([
      { code: "TABLE_OF_CONTENTS", sectionNumber: null, heading: "Contents", lineCount: 3, sectionDropped: true },
    ]);
  });

  it("removes a table of contents inside a section with other content and keeps the section", () => {
    const document = parseOk("# Overview\n\nIntro text.\n\nIntroduction ........ 1\nPart one . . . . 3\nPart two …… 12\n\n- a\n");
    expect(sectionByNumber(document, "1").introduction).toBe("Intro text.");
    expect(document.warnings).toEqual([
      { code: "TABLE_OF_CONTENTS", sectionNumber: "1", heading: "Overview", lineCount: 3, sectionDropped: false },
    ]);
  });

  it("removes a table of contents before the first heading", () => {
    const document = parseOk("Preface.\n\nOne\t1\nTwo\t2\nThree\t3\nFour  4\n\n# One\n\n- a\n");
    expect(document.introduction).toBe("Preface.");
    expect(document.warnings).toEqual([
      { code: "TABLE_OF_CONTENTS", sectionNumber: null, heading: null, lineCount: 4, sectionDropped: false },
    ]);
  });

  it("recognises a list whose items end with page numbers", () => {
    const document = parseOk("# Contents\n\n- Trust\t4\n- Access\t10\n- Cooperation\t14\n\n# Trust\n\n- a\n");
    expect(outlineOf(document)).toEqual(["1 Trust"]);
    expect(document.counts.messages).toBe(1);
  });

  it("tolerates a minority of lines without page numbers", () => {
    const { blocks, tables } = removeTablesOfContents([paragraph("Part I\nOne\t1\nTwo\t2\nThree\t3")]);
    expect(tables).toEqual([{ lineCount: 4 }]);
    expect(blocks).toEqual([{ kind: "break" }]);
  });

  it("joins consecutive one-line paragraphs (as in a .docx) into one table", () => {
    const { blocks, tables } = removeTablesOfContents([
      paragraph("Before."),
      paragraph("One\t1"),
      paragraph("Two\t5"),
      paragraph("Three\t9"),
      paragraph("After."),
    ]);
    expect(tables).toEqual([{ lineCount: 3 }]);
    expect(blocks).toEqual([paragraph("Before."), { kind: "break" }, paragraph("After.")]);
  });

  it.each([
    ["numbers after a single space", "SDG 1\nSDG 2\nSDG 3\nSDG 4"],
    ["only two numbered lines", "One\t1\nTwo\t2"],
    ["mostly ordinary lines", "One\t1\nTwo\t2\nThree\t3\nplain\nplain\nplain\nplain"],
    ["a long number (a year, not a page)", "Founded\t20251\nMoved\t20262\nClosed\t20273"],
  ])("keeps text with %s", (_case, text) => {
    expect(removeTablesOfContents([paragraph(text)])).toEqual({ blocks: [paragraph(text)], tables: [] });
  });
});
