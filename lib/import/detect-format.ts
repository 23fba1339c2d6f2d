import type { UnsupportedFormatReason } from "./types";

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04], // local file header: any non-empty zip, so any .docx
  [0x50, 0x4b, 0x05, 0x06], // empty archive
];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // Word 97-2003 .doc

/** File name extensions read as Markdown (plain text is Markdown without markup). */
export const MARKDOWN_EXTENSIONS: ReadonlySet<string> = new Set(["md", "markdown", "txt"]);

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

export function isZip(bytes: Uint8Array): boolean {
  return ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature));
}

export function isLegacyWordDocument(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_SIGNATURE);
}

/** Lower-case extension without the dot; "" when there is none. */
export function fileExtension(fileName: string): string {
  const base = fileName.split(/[/\\]/).at(-1) ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/** Markdown must be UTF-8 text: invalid sequences or NUL bytes mean a binary file. */
export function decodeUtf8Text(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; reason: UnsupportedFormatReason } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); // also drops a leading BOM
  } catch {
    return { ok: false, reason: "NOT_UTF8" };
  }
  return text.includes("\0") ? { ok: false, reason: "BINARY_CONTENT" } : { ok: true, text };
}
