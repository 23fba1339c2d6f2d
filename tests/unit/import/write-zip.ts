import { crc32, deflateRawSync } from "node:zlib";

// Test helper: the smallest ZIP writer that real readers (JSZip in mammoth)
// accept. Deflated entries, UTF-8 names, a fixed timestamp so output is stable.

export type ZipEntry =
  | { name: string; data: string | Uint8Array }
  /** Already deflated, declaring `size` whatever it inflates to (zip-bomb tests); CRC left 0. */
  | { name: string; deflated: Uint8Array; size: number };

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (2025 - 1980) << 9 | 6 << 5 | 27; // 2025-06-27
const UTF8_NAMES = 0x0800;

export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const raw = "data" in entry ? (typeof entry.data === "string" ? Buffer.from(entry.data, "utf8") : Buffer.from(entry.data)) : null;
    const compressed = "deflated" in entry ? Buffer.from(entry.deflated) : deflateRawSync(raw!);
    const size = "deflated" in entry ? entry.size : raw!.length;
    const checksum = raw ? crc32(raw) : 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42); // other fields stay 0
    centrals.push(central, name);

    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
