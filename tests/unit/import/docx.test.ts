import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocx, parseImportFile } from "@/lib/import/parse-document";
import { sampleDraftDocx } from "../../fixtures/make-sample-docx";
import { buildDocx } from "./build-docx";
import { expectDocument, outlineOf, sectionByNumber } from "./parse-helpers";

describe(".docx import", () => {
  const bytes = buildDocx([
    { text: "Draft for community review." },
    { heading: 1, text: "Trust & resilience" },
    { text: "Why this theme matters." },
    { heading: 2, text: "Infrastructure" },
    { text: "Peering is vital.", list: { kind: "bullet" } },
    { text: "A nested point.", list: { kind: "bullet", level: 1 } },
    { text: "Cables need redundancy.", list: { kind: "bullet" } },
    { heading: 2, text: "Cybersecurity" },
    { text: "Cooperate across sectors.", list: { kind: "decimal" } },
    { runs: [{ text: "Share " }, { text: "threat", bold: true }, { text: " data, see " }, { link: "https://example.org", text: "the guide" }, { text: "." }] },
    { heading: 1, text: "Access" },
    { text: "数字连通性不仅仅意味着互联网接入。", list: { kind: "bullet" } },
  ]);

  it("turns Word headings into sections and list paragraphs into messages", async () => {
    const document = expectDocument(await parseDocx(bytes));
    expect(document.title).toBeNull();
    expect(document.introduction).toBe("Draft for community review.");
    expect(outlineOf(document)).toEqual(["1 Trust & resilience", "1.1 Infrastructure", "1.2 Cybersecurity", "2 Access"]);
    expect(sectionByNumber(document, "1").introduction).toBe("Why this theme matters.");
    expect(sectionByNumber(document, "1.1").messages.map((message) => [message.number, message.text])).toEqual([
      ["1.1.1", "Peering is vital."],
      ["1.1.2", "A nested point."],
      ["1.1.3", "Cables need redundancy."],
    ]);
    expect(sectionByNumber(document, "1.2").messages.map((message) => message.text)).toEqual(["Cooperate across sectors."]);
    expect(sectionByNumber(document, "1.2").introduction).toBe("Share threat data, see the guide.");
    expect(sectionByNumber(document, "2").messages.map((message) => message.text)).toEqual(["数字连通性不仅仅意味着互联网接入。"]);
    expect(document.counts).toEqual({ sections: 4, messages: 5 });
    expect(document.warnings).toEqual([]);
  });

  it("gives the same result through parseImportFile, whatever the file is called", async () => {
    const direct = await parseDocx(bytes);
    expect(await parseImportFile({ fileName: "draft.docx", bytes })).toEqual(direct);
    expect(await parseImportFile({ fileName: "draft.md", bytes })).toEqual(direct);
  });

  it("leaves out a Word table of contents (one paragraph per entry, tab before the page number)", async () => {
    const toc = (title: string, page: string) => ({ runs: [{ text: title }, { tab: true as const }, { text: page }] });
    const document = expectDocument(
      await parseDocx(
        buildDocx([
          { heading: 1, text: "Contents" },
          toc("Trust", "4"),
          toc("Access", "10"),
          toc("Cooperation", "14"),
          { heading: 1, text: "Trust" },
          { text: "One.", list: { kind: "bullet" } },
        ]),
      ),
    );
    expect(outlineOf(document)).toEqual(["1 Trust"]);
    expect(document.warnings).toEqual([
      { code: "TABLE_OF_CONTENTS", sectionNumber: null, heading: "Contents", lineCount: 3, sectionDropped: true },
    ]);
  });

  it("detects and merges a page-break continuation", async () => {
    const document = expectDocument(
      await parseDocx(
        buildDocx([
          { heading: 1, text: "网络安全" },
          { text: "第一句。", list: { kind: "bullet" } },
          { text: "构建一个能", list: { kind: "bullet" } },
          { text: "够实现稳健信息共享的生态系统至关重要。" },
        ]),
      ),
    );
    expect(sectionByNumber(document, "1").messages[1]).toEqual({
      number: "1.2",
      text: "构建一个能够实现稳健信息共享的生态系统至关重要。",
      continuation: { id: "c1", text: "够实现稳健信息共享的生态系统至关重要。", merged: true },
    });
  });

  it("EMPTY_DOCUMENT for a document without text, NO_STRUCTURE without headings or lists", async () => {
    expect(await parseDocx(buildDocx([{ text: "   " }]))).toEqual({ ok: false, error: { code: "EMPTY_DOCUMENT" } });
    expect(await parseDocx(buildDocx([{ text: "Only prose." }]))).toEqual({ ok: false, error: { code: "NO_STRUCTURE" } });
  });

  it("UNSUPPORTED_FORMAT when the bytes are not a ZIP", async () => {
    expect(await parseDocx(new TextEncoder().encode("# not a docx"))).toEqual({
      ok: false,
      error: { code: "UNSUPPORTED_FORMAT", reason: "NOT_A_DOCX" },
    });
  });

  it("the committed sample draft reads as its generator says", async () => {
    const committed = readFileSync(path.resolve(import.meta.dirname, "../../fixtures/sample-draft.docx"));
    const fromFile = expectDocument(await parseImportFile({ fileName: "sample-draft.docx", bytes: committed }));
    expect(fromFile).toEqual(expectDocument(await parseDocx(sampleDraftDocx())));
    expect(fromFile.title).toBeNull();
    expect(outlineOf(fromFile)).toEqual([
      "1 Digital trust and resilience",
      "1.1 Infrastructure",
      "1.2 Cybersecurity",
      "2 Universal access",
    ]);
    expect(fromFile.counts).toEqual({ sections: 4, messages: 7 });
    expect(fromFile.warnings).toEqual([]);
  });
});
