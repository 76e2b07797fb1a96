import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects:
//   unit — tests/unit/**/*.test.ts, plain node, imports the TS modules directly (no Astro/Vite plugins).
//   e2e  — tests/e2e/**/*.test.ts against a BUILT site (see scripts/test-all.mjs), one file at a time
//          so only one Chromium runs.
// `npm test` runs everything (node scripts/test-all.mjs); `npm run test:unit` / `test:e2e` run one project.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          // test.concurrent pages within a file share the one Chromium (a context each)
          maxConcurrency: Number(process.env.E2E_CONCURRENCY) || Math.min(4, Math.max(2, availableParallelism())),
          testTimeout: 180_000, // axe on a long lesson takes a while on a busy 2-core machine
          hookTimeout: 120_000,
          // expect.poll waits on the page (an attribute, a number, a status line); its default of 1 s
          // is a wall-clock limit in disguise that a busy machine overruns. A poll that succeeds
          // returns at once, so a generous limit costs nothing when the widget works.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
