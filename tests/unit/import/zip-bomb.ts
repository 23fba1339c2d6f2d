import { constants, deflateRawSync } from "node:zlib";
import { docxParts } from "./build-docx";
import { writeZip } from "./write-zip";

const MB = 1024 * 1024;

/**
 * Raw DEFLATE data for `megabytes` MB of zeros, made without holding them:
 * one sync-flushed (non-final) megabyte repeated, then an empty final block.
 * Matches only reach back to zeros, so the copies chain into one valid stream.
 */
export function deflatedZeros(megabytes: number): Buffer {
  const oneMegabyte = deflateRawSync(Buffer.alloc(MB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return Buffer.concat([...Array.from({ length: megabytes }, () => oneMegabyte), finalEmptyBlock]);
}

/** A .docx whose document part is `megabytes` MB of zeros, declaring `declaredSize` bytes (the truth by default). */
export function docxBomb(megabytes: number, declaredSize = megabytes * MB): Uint8Array {
  const parts = docxParts([{ heading: 1, text: "Theme" }, { text: "A message.", list: { kind: "bullet" } }]);
  const bomb = { name: "word/document.xml", deflated: deflatedZeros(megabytes), size: declaredSize };
  return writeZip(parts.map((part) => (part.name === bomb.name ? bomb : part)));
}
