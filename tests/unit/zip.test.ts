// The release's ZIP writer, read back by an independent reader: Python's zipfile.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, zip, type ZipEntry } from '../../scripts/release/zip';

/** What Python's zipfile reads from an archive: names, folder flags, modes and contents (base64). */
function readWithPython(bytes: Buffer): { name: string; folder: boolean; mode: number; data: string }[] {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'np-zip-')), 'a.zip');
  writeFileSync(file, bytes);
  const script = `
import base64, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    assert z.testzip() is None, "a CRC does not match"
    print(json.dumps([{"name": i.filename, "folder": i.is_dir(), "mode": i.external_attr >> 16,
                       "data": base64.b64encode(z.read(i)).decode()} for i in z.infolist()]))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

describe('zip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('writes an archive Python reads back exactly: folders, text, compressible and incompressible files, UTF-8 names', () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24));
    const entries: ZipEntry[] = [
      { name: 'site/' },
      { name: 'site/index.html', data: Buffer.from('<h1>Nine Parameters</h1>'.repeat(200)) },
      { name: 'site/_astro/font.woff2', data: noise },
      { name: 'site/empty.txt', data: new Uint8Array(0) },
      { name: 'site/glossary/η.txt', data: Buffer.from('learning rate η') },
    ];
    const read = readWithPython(zip(entries));
    expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    expect(read.map((e) => e.folder)).toEqual([true, false, false, false, false]);
    expect(read[0].mode & 0o170000).toBe(0o040000);
    expect(read[1].mode & 0o777).toBe(0o644);
    read.forEach((e, i) => expect(Buffer.from(e.data, 'base64').equals(Buffer.from(entries[i].data ?? []))).toBe(true));
  }, 30_000); // Python's start-up alone can take seconds on a busy machine

  it('compresses text and gives the same bytes for the same files', () => {
    const entries = [{ name: 'a.html', data: Buffer.from('x'.repeat(10_000)) }];
    expect(zip(entries).length).toBeLessThan(500);
    expect(zip(entries).equals(zip(entries))).toBe(true);
  });

  it('round-trips random file contents, empty and binary among them', () => {
    // One archive of many random files, one Python run (a run per case is seconds on a busy machine).
    const files = fc.sample(fc.uint8Array({ maxLength: 600 }), { numRuns: 60, seed: 17 });
    const entries = files.map((data, i) => ({ name: `f${i}.bin`, data }));
    const read = readWithPython(zip(entries));
    expect(read.map((e) => Buffer.from(e.data, 'base64').toString('hex'))).toEqual(files.map((f) => Buffer.from(f).toString('hex')));
  }, 30_000);
});
