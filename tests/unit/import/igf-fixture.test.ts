import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseImportFile, parseMarkdown } from "@/lib/import/parse-document";
import type { ImportWarning } from "@/lib/import/types";
import { allMessages, allSections, expectDocument, messageByNumber, outlineOf, parseOk, sectionByNumber } from "./parse-helpers";

// The real IGF 2025 draft (Chinese translation) as the secretariat receives it:
// uneven heading levels, a table of contents with page numbers, and two bullets
// split by page breaks.
const FIXTURE = path.resolve(import.meta.dirname, "../../fixtures/igf-2025-lillestrom-messages.zh.md");
const source = readFileSync(FIXTURE, "utf8");
const document = parseOk(source);

describe("IGF 2025 Lillestrøm messages (zh)", () => {
  it("agrees with a plain count of the source: 92 bullets, 31 headings of which the TOC heading is left out", () => {
    const lines = source.split("\n");
    expect(lines.filter((line) => line.startsWith("- "))).toHaveLength(92);
    expect(lines.filter((line) => /^#{1,6} /.test(line))).toHaveLength(31);
    expect(document.counts).toEqual({ sections: 30, messages: 92 });
    expect(allSections(document.sections)).toHaveLength(30);
    expect(allMessages(document)).toHaveLength(92);
  });

  it("keeps the attribution line as the introduction and has no title", () => {
    expect(document.introduction.startsWith("本译本感谢张晓的自愿贡献")).toBe(true);
    expect(document.introduction).toBe("本译本感谢张晓的自愿贡献。IGF 对他们表示感谢。不代表该组织的任何立场。");
    expect(document.title).toBeNull();
  });

  it("nests the uneven headings relatively", () => {
    expect(outlineOf(document)).toEqual([
      "1 利勒斯特罗姆 IGF 信息",
      "2 利勒斯特伦 IGF 信息及其他 IGF 成果",
      "3 [构建] 数字信任与韧性",
      "3.1 主题",
      "3.2 IGF 利勒斯特罗姆信息",
      "3.2.1 数字基础设施",
      "4 网络安全 / 信息完整性/儿童安全",
      "5 [建设] 可持续和负责任创新",
      "5.1 主题",
      "5.2 IGF 利勒斯特罗姆信息",
      "5.2.1 数字公共产品",
      "5.2.2 人工智能、工作和技能",
      "5.2.3 虚假信息、内容审核、人工智能和媒体/新闻",
      "5.2.4 利勒斯特罗姆 IGF 信息",
      "6 基础设施",
      "7 连接性",
      "8 环境与健康",
      "9 人工智能公平差距、人工智能伦理与小型人工智能参与者",
      "10 [建设] 普遍接入和数字版权",
      "10.1 主题",
      "11 IGF 利勒斯特罗姆信息",
      "11.1 人权与数字危害",
      "11.2 人工智能伦理",
      "12 有意义的访问",
      "13 数字公共基础设施",
      "14 [建设] 数字化合作",
      "14.1 主题",
      "14.2 IGF 利勒斯特罗姆信息",
      "15 IGF、全球数字契约和 WSIS",
      "15.1 全球人工智能合作",
    ]);
  });

  it("has these message counts per section", () => {
    const perSection = Object.fromEntries(
      allSections(document.sections)
        .filter((section) => section.messages.length > 0)
        .map((section) => [section.number, section.messages.length]),
    );
    expect(perSection).toEqual({
      "1": 4, "3.2.1": 10, "4": 9, "5.2.1": 2, "5.2.2": 4, "5.2.4": 4, "6": 5, "7": 2, "8": 4, "9": 4,
      "11.1": 8, "11.2": 3, "12": 6, "13": 2, "14.2": 8, "15": 13, "15.1": 4,
    });
  });

  it("leaves the table of contents out, with its section, and warns", () => {
    const warning: ImportWarning = {
      code: "TABLE_OF_CONTENTS", sectionNumber: null, heading: "目录", lineCount: 13, sectionDropped: true,
    };
    expect(document.warnings).toContainEqual(warning);
    const everything = [
      document.introduction,
      ...allSections(document.sections).flatMap((section) => [section.heading, section.introduction]),
      ...allMessages(document).map((message) => message.text),
    ];
    expect(everything.some((text) => text.includes("目录"))).toBe(false);
    expect(everything.some((text) => /信息\s+\d+$|主题\s+\d+/m.test(text))).toBe(false);
  });

  it("merges both page-break continuations by default, joining CJK text without a space", () => {
    const first = messageByNumber(document, "4.4");
    expect(first.text).toContain("构建一个能够实现稳健信息共享的生态系统至关重要");
    expect(first.text.endsWith("这项工作必须是跨部门的，并且需要多利益相关方共同参与。")).toBe(true);
    expect(first.continuation).toEqual({
      id: "c1",
      text: "够实现稳健信息共享的生态系统至关重要。这项工作必须是跨部门的，并且需要多利益相关方共同参与。",
      merged: true,
    });

    const second = messageByNumber(document, "11.2.3");
    expect(second.text).toMatch(/^有必要将心理健康和自杀意识纳入互联网和人工智能发展的政策对话/);
    expect(second.text.endsWith("用户对个人心理健康数据和信息的控制权。")).toBe(true);
    expect(second.continuation).toEqual({ id: "c2", text: "息的控制权。", merged: true });

    // The continuation paragraphs are not left behind as introductions.
    expect(sectionByNumber(document, "4").introduction).toBe("");
    expect(sectionByNumber(document, "11.2").introduction).toBe("");
    // The message after the first one is the next bullet, not the paragraph.
    expect(messageByNumber(document, "4.5").text).toMatch(/^加密争论常常会变得根深蒂固/);
  });

  it("does not take the short theme list followed by a paragraph for a continuation", () => {
    const section = sectionByNumber(document, "1");
    expect(section.messages.map((message) => message.text)).toEqual([
      "[构建] 数字信任与韧性",
      "[建设] 可持续和负责任创新",
      "[建设] 普遍接入和数字版权",
      "[建设] 数字化合作",
    ]);
    expect(section.messages.every((message) => message.continuation === undefined)).toBe(true);
    expect(section.introduction).toContain("本文档中的信息按照上述结构构建。");
  });

  it("reports exactly these warnings, in document order", () => {
    expect(document.warnings).toEqual([
      { code: "TABLE_OF_CONTENTS", sectionNumber: null, heading: "目录", lineCount: 13, sectionDropped: true },
      { code: "CONTINUATION", continuationId: "c1", messageNumber: "4.4", merged: true },
      { code: "EMPTY_SECTION", sectionNumber: "5.2.3", heading: "虚假信息、内容审核、人工智能和媒体/新闻" },
      { code: "CONTINUATION", continuationId: "c2", messageNumber: "11.2.3", merged: true },
    ]);
  });

  it("reduces inline markup to plain text", () => {
    const intro = sectionByNumber(document, "1").introduction;
    expect(intro).toContain("论坛的主题是“共建数字治理”。");
    expect(intro).toContain("免责声明：本文件中表达的观点和意见不一定反映联合国秘书处的观点和意见。");
    expect(sectionByNumber(document, "2").introduction).toContain(
      "这些信息的报告可访问 https://intgovforum.org/en/content/igf-2025-outputs 获取。",
    );
    expect(sectionByNumber(document, "3.1").introduction).toMatch(
      /^GDC 3、4、5 - WSIS C5、C9、C10 - SDGs 9、16、12、17；网络安全与信任/,
    );
    const everything = [
      ...allSections(document.sections).map((section) => section.introduction),
      ...allMessages(document).map((message) => message.text),
    ].join("\n");
    expect(everything).not.toMatch(/\*|<|\]\(|\t/);
  });

  it("numbers specific messages", () => {
    expect(messageByNumber(document, "1.1").text).toBe("[构建] 数字信任与韧性");
    expect(messageByNumber(document, "3.2.1.1").text).toMatch(/^随着对数字服务的依赖日益加深，对网络中断的容忍度也随之下降。/);
    expect(messageByNumber(document, "3.2.1.10").text).toMatch(/^关于自主武器系统 \(AWS\) 及其技术/);
    expect(messageByNumber(document, "7.2").text).toBe("我们需要增强农村互联网用户的能力，为他们提供社群网络可持续发展所需的数字技能。");
    expect(messageByNumber(document, "15.13").text).toMatch(/^IGF 需要继续作为就互联网技术层面治理进行有效对话的场所/);
    expect(messageByNumber(document, "15.1.4").text).toMatch(/在全球不同背景下的包容性采用。$/);
  });

  it("keeps a continuation separate when asked, and the paragraph falls back to the introduction", () => {
    const kept = parseOk(source, { keepSeparate: new Set(["c1"]) });
    const message = messageByNumber(kept, "4.4");
    expect(message.text.endsWith("构建一个能")).toBe(true);
    expect(message.continuation).toMatchObject({ id: "c1", merged: false });
    expect(sectionByNumber(kept, "4").introduction).toBe(
      "够实现稳健信息共享的生态系统至关重要。这项工作必须是跨部门的，并且需要多利益相关方共同参与。",
    );
    expect(messageByNumber(kept, "11.2.3").continuation).toMatchObject({ id: "c2", merged: true });
    expect(kept.counts).toEqual({ sections: 30, messages: 92 });
    expect(kept.warnings).toContainEqual({ code: "CONTINUATION", continuationId: "c1", messageNumber: "4.4", merged: false });
  });

  it("gives the same result for the same input (stable ids and numbers)", () => {
    expect(parseMarkdown(source)).toEqual(parseMarkdown(source));
  });

  it("reads the same from an uploaded file", async () => {
    const uploaded = expectDocument(
      await parseImportFile({ fileName: "igf-2025-lillestrom-messages.zh.md", bytes: readFileSync(FIXTURE) }),
    );
    expect(uploaded).toEqual(document);
  });
});
