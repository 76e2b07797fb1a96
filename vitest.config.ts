import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects:
//   unit — tests/unit/**/*.test.ts, plain node, imports the TS modules directly (no Astro/Vite plugins).
//   e2e  — tests/e2e/**/*.test.ts against a BUILT site (see scripts/test-all.mjs): one Chromium for the
//          run (tests/helpers/browser-server.ts), two files at a time (E2E_FILE_WORKERS), each page
//          in a context of its own.
// `npm test` runs everything (node scripts/test-all.mjs); `npm run test:unit` / `test:e2e` run one project.
const fileWorkers = Number(process.env.E2E_FILE_WORKERS) || 2;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Property tests use one fixed seed (FC_SEED to try others): same run, same result.
          setupFiles: ['tests/helpers/fast-check-seed.ts'],
          // Vitest's default is one worker fewer than the cores: one on a 2-core machine. Unit tests
          // are CPU work and nothing else runs meanwhile, so use every core.
          maxWorkers: availableParallelism(),
          // A hang detector, not a speed limit: vitest's 5 s default failed the Python notebook
          // checks and a 200,000-case property test on a machine busy with other work.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/browser-server.ts'],
          // Much of an e2e test is waiting on round trips to the browser: two files at a time keep
          // both cores busy. E2E_FILE_WORKERS=1 runs one file at a time.
          fileParallelism: fileWorkers > 1,
          maxWorkers: fileWorkers,
          // Its own group, after the unit tests, when both projects run in one vitest invocation
          // (projects of one group must share maxWorkers).
          sequence: { groupOrder: 1 },
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
