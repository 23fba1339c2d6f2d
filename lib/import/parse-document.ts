import type { Block } from "./block";
import { buildDocument } from "./build-document";
import { decodeUtf8Text, fileExtension, isLegacyWordDocument, isZip, MARKDOWN_EXTENSIONS } from "./detect-format";
import { docxArchiveProblem } from "./docx-archive";
import { docxToHtml } from "./docx-to-html";
import { htmlToBlocks } from "./html-to-blocks";
import { MAX_IMPORT_BYTES } from "./limits";
import { markdownToBlocks } from "./markdown-to-blocks";
import { NestingTooDeepError } from "./nesting-too-deep-error";
import type { ImportError, ImportOptions, ParseResult } from "./types";

const failure = (error: ImportError): ParseResult => ({ ok: false, error });
const tooLarge = (size: number): ParseResult => failure({ code: "FILE_TOO_LARGE", size, limit: MAX_IMPORT_BYTES });

// A hostile document nested thousands deep (quotes in quotes) would exhaust the
// stack or the Markdown parser's nesting limit: a format problem, not a crash.
function guardNesting(parse: () => ParseResult): ParseResult {
  try {
    return parse();
  } catch (error) {
    const stackOverflow = error instanceof RangeError && /call stack/i.test(error.message);
    if (error instanceof NestingTooDeepError || stackOverflow) return failure({ code: "UNSUPPORTED_FORMAT", reason: "TOO_DEEPLY_NESTED" });
    throw error;
  }
}

function fromBlocks(blocks: readonly Block[], options: ImportOptions): ParseResult {
  if (blocks.every((block) => block.kind === "break")) return failure({ code: "EMPTY_DOCUMENT" });
  const hasStructure = blocks.some(
    (block) => block.kind === "heading" || (block.kind === "list" && block.items.length > 0),
  );
  if (!hasStructure) return failure({ code: "NO_STRUCTURE" });
  return { ok: true, document: buildDocument(blocks, options) };
}

/** Parses a Markdown draft (CommonMark). */
export function parseMarkdown(source: string, options: ImportOptions = {}): ParseResult {
  const size = new TextEncoder().encode(source).byteLength;
  if (size > MAX_IMPORT_BYTES) return tooLarge(size);
  if (source.includes("\0")) return failure({ code: "UNSUPPORTED_FORMAT", reason: "BINARY_CONTENT" });
  if (source.trim() === "") return failure({ code: "EMPTY_DOCUMENT" });
  return guardNesting(() => fromBlocks(markdownToBlocks(source.replace(/\r\n?/g, "\n")), options));
}

/** Parses a Word .docx draft through mammoth's HTML. */
export async function parseDocx(bytes: Uint8Array, options: ImportOptions = {}): Promise<ParseResult> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return tooLarge(bytes.byteLength);
  if (!isZip(bytes)) return failure({ code: "UNSUPPORTED_FORMAT", reason: "NOT_A_DOCX" });
  const archiveProblem = await docxArchiveProblem(bytes); // before anything is unpacked
  if (archiveProblem) return failure({ code: "UNSUPPORTED_FORMAT", reason: archiveProblem });
  let html: string;
  try {
    html = await docxToHtml(bytes);
  } catch {
    return failure({ code: "UNSUPPORTED_FORMAT", reason: "NOT_A_DOCX" }); // a zip, but not a Word document
  }
  return guardNesting(() => fromBlocks(htmlToBlocks(html), options));
}

/**
 * An uploaded file: a ZIP is read as .docx whatever its name; otherwise the
 * name must say Markdown or text and the bytes must be UTF-8 text.
 */
export async function parseImportFile(
  input: { fileName: string; bytes: Uint8Array },
  options: ImportOptions = {},
): Promise<ParseResult> {
  const { fileName, bytes } = input;
  if (bytes.byteLength > MAX_IMPORT_BYTES) return tooLarge(bytes.byteLength);
  if (bytes.byteLength === 0) return failure({ code: "EMPTY_DOCUMENT" });
  if (isZip(bytes)) return parseDocx(bytes, options);
  if (isLegacyWordDocument(bytes)) return failure({ code: "UNSUPPORTED_FORMAT", reason: "LEGACY_WORD_DOC" });
  const extension = fileExtension(fileName);
  if (extension === "docx") return failure({ code: "UNSUPPORTED_FORMAT", reason: "NOT_A_DOCX" });
  if (!MARKDOWN_EXTENSIONS.has(extension)) return failure({ code: "UNSUPPORTED_FORMAT", reason: "UNKNOWN_EXTENSION" });
  const decoded = decodeUtf8Text(bytes);
  if (!decoded.ok) return failure({ code: "UNSUPPORTED_FORMAT", reason: decoded.reason });
  return parseMarkdown(decoded.text, options);
}
