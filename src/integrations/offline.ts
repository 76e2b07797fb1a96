// Offline use: after the build, writes a service worker (sw.js) that precaches every file of
// the site, so once a student has opened the course it works with the network cut — on a
// school laptop, a train, a restricted network. Where service workers are unavailable the
// site is simply a normal site.
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceWorkerSource, urlForFile } from './service-worker';

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...listFiles(path));
    else files.push(path);
  }
  return files;
}

export default function offline(): AstroIntegration {
  return {
    name: 'nine-parameters-offline',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = listFiles(root)
          .map((path) => relative(root, path).split(sep).join('/'))
          // Every browser that runs service workers reads woff2; the .woff/.ttf copies of the
          // KaTeX fonts would only double the download.
          .filter((file) => file !== 'sw.js' && !file.endsWith('.map') && !/\.(woff|ttf)$/.test(file))
          .sort();
        const hash = createHash('sha256');
        for (const file of files) hash.update(file).update(readFileSync(join(root, file)));
        const version = hash.digest('hex').slice(0, 16);
        const urls = [...new Set(files.map((file) => urlForFile(file)))];
        writeFileSync(join(root, 'sw.js'), serviceWorkerSource({ version, urls }));
        logger.info(`sw.js precaches ${urls.length} files (version ${version})`);
      },
    },
  };
}
