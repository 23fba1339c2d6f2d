import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES } from "@/lib/import/limits";
import { parseImportFile, parseMarkdown } from "@/lib/import/parse-document";
import type { ImportError } from "@/lib/import/types";
import { expectDocument } from "./parse-helpers";
import { writeZip } from "./write-zip";

const utf8 = (text: string) => new TextEncoder().encode(text);
const errorOf = (result: { ok: boolean; error?: ImportError }) => (result.ok ? null : result.error);

/** Deterministic pseudo-random bytes (a linear congruential generator). */
function garbage(length: number, seed = 42): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

describe("Markdown errors", () => {
  it("EMPTY_DOCUMENT for an empty string", () => {
    expect(errorOf(parseMarkdown(""))).toEqual({ code: "EMPTY_DOCUMENT" });
  });

  it("EMPTY_DOCUMENT for whitespace only (including CJK space and BOM)", () => {
    expect(errorOf(parseMarkdown(" \n\t\r\n\u3000\ufeff\n"))).toEqual({ code: "EMPTY_DOCUMENT" });
  });

  it("EMPTY_DOCUMENT when nothing readable is left (only an HTML comment)", () => {
    expect(errorOf(parseMarkdown("<!-- nothing here -->\n\n---\n"))).toEqual({ code: "EMPTY_DOCUMENT" });
  });

  it("NO_STRUCTURE for paragraphs without headings or list items", () => {
    expect(errorOf(parseMarkdown("Just a paragraph.\n\nAnd another one.\n"))).toEqual({ code: "NO_STRUCTURE" });
    expect(errorOf(parseMarkdown("Text.", { paragraphsAreMessages: true }))).toEqual({ code: "NO_STRUCTURE" });
  });

  it("UNSUPPORTED_FORMAT for text with NUL characters", () => {
    expect(errorOf(parseMarkdown("# Title\0\n- a"))).toEqual({ code: "UNSUPPORTED_FORMAT", reason: "BINARY_CONTENT" });
  });

  it("UNSUPPORTED_FORMAT for nesting deeper than the parser follows, rather than dropping the rest", () => {
    const deepQuote = `# A\n\n${"> ".repeat(500)}quoted\n`;
    expect(errorOf(parseMarkdown(deepQuote))).toEqual({ code: "UNSUPPORTED_FORMAT", reason: "TOO_DEEPLY_NESTED" });
    const deepList = `# A\n\n${Array.from({ length: 300 }, (_, depth) => `${"  ".repeat(depth)}- x`).join("\n")}\n`;
    expect(errorOf(parseMarkdown(deepList))).toEqual({ code: "UNSUPPORTED_FORMAT", reason: "TOO_DEEPLY_NESTED" });
    expect(parseMarkdown(`# A\n\n${"> ".repeat(20)}- quoted item\n`).ok).toBe(true);
  });

  it("FILE_TOO_LARGE over MAX_IMPORT_BYTES of UTF-8, counting bytes not characters", () => {
    expect(MAX_IMPORT_BYTES).toBe(5 * 1024 * 1024);
    const cjk = "中".repeat(Math.floor(MAX_IMPORT_BYTES / 3) + 1); // fewer characters than the limit, more bytes
    expect(errorOf(parseMarkdown(cjk))).toEqual({ code: "FILE_TOO_LARGE", size: cjk.length * 3, limit: MAX_IMPORT_BYTES });
    expect(errorOf(parseMarkdown("a".repeat(MAX_IMPORT_BYTES)))).toEqual({ code: "NO_STRUCTURE" });
  });
});

describe("uploaded files", () => {
  it("reads Markdown and text files by extension, case-insensitively, without a BOM", async () => {
    for (const fileName of ["draft.md", "DRAFT.MD", "draft.markdown", "draft.txt"]) {
      const document = expectDocument(await parseImportFile({ fileName, bytes: utf8("\ufeffIntro.\n\n# A\n\n- a\n") }));
      expect(document.introduction).toBe("Intro.");
      expect(document.counts).toEqual({ sections: 1, messages: 1 });
    }
  });

  it("FILE_TOO_LARGE before reading anything", async () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1);
    expect(errorOf(await parseImportFile({ fileName: "draft.md", bytes }))).toEqual({
      code: "FILE_TOO_LARGE", size: MAX_IMPORT_BYTES + 1, limit: MAX_IMPORT_BYTES,
    });
    expect(errorOf(await parseImportFile({ fileName: "draft.docx", bytes }))).toMatchObject({ code: "FILE_TOO_LARGE" });
  });

  it("EMPTY_DOCUMENT for an empty or blank file", async () => {
    expect(errorOf(await parseImportFile({ fileName: "draft.md", bytes: new Uint8Array() }))).toEqual({ code: "EMPTY_DOCUMENT" });
    expect(errorOf(await parseImportFile({ fileName: "draft.md", bytes: utf8("\n \n") }))).toEqual({ code: "EMPTY_DOCUMENT" });
  });

  it("NO_STRUCTURE for a text file without headings or lists", async () => {
    expect(errorOf(await parseImportFile({ fileName: "notes.txt", bytes: utf8("Some notes.") }))).toEqual({ code: "NO_STRUCTURE" });
  });

  it("UNSUPPORTED_FORMAT for binary garbage named .md", async () => {
    expect(errorOf(await parseImportFile({ fileName: "draft.md", bytes: garbage(4096) }))).toEqual({
      code: "UNSUPPORTED_FORMAT", reason: "NOT_UTF8",
    });
  });

  it("UNSUPPORTED_FORMAT for valid UTF-8 containing NUL bytes", async () => {
    const bytes = utf8("# A\n\n- a\u0000\u0000\n");
    expect(errorOf(await parseImportFile({ fileName: "draft.md", bytes }))).toEqual({
      code: "UNSUPPORTED_FORMAT", reason: "BINARY_CONTENT",
    });
  });

  it("UNSUPPORTED_FORMAT for other extensions, a legacy .doc, and a .docx that is not a ZIP", async () => {
    const markdown = utf8("# A\n\n- a\n");
    expect(errorOf(await parseImportFile({ fileName: "draft.pdf", bytes: markdown }))).toEqual({
      code: "UNSUPPORTED_FORMAT", reason: "UNKNOWN_EXTENSION",
    });
    expect(errorOf(await parseImportFile({ fileName: "draft", bytes: markdown }))).toEqual({
      code: "UNSUPPORTED_FORMAT", reason: "UNKNOWN_EXTENSION",
    });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...garbage(512)]);
    expect(errorOf(await parseImportFile({ fileName: "draft.doc", bytes: ole }))).toEqual({
      code: "UNSUPPORTED_FORMAT", reason: "LEGACY_WORD_DOC",
    });
    expect(errorOf(await parseImportFile({ fileName: "draft.docx", bytes: markdown }))).toEqual({
      code: "UNSUPPORTED_FORMAT", reason: "NOT_A_DOCX",
    });
  });

  it("UNSUPPORTED_FORMAT for a ZIP that is not a Word document, or a truncated one", async () => {
    const zip = writeZip([{ name: "notes.txt", data: "hello" }]);
    expect(errorOf(await parseImportFile({ fileName: "draft.docx", bytes: zip }))).toEqual({
      code: "UNSUPPORTED_FORMAT", reason: "NOT_A_DOCX",
    });
    const truncated = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...garbage(200)]);
    expect(errorOf(await parseImportFile({ fileName: "draft.docx", bytes: truncated }))).toEqual({
      code: "UNSUPPORTED_FORMAT", reason: "NOT_A_DOCX",
    });
  });
});
