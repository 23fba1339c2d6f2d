import { describe, expect, it } from "vitest";
import { messageByNumber, outlineOf, parseOk, sectionByNumber } from "./parse-helpers";

describe("sections from headings", () => {
  it("nests a skipped level under the nearest smaller heading (# then ###)", () => {
    const document = parseOk("# A\n\n### A.a\n\n- one\n\n## A.b\n\n- two\n\n# B\n\n### B.a\n\n- three\n");
    expect(outlineOf(document)).toEqual(["1 A", "1.1 A.a", "1.2 A.b", "2 B", "2.1 B.a"]);
    expect(messageByNumber(document, "1.1.1").text).toBe("one");
    expect(messageByNumber(document, "1.2.1").text).toBe("two");
    expect(messageByNumber(document, "2.1.1").text).toBe("three");
  });

  it("treats the smallest level as top level when a document starts at ##", () => {
    const document = parseOk("## One\n\n- a\n\n## Two\n\n### Two sub\n\n- b\n\n## Three\n\n- c\n");
    expect(document.title).toBeNull();
    expect(outlineOf(document)).toEqual(["1 One", "2 Two", "2.1 Two sub", "3 Three"]);
  });

  it("nests as deep as the headings go", () => {
    const document = parseOk("Preface, so L1 is not a title.\n\n# L1\n## L2\n### L3\n#### L4\n##### L5\n###### L6\n\n- deep\n");
    expect(outlineOf(document)).toEqual([
      "1 L1", "1.1 L2", "1.1.1 L3", "1.1.1.1 L4", "1.1.1.1.1 L5", "1.1.1.1.1.1 L6",
    ]);
    expect(messageByNumber(document, "1.1.1.1.1.1.1").text).toBe("deep");
  });

  it("returns to a shallower level after a deep branch", () => {
    const document = parseOk("## A\n#### A deep\n- x\n### A mid\n- y\n## B\n- z\n");
    expect(outlineOf(document)).toEqual(["1 A", "1.1 A deep", "1.2 A mid", "2 B"]);
  });

  it("reads setext headings and strips markup from headings", () => {
    const document = parseOk("Theme **one**\n=============\n\n- a\n\n[Theme](https://example.org) `two`\n---\n\n- b\n");
    expect(outlineOf(document)).toEqual(["1 Theme one", "1.1 Theme two"]);
  });

  it("ignores an empty heading", () => {
    const document = parseOk("# A\n\n- a\n\n#\n\n- b\n");
    expect(outlineOf(document)).toEqual(["1 A"]);
    expect(sectionByNumber(document, "1").messages.map((message) => message.text)).toEqual(["a", "b"]);
  });

  it("numbers messages per section, children and messages independently", () => {
    const document = parseOk("# A\n\n- a1\n- a2\n\n## A1\n\n- x\n\n# B\n\n- b1\n");
    expect(sectionByNumber(document, "1").messages.map((message) => message.number)).toEqual(["1.1", "1.2"]);
    expect(sectionByNumber(document, "1.1").messages.map((message) => message.number)).toEqual(["1.1.1"]);
    expect(sectionByNumber(document, "2").messages.map((message) => message.number)).toEqual(["2.1"]);
    expect(document.counts).toEqual({ sections: 3, messages: 4 });
  });
});

describe("title", () => {
  it("takes a single # heading that opens the document and wraps sub-sections as the title", () => {
    const document = parseOk("# IGF Messages 2025\n\nIntro one.\n\nIntro two.\n\n## Trust\n\n- a\n\n## Access\n\n- b\n");
    expect(document.title).toBe("IGF Messages 2025");
    expect(document.introduction).toBe("Intro one.\n\nIntro two.");
    expect(outlineOf(document)).toEqual(["1 Trust", "2 Access"]);
  });

  it("keeps the title's paragraphs as the introduction even with paragraphsAreMessages", () => {
    const document = parseOk("# Title\n\nIntro.\n\n## Theme\n\nA paragraph.\n", { paragraphsAreMessages: true });
    expect(document.title).toBe("Title");
    expect(document.introduction).toBe("Intro.");
    expect(messageByNumber(document, "1.1").text).toBe("A paragraph.");
  });

  it.each([
    ["text comes first", "Preface.\n\n# Title\n\n## A\n\n- a\n"],
    ["there is another # heading", "# Title\n\n## A\n\n- a\n\n# Annex\n\n- b\n"],
    ["it has list items of its own", "# Title\n\n- own message\n\n## A\n\n- a\n"],
    ["it has no sub-sections", "# Only\n\n- a\n"],
    ["it is not level 1", "## Title\n\n### A\n\n- a\n"],
  ])("is null when %s", (_case, source) => {
    const document = parseOk(source);
    expect(document.title).toBeNull();
    expect(document.sections[0]?.number).toBe("1");
  });
});

describe("messages and introductions", () => {
  it("makes each list item a message and joins paragraphs into the introduction", () => {
    const section = sectionByNumber(parseOk("# S\n\nFirst paragraph.\n\n- one\n- two\n\nSecond paragraph.\n"), "1");
    expect(section.introduction).toBe("First paragraph.\n\nSecond paragraph.");
    expect(section.messages.map((message) => [message.number, message.text])).toEqual([
      ["1.1", "one"],
      ["1.2", "two"],
    ]);
  });

  it("makes each paragraph a message, in document order, with paragraphsAreMessages", () => {
    const document = parseOk("# S\n\nFirst paragraph.\n\n- one\n\nSecond paragraph.\n", { paragraphsAreMessages: true });
    const section = sectionByNumber(document, "1");
    expect(section.introduction).toBe("");
    expect(section.messages.map((message) => message.text)).toEqual(["First paragraph.", "one", "Second paragraph."]);
    expect(document.counts.messages).toBe(3);
  });

  it("does not use paragraphsAreMessages before the first heading", () => {
    const document = parseOk("Preface.\n\n# S\n\nText.\n", { paragraphsAreMessages: true });
    expect(document.introduction).toBe("Preface.");
    expect(messageByNumber(document, "1.1").text).toBe("Text.");
  });

  it("numbers ordered lists itself, ignoring the source's numbers", () => {
    const section = sectionByNumber(parseOk("# S\n\n5. five\n6. six\n7) seven\n"), "1");
    expect(section.messages.map((message) => [message.number, message.text])).toEqual([
      ["1.1", "five"],
      ["1.2", "six"],
      ["1.3", "seven"],
    ]);
  });

  it("flattens nested list items into their own messages, in document order", () => {
    const source = "# S\n\n- parent one\n  - child a\n    - grandchild\n  - child b\n- parent two\n  1. ordered child\n";
    const section = sectionByNumber(parseOk(source), "1");
    expect(section.messages.map((message) => message.text)).toEqual([
      "parent one", "child a", "grandchild", "child b", "parent two", "ordered child",
    ]);
  });

  it("keeps a multi-paragraph list item as one message with a blank line between paragraphs", () => {
    const section = sectionByNumber(parseOk("# S\n\n- first part\n\n  second part\n- next\n"), "1");
    expect(section.messages.map((message) => message.text)).toEqual(["first part\n\nsecond part", "next"]);
  });

  it("joins a lazy continuation line into its list item", () => {
    const section = sectionByNumber(parseOk("# S\n\n- an item that wraps\nonto the next line\n- 中文条目\n继续。\n"), "1");
    expect(section.messages.map((message) => message.text)).toEqual([
      "an item that wraps onto the next line",
      "中文条目继续。",
    ]);
  });

  it("skips empty list items", () => {
    const section = sectionByNumber(parseOk("# S\n\n- one\n-\n- two\n"), "1");
    expect(section.messages.map((message) => message.text)).toEqual(["one", "two"]);
  });

  it("reads the content of block quotes and code blocks as text", () => {
    const section = sectionByNumber(parseOk("# S\n\n> Quoted intro.\n>\n> - quoted item\n\n```\ncode line 1\ncode line 2\n```\n"), "1");
    expect(section.introduction).toBe("Quoted intro.\n\ncode line 1\ncode line 2");
    expect(section.messages.map((message) => message.text)).toEqual(["quoted item"]);
  });

  it("puts list items before the first heading into the introduction as lines, with a warning", () => {
    const document = parseOk("Welcome.\n\n- first point\n- second point\n\n# Theme\n\n- a message\n");
    expect(document.introduction).toBe("Welcome.\n\nfirst point\nsecond point");
    expect(document.counts).toEqual({ sections: 1, messages: 1 });
    expect(document.warnings).toEqual([{ code: "LIST_BEFORE_FIRST_HEADING", itemCount: 2 }]);
  });

  it("accepts a document that is only a list, keeping it in the introduction", () => {
    const document = parseOk("- one\n- two\n");
    expect(document.sections).toEqual([]);
    expect(document.introduction).toBe("one\ntwo");
    expect(document.warnings).toEqual([{ code: "LIST_BEFORE_FIRST_HEADING", itemCount: 2 }]);
  });

  it("reads CRLF line endings like LF", () => {
    expect(parseOk("# S\r\n\r\nIntro\r\nwraps.\r\n\r\n- one\r\n- two\r\n")).toEqual(parseOk("# S\n\nIntro\nwraps.\n\n- one\n- two\n"));
  });
});
