import { describe, expect, it } from "vitest";
import { HARD_BREAK, PARAGRAPH_BREAK } from "@/lib/import/block";
import { characterCount, joinWrapped, toPlainText } from "@/lib/import/plain-text";
import { messageByNumber, parseOk, sectionByNumber } from "./parse-helpers";

const firstMessage = (markdown: string) => messageByNumber(parseOk(`# S\n\n- ${markdown}\n`), "1.1").text;

describe("inline markup to plain text", () => {
  it.each([
    ["emphasis and strong", "**bold**, *em*, _em_ and ***both***", "bold, em, em and both"],
    ["a link keeps its text", "see [the report](https://example.org/report \"Report\") now", "see the report now"],
    ["an empty link keeps its URL", "see [](https://example.org/x) now", "see https://example.org/x now"],
    ["an empty link's URL stays readable", "[](https://例子.cn/路径?q=数字)", "https://例子.cn/路径?q=数字"],
    ["an autolink becomes its URL", "at <https://intgovforum.org/en/content/igf-2025-outputs>。", "at https://intgovforum.org/en/content/igf-2025-outputs。"],
    ["an e-mail autolink keeps the address", "write to <igf@un.org>", "write to igf@un.org"],
    ["inline code becomes its text", "use `a < b` here", "use a < b here"],
    ["an image becomes its alt text", "a ![chart of growth](chart.png) b", "a chart of growth b"],
    ["inline HTML tags are dropped", "a <span class=\"x\">styled</span> <b>word</b>", "a styled word"],
    ["a <br> is a line break", "line one<br>line two", "line one\nline two"],
    ["entities are decoded", "AT&amp;T &lt;tag&gt; &copy;", "AT&T <tag> ©"],
    ["backslash escapes are removed", "\\*not emphasis\\*", "*not emphasis*"],
    ["CJK emphasis markers", "主题是“**共建数字治理**”。", "主题是“共建数字治理”。"],
    ["a reference link keeps its text", "[ref text][r]\n\n[r]: https://example.org", "ref text"],
    ["unresolved brackets stay literal", "[构建] 数字信任", "[构建] 数字信任"],
  ])("%s", (_case, markdown, expected) => {
    expect(firstMessage(markdown)).toBe(expected);
  });

  it("drops an HTML block's tags and comments, never outputting HTML", () => {
    const section = sectionByNumber(parseOk("# S\n\n<div class=\"note\">\n<b>Kept</b> text\n</div>\n\n<!-- a comment -->\n\n- a\n"), "1");
    expect(section.introduction).toBe("Kept text");
  });
});

describe("whitespace", () => {
  it("collapses runs of spaces and tabs and trims", () => {
    expect(firstMessage("a  \t b   c  ")).toBe("a b c");
  });

  it("keeps the text's own characters: CJK without spaces, ideographic spaces, single spaces", () => {
    expect(firstMessage("互联网治理论坛 (IGF) 是一个平台。")).toBe("互联网治理论坛 (IGF) 是一个平台。");
    expect(firstMessage("全角\u3000空格")).toBe("全角\u3000空格");
    expect(firstMessage("互联网   治理")).toBe("互联网 治理");
  });

  it("joins wrapped lines with a space in Latin text and without one in CJK text", () => {
    const section = sectionByNumber(parseOk("# S\n\nA wrapped\nparagraph.\n\n构建一个能\n够实现。\n\n- 中文\nEnglish\n"), "1");
    expect(section.introduction).toBe("A wrapped paragraph.\n\n构建一个能够实现。");
    expect(section.messages[0]?.text).toBe("中文English");
  });

  it("keeps a hard line break as a newline", () => {
    expect(firstMessage("line one  \n  line two\\\nline three")).toBe("line one\nline two\nline three");
  });
});

describe("plain-text helpers", () => {
  it("joinWrapped puts a space only between non-CJK text", () => {
    expect(joinWrapped("构建一个能", "够实现")).toBe("构建一个能够实现");
    expect(joinWrapped("ending in a", "new line")).toBe("ending in a new line");
    expect(joinWrapped("日本語の", "テキスト")).toBe("日本語のテキスト");
    expect(joinWrapped("句子，", "next")).toBe("句子，next");
    expect(joinWrapped("", "x")).toBe("x");
    expect(joinWrapped("x", "")).toBe("x");
  });

  it("toPlainText reads soft breaks, hard breaks and paragraph breaks", () => {
    expect(toPlainText(`  one\n two ${HARD_BREAK} three ${PARAGRAPH_BREAK}${PARAGRAPH_BREAK} four\t\tfive `)).toBe(
      "one two\nthree\n\nfour five",
    );
    expect(toPlainText(` \n\t${HARD_BREAK}${PARAGRAPH_BREAK} `)).toBe("");
  });

  it("counts characters as code points", () => {
    expect(characterCount("😀😀")).toBe(2);
    expect(characterCount("中文")).toBe(2);
  });
});
