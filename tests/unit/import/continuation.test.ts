import { describe, expect, it } from "vitest";
import { endsSentence, isContinuation } from "@/lib/import/continuation";
import { parseOk, sectionByNumber } from "./parse-helpers";

const texts = (source: string, options = {}) =>
  sectionByNumber(parseOk(source, options), "1").messages.map((message) => message.text);

describe("page-break continuations", () => {
  it("merges a paragraph into the unfinished item when the list resumes afterwards (CJK: no space)", () => {
    const document = parseOk("# S\n\n- 第一句。\n- 构建一个能\n\n够实现稳健信息共享的生态系统至关重要。\n\n- 第三句。\n");
    const section = sectionByNumber(document, "1");
    expect(section.messages).toEqual([
      { number: "1.1", text: "第一句。" },
      {
        number: "1.2",
        text: "构建一个能够实现稳健信息共享的生态系统至关重要。",
        continuation: { id: "c1", text: "够实现稳健信息共享的生态系统至关重要。", merged: true },
      },
      { number: "1.3", text: "第三句。" },
    ]);
    expect(section.introduction).toBe("");
    expect(document.warnings).toEqual([{ code: "CONTINUATION", continuationId: "c1", messageNumber: "1.2", merged: true }]);
  });

  it("merges when a heading follows the paragraph (Latin: one space)", () => {
    const document = parseOk("# S\n\n- A full sentence.\n- The rest of this\n\nsentence follows here.\n\n# T\n\n- Other.\n");
    expect(sectionByNumber(document, "1").messages[1]?.text).toBe("The rest of this sentence follows here.");
    expect(sectionByNumber(document, "2").messages[0]?.text).toBe("Other.");
  });

  it("keeps a continuation separate when its id is in keepSeparate; the paragraph becomes introduction", () => {
    const document = parseOk("# S\n\n- 第一句。\n- 构建一个能\n\n够实现。\n", { keepSeparate: new Set(["c1"]) });
    const section = sectionByNumber(document, "1");
    expect(section.messages[1]).toEqual({
      number: "1.2",
      text: "构建一个能",
      continuation: { id: "c1", text: "够实现。", merged: false },
    });
    expect(section.introduction).toBe("够实现。");
    expect(document.warnings).toEqual([{ code: "CONTINUATION", continuationId: "c1", messageNumber: "1.2", merged: false }]);
  });

  it("makes an unmerged continuation its own message with paragraphsAreMessages", () => {
    const source = "# S\n\n- 第一句。\n- 构建一个能\n\n够实现。\n";
    expect(texts(source, { keepSeparate: new Set(["c1"]), paragraphsAreMessages: true })).toEqual([
      "第一句。", "构建一个能", "够实现。",
    ]);
    expect(texts(source, { paragraphsAreMessages: true })).toEqual(["第一句。", "构建一个能够实现。"]);
  });

  it("numbers continuations in document order and keeps only the ones named separate", () => {
    const source = "# A\n\n- 一。\n- 前半\n\n后半。\n\n# B\n\n## B1\n\n- Done.\n- first half of\n\nthe second.\n";
    const merged = parseOk(source);
    expect(sectionByNumber(merged, "1").messages[1]?.continuation?.id).toBe("c1");
    expect(sectionByNumber(merged, "2.1").messages[1]?.continuation?.id).toBe("c2");

    const partly = parseOk(source, { keepSeparate: new Set(["c2"]) });
    expect(sectionByNumber(partly, "1").messages[1]?.text).toBe("前半后半。");
    expect(sectionByNumber(partly, "2.1").messages[1]?.text).toBe("first half of");
    expect(sectionByNumber(partly, "2.1").introduction).toBe("the second.");
  });

  it("keeps the same ids whatever is kept separate", () => {
    const source = "# A\n\n- 一。\n- 前半\n\n后半。\n\n- 二。\n- 再前半\n\n再后半。\n";
    const ids = (keep: string[]) =>
      sectionByNumber(parseOk(source, { keepSeparate: new Set(keep) }), "1")
        .messages.flatMap((message) => (message.continuation ? [message.continuation.id] : []));
    expect(ids([])).toEqual(["c1", "c2"]);
    expect(ids(["c1"])).toEqual(["c1", "c2"]);
  });

  it.each([
    ["the item ends a sentence", "# S\n\n- 第一句。\n- 第二句。\n\n新段落。\n"],
    ["the list is short labels, not sentences", "# S\n\n- [建设] 普遍接入\n- [建设] 数字化合作\n\n本文档中的信息按照上述结构构建。\n"],
    ["something other than blank lines separates them", "# S\n\n- 第一句。\n- 构建一个能\n\n---\n\n够实现。\n"],
    ["the next block is a code block", "# S\n\n- 第一句。\n- 构建一个能\n\n```\ncode\n```\n"],
    ["a heading comes before the paragraph", "# S\n\n- 第一句。\n- 构建一个能\n\n# T\n\n够实现。\n"],
  ])("detects nothing when %s", (_case, source) => {
    const document = parseOk(source);
    expect(document.warnings.filter((warning) => warning.code === "CONTINUATION")).toEqual([]);
  });

  it("does not look for continuations before the first heading (that list is introduction text)", () => {
    const document = parseOk("- 第一句。\n- 构建一个能\n\n够实现。\n\n# S\n\n- x\n");
    expect(document.introduction).toBe("第一句。\n构建一个能\n\n够实现。");
    expect(document.warnings).toEqual([{ code: "LIST_BEFORE_FIRST_HEADING", itemCount: 2 }]);
  });
});

describe("continuation heuristic", () => {
  it.each(["。", "．", ".", "！", "!", "？", "?", "；", ";", "：", ":", "」", "』", "”", '"', "）", ")", "…"])(
    "treats %s as the end of a sentence",
    (mark) => {
      expect(endsSentence(`text${mark}`)).toBe(true);
    },
  );

  it.each(["能", "，", ",", "、", "word", "and"])("treats a text ending in %s as unfinished", (end) => {
    expect(endsSentence(`text ${end}`)).toBe(false);
  });

  it("needs a list of sentences, or a paragraph starting in lower case", () => {
    expect(isContinuation(["One.", "Two.", "Three and"], "Four.")).toBe(true);
    expect(isContinuation(["Alpha", "Beta"], "Some paragraph.")).toBe(false);
    expect(isContinuation(["Alpha", "Beta"], "continues in lower case.")).toBe(true);
    expect(isContinuation(["第一句。第二句构建一个能"], "够实现。")).toBe(true);
    expect(isContinuation(["仅一个标签"], "新段落。")).toBe(false);
    expect(isContinuation(["One.", "Two."], "three")).toBe(false);
    expect(isContinuation([], "text")).toBe(false);
  });
});
