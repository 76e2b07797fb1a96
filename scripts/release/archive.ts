// What a release zip holds: one folder, nine-parameters-<version>/, with the built site (as
// dist/ has it: page-relative, so it works wherever it is unpacked), the two licences, the
// citation and a short README for whoever unpacks it.
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { zip, type ZipEntry } from './zip';

const ROOT_FILES = ['LICENSE', 'LICENSE-content', 'CITATION.cff'];

export function releaseReadme(version: string): string {
  return `Nine Parameters ${version}: the whole course as static files.

Put this folder anywhere on a web server (any sub-folder works, no rebuild) and open its
index.html through the server. To try it on your own computer, in this folder run

    python3 -m http.server

and open http://localhost:8000/ . Opened straight from the disk, the pages read well but the
widgets stay still: browsers only run them when a web server sends the pages.

Learning platforms: upload the zip as a folder resource (Moodle: "Folder" or "File" with the zip
unpacked, main file index.html; Canvas: Files, upload and unzip, then link index.html), or host
the folder on a web server and add its address as a URL / external link.

Code: MIT licence (LICENSE). Lessons, text and figures: CC BY 4.0 (LICENSE-content).
How to cite: CITATION.cff, or the licence page in the course (licence/index.html).
`;
}

function filesIn(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? [`${path.relative(dir, file)}/`, ...filesIn(file).map((f) => `${name}/${f}`)] : [name];
    });
}

/** The archive's entries: the folder, the site's files and folders inside it, the licences, the README. */
export function releaseEntries(dist: string, repository: string, version: string): ZipEntry[] {
  const top = `nine-parameters-${version}/`;
  const site = filesIn(dist)
    // Source maps are for developers; the site does not need them.
    .filter((name) => !name.endsWith('.map'))
    .map((name): ZipEntry => (name.endsWith('/') ? { name: top + name } : { name: top + name, data: readFileSync(path.join(dist, name)) }));
  const extra = ROOT_FILES.map((name): ZipEntry => ({ name: top + name, data: readFileSync(path.join(repository, name)) }));
  return [{ name: top }, ...site, ...extra, { name: `${top}README.txt`, data: Buffer.from(releaseReadme(version), 'utf8') }];
}

/** Writes <outDir>/nine-parameters-<version>.zip and returns its path. */
export function writeRelease({ dist, repository, outDir, version }: { dist: string; repository: string; outDir: string; version: string }): string {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `nine-parameters-${version}.zip`);
  writeFileSync(file, zip(releaseEntries(dist, repository, version)));
  return file;
}
