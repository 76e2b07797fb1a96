// Preloads, on each built page, the KaTeX faces its formulas use (katex-faces.ts says which and
// why). Runs after the build, before the CSP and offline passes (which hash the final pages).
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { faceFiles, withFacePreloads } from './katex-faces';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

export default function katexPreload(): AstroIntegration {
  return {
    name: 'nine-parameters-katex-preload',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const assets = join(root, '_astro');
        if (!existsSync(assets)) return;
        const files = faceFiles(readdirSync(assets));
        let pages = 0;
        for (const path of htmlFiles(root)) {
          const html = readFileSync(path, 'utf8');
          const next = withFacePreloads(html, files);
          if (next === html) continue;
          writeFileSync(path, next);
          pages += 1;
        }
        logger.info(`KaTeX faces preloaded where used: ${pages} pages`);
      },
    },
  };
}
