import { createInflateRaw } from "node:zlib";
import {
  DOCX_MAX_COMPRESSION_RATIO,
  DOCX_MAX_ENTRIES,
  DOCX_MAX_UNPACKED_BYTES,
  DOCX_RATIO_CHECKED_FROM_BYTES,
} from "./limits";
import type { UnsupportedFormatReason } from "./types";

// A .docx is checked before mammoth (through JSZip) unpacks it: a few
// kilobytes can inflate to gigabytes, and JSZip compares an entry's real size
// with the declared one only after inflating all of it into memory.
//
// Covered: the number of parts, their declared total, each part's ratio, a
// central directory that JSZip would read differently (refused), and the real
// size of every part, inflated here as a stream and stopped once it passes the
// declared size, so mammoth never unpacks more than DOCX_MAX_UNPACKED_BYTES.
// Not covered: the time and memory mammoth's XML parsing takes for that much
// XML (tens of megabytes parse to a DOM several times larger).

const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_OF_DIRECTORY_BYTES = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP64_16 = 0xffff;
const ZIP64_32 = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x1;

type Part = { method: number; packedSize: number; size: number; data: Buffer };
type Directory = { parts: Part[] } | { problem: UnsupportedFormatReason };

const damaged: Directory = { problem: "NOT_A_DOCX" };

/**
 * Why this ZIP must not be unpacked, or null when it may be. Damaged
 * archives, ZIP64 and encrypted parts are NOT_A_DOCX: no Word draft needs them.
 */
export async function docxArchiveProblem(bytes: Uint8Array): Promise<UnsupportedFormatReason | null> {
  const directory = readDirectory(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if ("problem" in directory) return directory.problem;
  const { parts } = directory;
  if (parts.reduce((total, part) => total + part.size, 0) > DOCX_MAX_UNPACKED_BYTES) return "DOCX_TOO_LARGE_UNPACKED";
  const overcompressed = (part: Part) =>
    part.size > DOCX_RATIO_CHECKED_FROM_BYTES && part.size > part.packedSize * DOCX_MAX_COMPRESSION_RATIO;
  if (parts.some(overcompressed)) return "DOCX_OVERCOMPRESSED";
  for (const part of parts) {
    // Declared sizes can lie: what JSZip would really inflate must match them.
    const size = part.method === STORED ? part.data.length : await inflatedSizeUpTo(part.data, part.size);
    if (size !== part.size) return "NOT_A_DOCX";
  }
  return null;
}

/** The central directory, read as JSZip reads it: the last end record, entries back to back up to it. */
function readDirectory(zip: Buffer): Directory {
  const end = zip.lastIndexOf(END_OF_DIRECTORY_BYTES);
  if (end < 0 || end + 22 > zip.length) return damaged;
  const disk = zip.readUInt16LE(end + 4);
  const directoryDisk = zip.readUInt16LE(end + 6);
  const entriesHere = zip.readUInt16LE(end + 8);
  const entries = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryStart = zip.readUInt32LE(end + 16);
  if (disk !== 0 || directoryDisk !== 0 || entriesHere !== entries) return damaged;
  if (entries === ZIP64_16 || directorySize === ZIP64_32 || directoryStart === ZIP64_32) return damaged;
  if (entries > DOCX_MAX_ENTRIES) return { problem: "DOCX_TOO_MANY_PARTS" };
  // JSZip shifts every offset when the directory does not end where the end record starts.
  if (directoryStart + directorySize !== end) return damaged;

  const parts: Part[] = [];
  let at = directoryStart;
  while (at < end) {
    if (parts.length >= DOCX_MAX_ENTRIES) return { problem: "DOCX_TOO_MANY_PARTS" };
    if (at + 46 > end || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return damaged;
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const packedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const localHeader = zip.readUInt32LE(at + 42);
    if (flags & ENCRYPTED || (method !== STORED && method !== DEFLATED)) return damaged;
    if (packedSize === ZIP64_32 || size === ZIP64_32 || localHeader === ZIP64_32) return damaged;
    const data = partData(zip, localHeader, packedSize, directoryStart);
    if (!data) return damaged;
    parts.push({ method, packedSize, size, data });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return at === end && parts.length === entries ? { parts } : damaged;
}

/** A part's packed bytes, found through its local header as JSZip finds them; null outside the archive's data. */
function partData(zip: Buffer, localHeader: number, packedSize: number, directoryStart: number): Buffer | null {
  if (localHeader + 30 > directoryStart || zip.readUInt32LE(localHeader) !== LOCAL_HEADER) return null;
  const start = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
  return start + packedSize <= directoryStart ? zip.subarray(start, start + packedSize) : null;
}

/** Inflates as a stream, keeping nothing; stops one byte past `limit`. -1 for data that does not inflate. */
async function inflatedSizeUpTo(packed: Buffer, limit: number): Promise<number> {
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  inflater.end(packed);
  let size = 0;
  try {
    for await (const chunk of inflater) {
      size += (chunk as Buffer).length;
      if (size > limit) break; // leaving the loop destroys the stream
    }
  } catch {
    return -1;
  }
  return size;
}
