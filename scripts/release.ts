// npm run release: builds the site (unless --skip-build) and writes
// dist-release/nine-parameters-<version>.zip, the version from package.json.
//   npm run release                      build dist/, then zip it
//   npm run release -- --skip-build      zip the dist/ that is there
//   RELEASE_DIST=other npm run release -- --skip-build
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRelease } from './release/archive';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(repository, 'package.json'), 'utf8')) as { version: string };
const dist = path.resolve(repository, process.env.RELEASE_DIST ?? 'dist');

if (!process.argv.includes('--skip-build')) {
  const built = spawnSync(process.execPath, [path.join(repository, 'node_modules/astro/astro.js'), 'build', '--outDir', dist], { cwd: repository, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`${dist}/index.html is missing: build the site first (npm run build) or drop --skip-build.`);
  process.exit(1);
}
const file = writeRelease({ dist, repository, outDir: path.join(repository, 'dist-release'), version });
console.log(`${path.relative(repository, file)}: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB, the site of version ${version}`);
