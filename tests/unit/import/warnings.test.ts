import { describe, expect, it } from "vitest";
import { LONG_MESSAGE_LIMIT } from "@/lib/import/limits";
import type { ImportWarning } from "@/lib/import/types";
import { parseOk } from "./parse-helpers";

const codes = (warnings: ImportWarning[]) => warnings.map((warning) => warning.code);

describe("warnings", () => {
  it("EMPTY_SECTION: no messages, no introduction and no sub-sections", () => {
    const document = parseOk("# Empty\n\n# With intro\n\nText.\n\n# Parent\n\n## Child\n\n- x\n\n# Also empty\n");
    expect(document.warnings).toEqual([
      { code: "EMPTY_SECTION", sectionNumber: "1", heading: "Empty" },
      { code: "EMPTY_SECTION", sectionNumber: "4", heading: "Also empty" },
    ]);
  });

  it("LONG_MESSAGE: over the limit of characters, counted as code points", () => {
    expect(LONG_MESSAGE_LIMIT).toBe(2000);
    const document = parseOk(
      `# S\n\n- ${"字".repeat(LONG_MESSAGE_LIMIT)}\n- ${"字".repeat(LONG_MESSAGE_LIMIT + 1)}\n- ${"😀".repeat(1500)}\n`,
    );
    expect(document.warnings).toEqual([
      { code: "LONG_MESSAGE", messageNumber: "1.2", length: 2001, limit: LONG_MESSAGE_LIMIT },
    ]);
  });

  it("LONG_MESSAGE counts the merged text of a continuation", () => {
    const half = "字".repeat(1000);
    const document = parseOk(`# S\n\n- 一。\n- ${half}\n\n${half}。\n`);
    expect(document.warnings).toContainEqual({ code: "LONG_MESSAGE", messageNumber: "1.2", length: 2001, limit: LONG_MESSAGE_LIMIT });
  });

  it("DUPLICATE_HEADING: siblings only, ignoring case", () => {
    const document = parseOk("# Theme\n\n## 主题\n\n- a\n\n# Other\n\n## 主题\n\n- b\n\n# theme\n\n- c\n");
    expect(document.warnings).toEqual([
      { code: "DUPLICATE_HEADING", sectionNumber: "3", heading: "theme", firstSectionNumber: "1" },
    ]);
  });

  it("LIST_BEFORE_FIRST_HEADING counts the items kept in the introduction", () => {
    const document = parseOk("- a\n  - a.1\n- b\n\n# S\n\n- c\n");
    expect(document.warnings).toEqual([{ code: "LIST_BEFORE_FIRST_HEADING", itemCount: 3 }]);
  });

  it("carries codes and data only, never sentences", () => {
    const document = parseOk("- x\n\n# A\n\n- 一。\n- 二。\n- 构建一个能\n\n够实现。\n\n# A\n\n# B\n\nOne\t1\nTwo\t2\nThree\t3\n\nText.\n");
    expect(codes(document.warnings)).toEqual([
      "LIST_BEFORE_FIRST_HEADING", "CONTINUATION", "DUPLICATE_HEADING", "EMPTY_SECTION", "TABLE_OF_CONTENTS",
    ]);
    for (const warning of document.warnings) {
      expect(Object.keys(warning)).not.toContain("message");
    }
  });
});
