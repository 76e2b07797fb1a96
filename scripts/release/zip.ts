// A small ZIP writer (PKWARE APPNOTE 6.3: local headers, central directory, end record), enough
// for a release of static files: deflate from node:zlib (or stored, when deflate does not
// shrink a file), UTF-8 names, Unix permissions, one fixed time for every entry so the same
// files give the same bytes. No ZIP64: a release is far below 4 GB and 65,535 entries.
import { deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, '/'-separated; a folder ends in '/'. */
  name: string;
  /** The file's bytes (none for a folder). */
  data?: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, the one ZIP and PNG use). */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS time and date as ZIP stores them (two-second resolution, years from 1980). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const UTF8_NAMES = 0x0800;
const STORED = 0;
const DEFLATED = 8;

interface EntryFields {
  method: number;
  stamp: { time: number; date: number };
  crc: number;
  /** Bytes in the archive (deflated or stored). */
  stored: number;
  /** Bytes of the file itself. */
  size: number;
  nameLength: number;
}

/**
 * The fields a file's local header and its central-directory header share, in the same order
 * (APPNOTE 4.3.7 and 4.3.12): version needed, flags, method, time, date, CRC-32, both sizes, the
 * name's length and the extra field's (none). 26 bytes from `at`.
 */
function writeEntryFields(buffer: Buffer, at: number, f: EntryFields): void {
  buffer.writeUInt16LE(20, at); // version needed: 2.0 (deflate, folders)
  buffer.writeUInt16LE(UTF8_NAMES, at + 2);
  buffer.writeUInt16LE(f.method, at + 4);
  buffer.writeUInt16LE(f.stamp.time, at + 6);
  buffer.writeUInt16LE(f.stamp.date, at + 8);
  buffer.writeUInt32LE(f.crc, at + 10);
  buffer.writeUInt32LE(f.stored, at + 14);
  buffer.writeUInt32LE(f.size, at + 18);
  buffer.writeUInt16LE(f.nameLength, at + 22);
  buffer.writeUInt16LE(0, at + 24);
}

/** The archive's bytes for `entries`, in the order given. */
export function zip(entries: readonly ZipEntry[], modified = new Date(Date.UTC(2026, 0, 1))): Buffer {
  const stamp = dosDateTime(modified);
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const isFolder = entry.name.endsWith('/');
    const raw = entry.data ?? new Uint8Array(0);
    const deflated = raw.length ? deflateRawSync(raw, { level: 9 }) : raw;
    const method = deflated.length < raw.length ? DEFLATED : STORED;
    const body = method === DEFLATED ? deflated : raw;
    const crc = crc32(raw);

    const fields = { method, stamp, crc, stored: body.length, size: raw.length, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, fields);
    locals.push(local, name, Buffer.from(body));

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0 (so the permissions below are read)
    writeEntryFields(header, 6, fields);
    // comment length, disk number, internal attributes: all 0
    const mode = isFolder ? 0o40755 : 0o100644;
    header.writeUInt32LE(((mode << 16) | (isFolder ? 0x10 : 0)) >>> 0, 38);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);

    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
