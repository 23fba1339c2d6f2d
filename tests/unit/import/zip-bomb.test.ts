import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { importErrorMessage } from "@/lib/import/error-message";
import { DOCX_MAX_ENTRIES, MAX_IMPORT_BYTES } from "@/lib/import/limits";
import { parseImportFile } from "@/lib/import/parse-document";
import type { ImportError, UnsupportedFormatReason } from "@/lib/import/types";
import { LOCALES } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { buildDocx, docxParts } from "./build-docx";
import { expectDocument } from "./parse-helpers";
import { writeZip } from "./write-zip";
import { deflatedZeros, docxBomb } from "./zip-bomb";

const MB = 1024 * 1024;
const PARAGRAPHS = [{ heading: 1 as const, text: "Theme" }, { text: "A message.", list: { kind: "bullet" as const } }];
const refusal = (reason: UnsupportedFormatReason) => ({ code: "UNSUPPORTED_FORMAT", reason });

/** Parses `bytes` as an upload, with the time it took and how much more memory the process held afterwards. */
async function parseMeasured(bytes: Uint8Array) {
  const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const before = memory();
  const started = performance.now();
  const result = await parseImportFile({ fileName: "draft.docx", bytes });
  return { error: result.ok ? null : result.error, milliseconds: performance.now() - started, grewBy: memory() - before };
}

/** The archive's end-of-central-directory record, for tests that damage it. */
function endRecord(zip: Uint8Array) {
  const buffer = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  return { buffer, end: buffer.length - 22 };
}

describe("a .docx is checked before it is unpacked", () => {
  it("refuses 200 MB of zeros declared as such, at once and without unpacking them", async () => {
    const bomb = docxBomb(200);
    expect(bomb.byteLength).toBeLessThan(MAX_IMPORT_BYTES); // small on disk, under the upload limit
    const { error, milliseconds, grewBy } = await parseMeasured(bomb);
    expect(error).toEqual(refusal("DOCX_TOO_LARGE_UNPACKED"));
    expect(milliseconds).toBeLessThan(500);
    expect(grewBy).toBeLessThan(64 * MB);
  });

  it("refuses 1 GB of zeros that declares 10 KB, stopping as soon as it inflates past what it declared", async () => {
    // The declared sizes pass every check; JSZip would inflate the whole gigabyte before comparing.
    const liar = docxBomb(1024, 10_000);
    const { error, milliseconds, grewBy } = await parseMeasured(liar);
    expect(error).toEqual(refusal("NOT_A_DOCX"));
    expect(milliseconds).toBeLessThan(1000);
    expect(grewBy).toBeLessThan(64 * MB);
  });

  it("refuses a part that packs more than 200 to 1, even when the total is small", async () => {
    const parts = [...docxParts(PARAGRAPHS), { name: "word/media/image1.png", deflated: deflatedZeros(4), size: 4 * MB }];
    expect((await parseMeasured(writeZip(parts))).error).toEqual(refusal("DOCX_OVERCOMPRESSED"));
  });

  it("refuses more parts than DOCX_MAX_ENTRIES, whatever the end record declares", async () => {
    const extra = Array.from({ length: DOCX_MAX_ENTRIES }, (_, index) => ({ name: `word/x${index}.xml`, data: "<x/>" }));
    const crowded = writeZip([...docxParts(PARAGRAPHS), ...extra]);
    expect((await parseMeasured(crowded)).error).toEqual(refusal("DOCX_TOO_MANY_PARTS"));
    // JSZip reads every directory entry there is, so a lower count in the end record changes nothing.
    const { buffer, end } = endRecord(crowded);
    buffer.writeUInt16LE(6, end + 8);
    buffer.writeUInt16LE(6, end + 10);
    expect((await parseMeasured(buffer)).error).toEqual(refusal("DOCX_TOO_MANY_PARTS"));
  });

  it("refuses a damaged or unusual central directory as not a .docx", async () => {
    const damage = async (change: (buffer: Buffer, end: number) => void) => {
      const { buffer, end } = endRecord(buildDocx(PARAGRAPHS));
      change(buffer, end);
      return (await parseMeasured(buffer)).error;
    };
    const directoryStart = (buffer: Buffer, end: number) => buffer.readUInt32LE(end + 16);
    const cases: Record<string, (buffer: Buffer, end: number) => void> = {
      "no end record": (buffer, end) => buffer.writeUInt32LE(0, end),
      "fewer entries declared than present": (buffer, end) => (buffer.writeUInt16LE(5, end + 8), buffer.writeUInt16LE(5, end + 10)),
      "directory offset past the end": (buffer, end) => buffer.writeUInt32LE(buffer.length + 10, end + 16),
      "directory not ending at the end record": (buffer, end) => buffer.writeUInt32LE(directoryStart(buffer, end) - 1, end + 16),
      "ZIP64 entry count": (buffer, end) => (buffer.writeUInt16LE(0xffff, end + 8), buffer.writeUInt16LE(0xffff, end + 10)),
      "ZIP64 size in an entry": (buffer, end) => buffer.writeUInt32LE(0xffffffff, directoryStart(buffer, end) + 24),
      "an encrypted entry": (buffer, end) => buffer.writeUInt16LE(0x0801, directoryStart(buffer, end) + 8),
      "an unknown compression method": (buffer, end) => buffer.writeUInt16LE(12, directoryStart(buffer, end) + 10),
      "a local header inside the directory": (buffer, end) => buffer.writeUInt32LE(directoryStart(buffer, end), directoryStart(buffer, end) + 42),
      "a part running into the directory": (buffer, end) => buffer.writeUInt32LE(buffer.length, directoryStart(buffer, end) + 20),
      "a spanned archive": (buffer, end) => buffer.writeUInt16LE(1, end + 4),
      "a part that inflates to less than declared": (buffer, end) => buffer.writeUInt32LE(999_999, directoryStart(buffer, end) + 24),
    };
    for (const [label, change] of Object.entries(cases)) {
      expect(await damage(change), label).toEqual(refusal("NOT_A_DOCX"));
    }
  });

  it("still imports a normal .docx, pictures and all", async () => {
    const picture = { name: "word/media/image1.png", data: randomBytes(2 * MB) }; // incompressible, like a real photo
    const document = expectDocument(await parseImportFile({ fileName: "draft.docx", bytes: writeZip([...docxParts(PARAGRAPHS), picture]) }));
    expect(document.counts).toEqual({ sections: 1, messages: 1 });
  });
});

describe("the refusals' messages", () => {
  it.each(["DOCX_TOO_MANY_PARTS", "DOCX_TOO_LARGE_UNPACKED", "DOCX_OVERCOMPRESSED"] as const)("explain %s with its limit in every language", (reason) => {
    const { key, values } = importErrorMessage({ code: "UNSUPPORTED_FORMAT", reason } satisfies ImportError);
    for (const locale of LOCALES) {
      const text = translatorFor(locale)(`import.${key}` as never, values as never);
      expect(text).not.toMatch(/[{}]|import\./);
      expect([1000, 50, 200].some((limit) => text.includes(new Intl.NumberFormat(locale).format(limit))), `${locale}: ${text}`).toBe(true);
    }
  });
});
