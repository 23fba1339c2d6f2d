import { inflateRawSync } from "node:zlib";

/**
 * The files of a ZIP archive (a .docx), read from its central directory:
 * enough of the format (stored and deflated entries) to look inside what a
 * library wrote, without trusting that library's own reader.
 */
export function unzip(archive: Uint8Array): Map<string, Buffer> {
  const data = Buffer.from(archive);
  const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a ZIP archive");
  const count = data.readUInt16LE(end + 10);
  let entry = data.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(entry) !== 0x02014b50) throw new Error("bad central directory");
    const method = data.readUInt16LE(entry + 10);
    const compressedSize = data.readUInt32LE(entry + 20);
    const nameLength = data.readUInt16LE(entry + 28);
    const extraLength = data.readUInt16LE(entry + 30);
    const commentLength = data.readUInt16LE(entry + 32);
    const local = data.readUInt32LE(entry + 42);
    const name = data.toString("utf8", entry + 46, entry + 46 + nameLength);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + compressedSize);
    files.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    entry += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
