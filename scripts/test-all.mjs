#!/usr/bin/env node
// `npm test`: everything, in order, stopping at the first failure.
//
//   1. typecheck, unit tests      tsc --noEmit; vitest run --project unit
//   2. build (base /)             astro build                      -> dist/
//   3. e2e against dist/          vitest run --project e2e         (E2E_DIST=dist, E2E_BASE=/)
//   4. build (base /course/)      BASE_PATH=/course/ astro build --outDir dist-course
//   5. e2e against dist-course/   vitest run --project e2e         (E2E_DIST=dist-course, E2E_BASE=/course/)
//
// Ends with one line `tests: N passed, N failed` summing vitest's JSON reports over all runs.
// Options: --skip-build (reuse dist/ and dist-course/), --only=unit|root|course (comma-separated).
// Every child (vitest, astro) runs to completion with inherited stdio; no servers are spawned here
// (the e2e tests start their own in-process static server).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = path.join(root, 'tests', '.artifacts');
const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const astroBin = path.join(root, 'node_modules', 'astro', 'astro.js');
const SUB_BASE = '/course/';


const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;
const wants = (group) => !only || only.has(group);

const totals = { passed: 0, failed: 0, skipped: 0 };
const stepLog = [];
const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

function run(cmd, cmdArgs, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0'), ...env },
    });
    const forward = (sig) => child.kill(sig);
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.on('error', (err) => {
      console.error(`\n[test-all] could not start ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function readReport(file) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return {
      passed: r.numPassedTests ?? 0,
      failed: r.numFailedTests ?? 0,
      skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
      // Files that failed without a failing test: an import error, a crash (vitest's
      // numFailedTestSuites counts describe blocks with a failing test, not files that did not run).
      suitesFailed: (r.testResults ?? []).filter((t) => t.status === 'failed' && !(t.assertionResults ?? []).some((a) => a.status === 'failed')).length,
      // Each file's wall time, slowest first (for the summary: where the time goes).
      files: (r.testResults ?? [])
        .map((t) => ({ name: path.basename(t.name ?? '').replace(/\.test\.ts$/, ''), ms: (t.endTime ?? 0) - (t.startTime ?? 0) }))
        .sort((a, b) => b.ms - a.ms),
    };
  } catch {
    return null;
  }
}

function banner(text) {
  const line = '─'.repeat(Math.max(20, Math.min(100, text.length + 8)));
  console.log(`\n${line}\n[test-all] ${text}\n${line}`);
}

async function vitestStep(name, project, env = {}, extra = []) {
  banner(`${name}: vitest run --project ${project}`);
  const report = path.join(artifacts, `vitest-${name.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '')}.json`);
  rmSync(report, { force: true });
  const start = Date.now();
  const code = await run(process.execPath, [
    vitestBin,
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...extra,
  ], env);
  const r = readReport(report);
  if (r) {
    totals.passed += r.passed;
    totals.failed += r.failed;
    totals.skipped += r.skipped;
  }
  const detail = r
    ? `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}${r.suitesFailed ? `, ${r.suitesFailed} file(s) failed to run` : ''}`
    : 'no JSON report written (vitest crashed or the config is broken)';
  stepLog.push({ name, ok: code === 0, detail, ms: Date.now() - start, files: r?.files ?? [] });
  if (code !== 0) return fail(name, `vitest exited with code ${code} (${detail})`, r && r.failed > 0);
}

/** tsc --noEmit over src, tests and scripts: vitest and Astro strip types without checking them. */
async function typecheckStep() {
  banner('typecheck: astro sync && tsc --noEmit');
  const start = Date.now();
  // astro sync writes .astro/types.d.ts (astro:content, import.meta.env), absent on a fresh clone.
  const synced = await run(process.execPath, [astroBin, 'sync']);
  const code = synced !== 0 ? synced : await run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', root]);
  stepLog.push({ name: 'typecheck', ok: code === 0, detail: code === 0 ? 'no type errors' : `tsc exited with code ${code}`, ms: Date.now() - start });
  if (code !== 0) return fail('typecheck', 'tsc found type errors (see above)');
}

async function buildStep(name, outDir, basePath) {
  if (skipBuild) {
    if (!existsSync(path.join(root, outDir, 'index.html'))) return fail(name, `--skip-build given but ${outDir}/index.html does not exist`);
    stepLog.push({ name, ok: true, detail: `skipped (reusing ${outDir}/)`, ms: 0 });
    return;
  }
  banner(`${name}: astro build --outDir ${outDir}${basePath ? `   (BASE_PATH=${basePath})` : ''}`);
  const start = Date.now();
  rmSync(path.join(root, outDir), { recursive: true, force: true });
  const env = basePath ? { BASE_PATH: basePath } : {};
  const code = await run(process.execPath, [astroBin, 'build', '--outDir', outDir], env);
  const ok = code === 0 && existsSync(path.join(root, outDir, 'index.html'));
  stepLog.push({ name, ok, detail: ok ? `${outDir}/ built` : `exit code ${code}`, ms: Date.now() - start });
  if (!ok) {
    return fail(name, code === 0 ? `astro build exited 0 but ${outDir}/index.html is missing` : `astro build exited with code ${code}`);
  }
  if (basePath) {
    // Every page's URLs are page-relative (src/integrations/relative.ts) except 404.html's, which a
    // host serves at any depth: the sub-path build must use the base there, or the run proves nothing.
    const html = readFileSync(path.join(root, outDir, '404.html'), 'utf8');
    if (!html.includes(basePath)) {
      stepLog[stepLog.length - 1].ok = false;
      return fail(name, `${outDir}/404.html never mentions ${basePath}: astro.config.mjs must set \`base: process.env.BASE_PATH\` (default '/')`);
    }
  }
}

class StepFailed extends Error {}
function fail(step, message, testsAlreadyCounted = false) {
  // A failing step that did not report failing tests (a build, a crashed vitest) still counts as one
  // failure, so the closing line never says "0 failed" when the run failed.
  if (!testsAlreadyCounted) totals.failed += 1;
  throw new StepFailed(`${step}: ${message}`);
}

function summary(error) {
  console.log('\n[test-all] summary');
  for (const s of stepLog) {
    console.log(`  ${s.ok ? '✓' : '✗'} ${s.name.padEnd(14)} ${secs(s.ms).padStart(7)}  ${s.detail}`);
    // The slowest files of an e2e step, a dozen to a line (files run two at a time, so they add up
    // to more than the step's wall time).
    const slow = s.name.startsWith('e2e') ? (s.files ?? []).slice(0, 24) : [];
    for (let i = 0; i < slow.length; i += 12) console.log(`      ${slow.slice(i, i + 12).map((f) => `${f.name} ${Math.round(f.ms / 1000)}s`).join(', ')}`);
  }
  if (error) console.log(`\n[test-all] FAILED at ${error.message}`);
  console.log(`[test-all] total time ${secs(Date.now() - t0)}${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
}

mkdirSync(artifacts, { recursive: true });
try {
  if (!existsSync(vitestBin) || !existsSync(astroBin)) fail('setup', 'node_modules is missing vitest or astro: run `npm ci` first');
  if (wants('unit')) {
    await typecheckStep();
    await vitestStep('unit', 'unit', {}, ['--passWithNoTests']);
  }
  if (wants('root')) {
    await buildStep('build /', 'dist', null);
    const rootSuites = readdirSync(path.join(root, 'tests/e2e')).filter((f) => f.endsWith('.test.ts')).map((f) => `tests/e2e/${f}`);
    await vitestStep('e2e /', 'e2e', { E2E_DIST: path.join(root, 'dist'), E2E_BASE: '/' }, rootSuites);
  }
  if (wants('course')) {
    await buildStep(`build ${SUB_BASE}`, 'dist-course', SUB_BASE);
    // The build is page-relative, so the same files work in any folder: tests/e2e/any-folder.test.ts
    // (in the root run) serves dist/ under /, /a/ and /a/b/c/ — links, assets, widgets, workers,
    // offline. A BASE_PATH build differs from the default one only in 404.html (and so sw.js's
    // version hash), the page a host serves for a missing address at any depth: the crawl here
    // checks the site and that 404 page under /course/.
    await vitestStep(`e2e ${SUB_BASE}`, 'e2e', { E2E_DIST: path.join(root, 'dist-course'), E2E_BASE: SUB_BASE }, [
      'tests/e2e/site.test.ts',
    ].filter((file) => existsSync(path.join(root, file))));
  }
  summary();
  process.exit(totals.failed ? 1 : 0);
} catch (err) {
  if (!(err instanceof StepFailed)) {
    totals.failed += 1;
    err = new Error(`test-all itself: ${err?.stack ?? err}`);
  }
  summary(err);
  process.exit(1);
}
