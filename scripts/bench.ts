// `npm run bench`: the trainer's speed measured side by side with a plain C version of the
// same loop (gcc -O2), the bytes each built page ships, and the main thread while the widgets
// train, idle and at 4× CPU slowdown (scripts/bench/long-tasks.ts). Ratios, not absolute times, are
// what we track: they hold across machines. Each timing is CPU time (waiting for a core on a
// busy machine does not count), the best of several runs, the trainer's and C's taken in turns.
// The ratios are printed both ways, as trainer time ÷ C time and as speed relative to C, beside
// the target each case has to meet.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  initParams, linspace, lossSurface, makeDataset, parameterCount, runSweep, train, PARAMETER_NAMES, W1, W5, B1, B3, type Dataset,
} from '../src/trainer';
import { kb, measureSite, START_JS_BUDGET } from '../tests/helpers/page-weight';
import { benchCodeLab } from './bench/code-lab';
import { benchDeepNetwork } from './bench/deep';
import { benchLongTasks, ensureBuilt } from './bench/long-tasks';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const work = join(tmpdir(), 'nine-parameters-bench');
mkdirSync(work, { recursive: true });

// ---- the C reference ----------------------------------------------------------------------
let compiler: string | null = null;
try {
  execFileSync('gcc', ['--version'], { stdio: 'ignore' });
  compiler = join(work, 'reference');
  execFileSync('gcc', ['-O2', '-o', compiler, join(here, 'bench', 'reference.c')]);
} catch {
  compiler = null;
}

interface Job {
  mode: 0 | 1;
  data: Dataset;
  hidden: number;
  epochs: number;
  params: Float64Array[];
  learningRate: number;
  grid?: { size: number; column: number; row: number; low: number; high: number };
}

/** Writes the job file the C program reads; returns a function that runs it once (its own compute time, s). */
function prepareC(job: Job): (() => number) | null {
  if (!compiler) return null;
  const P = parameterCount(job.hidden);
  const header = new Int32Array([
    job.mode, job.data.n, job.hidden, job.epochs, job.params.length,
    job.grid?.size ?? 0, job.grid?.column ?? 0, job.grid?.row ?? 0,
  ]);
  const doubles = new Float64Array(3 + 3 * job.data.n + P * job.params.length);
  doubles.set([job.learningRate, job.grid?.low ?? 0, job.grid?.high ?? 0], 0);
  doubles.set(job.data.x1, 3);
  doubles.set(job.data.x2, 3 + job.data.n);
  doubles.set(job.data.y, 3 + 2 * job.data.n);
  job.params.forEach((p, r) => doubles.set(p, 3 + 3 * job.data.n + r * P));
  const jobFile = join(work, 'job.bin');
  writeFileSync(jobFile, Buffer.concat([Buffer.from(header.buffer), Buffer.from(doubles.buffer)]));
  const program = compiler;
  return () => Number(execFileSync(program, [jobFile, join(work, 'out.bin')]).toString().trim());
}

/** What the C program wrote in its last run. */
function cOutput(): Float64Array {
  const bytes = readFileSync(join(work, 'out.bin'));
  return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
}

/** CPU seconds this process has used (both sides count CPU time, so waiting for a core on a busy machine is not counted). */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Best of `repeats` for the trainer and for C, taken in turns so a burst of load from other
 * processes hits both alike. One untimed trainer call first lets V8 compile the loop.
 */
function sideBySide<T>(repeats: number, js: () => T, c: (() => number) | null): { js: number; c: number | undefined; value: T; cOut: Float64Array | null } {
  let value = js();
  let jsBest = Infinity, cBest = Infinity;
  for (let r = 0; r < repeats; r++) {
    const start = cpuSeconds();
    value = js();
    jsBest = Math.min(jsBest, cpuSeconds() - start);
    if (c) cBest = Math.min(cBest, c());
  }
  return { js: jsBest, c: c ? cBest : undefined, value, cOut: c ? cOutput() : null };
}

function maxRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1e-300, Math.abs(b[i])));
  return worst;
}

/**
 * The targets (issue 7): speed relative to C at least `minSpeed`, i.e. trainer time / C time at most
 * 1 / minSpeed, and results equal to C's within a relative 1e-9.
 */
const TARGETS: Record<string, number> = { 'train H=2': 0.8, 'train H=8': 0.5, 'loss surface': 1 / 1.5, 'seed sweep': 1 / 1.5 };
const IDENTICAL = 1e-9;
const misses: string[] = [];

const rows: string[][] = [];
const note = compiler ? '' : ' (gcc not found: C column skipped)';

function addRow(label: string, target: string | null, throughput: string, js: number, c: number | undefined, diff: number | undefined): void {
  const ms = (s: number) => `${(s * 1000).toFixed(s < 0.1 ? 1 : 0)} ms`;
  const minSpeed = target ? TARGETS[target] : undefined;
  let verdict = '';
  if (c !== undefined && diff !== undefined) {
    const fast = minSpeed === undefined || c / js >= minSpeed;
    const same = diff < IDENTICAL;
    verdict = minSpeed === undefined ? (same ? 'same results' : 'RESULTS DIFFER') : `${fast && same ? 'met' : 'MISSED'} (time ≤ ${(1 / minSpeed).toFixed(2)}× C)`;
    if (!fast || !same) misses.push(label);
  }
  rows.push([
    label,
    throughput,
    ms(js),
    c === undefined ? '—' : ms(c),
    c === undefined ? '—' : `${(js / c).toFixed(2)}×`,
    c === undefined ? '—' : `${(c / js).toFixed(2)}×`,
    diff === undefined ? '—' : diff.toExponential(1),
    verdict,
  ]);
}

// ---- 1. training speed -----------------------------------------------------------------------
for (const n of [300, 3000]) {
  for (const hidden of n === 300 ? [2, 4, 8, 16] : [2, 8]) {
    const data = makeDataset({ n });
    const params = initParams({ seed: 1, hidden });
    const epochs = 2000;
    const learningRate = 0.01;
    const c = prepareC({ mode: 0, data, hidden, epochs, params: [params], learningRate });
    const r = sideBySide(n === 300 ? 12 : 5, () => train({ data, params, learningRate, epochs, hidden }), c);
    const diff = r.cOut ? maxRelativeDifference(r.value.losses, r.cOut.subarray(0, epochs)) : undefined;
    addRow(
      `train N=${n} H=${hidden} ${epochs} epochs`,
      n === 300 && (hidden === 2 || hidden === 8) ? `train H=${hidden}` : null,
      `${((n * epochs) / r.js / 1e6).toFixed(1)} M sample-steps/s`,
      r.js, r.c, diff,
    );
  }
}

// ---- 2. a 200 × 200 loss surface -------------------------------------------------------------
for (const [column, row] of [[W5, B3], [W1, B1]]) {
  const data = makeDataset();
  const params = initParams({ seed: 1 });
  const size = 200, low = -3, high = 3;
  const values = linspace(low, high, size);
  const out = new Float64Array(size * size);
  const c = prepareC({ mode: 1, data, hidden: 2, epochs: 0, params: [params], learningRate: 0, grid: { size, column, row, low, high } });
  const r = sideBySide(8, () => lossSurface(params, data, column, values, row, values, 2, out), c);
  addRow(
    `loss surface 200×200 ${PARAMETER_NAMES[column]}×${PARAMETER_NAMES[row]}, N=300`,
    'loss surface',
    `${((size * size) / r.js / 1e6).toFixed(2)} M points/s`,
    r.js, r.c, r.cOut ? maxRelativeDifference(out, r.cOut) : undefined,
  );
}

// ---- 3. a seed sweep -------------------------------------------------------------------------
{
  const data = makeDataset();
  const seeds = Array.from({ length: 100 }, (_, i) => i + 1);
  const epochs = 1000, learningRate = 0.01;
  const c = prepareC({ mode: 0, data, hidden: 2, epochs, params: seeds.map((seed) => initParams({ seed })), learningRate });
  const r = sideBySide(3, () => runSweep({ data, preset: 'he', seeds, epochs, learningRate }), c);
  const finals = r.value.map((run) => run.finalLoss);
  const cFinals = r.cOut ? seeds.map((_, i) => r.cOut![i * epochs + epochs - 1]) : [];
  addRow(
    'seed sweep 100 × 1000 epochs, N=300, one thread',
    'seed sweep',
    `${((100 * epochs * 300) / r.js / 1e6).toFixed(1)} M sample-steps/s`,
    r.js, r.c, r.cOut ? maxRelativeDifference(finals, cFinals) : undefined,
  );
}

// ---- 3b. the deeper network 2-8-8-1 (issue 15): its own module, scripts/bench/deep.ts -------
for (const r of benchDeepNetwork(work)) {
  TARGETS[r.target] = r.minSpeed;
  addRow(r.label, r.target, r.throughput, r.js, r.c, r.diff);
}

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

console.log(`\nTrainer speed against C (gcc -O2)${note}; CPU time, best of several runs taken in turns with C; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
console.log('JS / C = trainer time ÷ C time (lower is better, 1.00× = as fast as C); speed vs C = its inverse.\n');
console.log(table(['case', 'throughput', 'trainer (JS)', 'C -O2', 'JS / C time', 'speed vs C', 'max rel. diff', 'target'], rows));
if (compiler) console.log(misses.length ? `\nMissed: ${misses.join('; ')} (on a busy machine, run again before concluding).` : '\nEvery target met.');

// ---- 4. bytes per page -------------------------------------------------------------------
// Start-up JS = the module scripts a page names and everything they import statically; "lazy" =
// what loads later (widgets below the fold via kit/hydrate.ts, import(), workers). Shared with
// tests/e2e/page-weight.test.ts, which holds every page to the budget.
const dist = ensureBuilt(resolve(root, process.env.BENCH_DIST ?? 'dist'));
const pageRows = measureSite(dist).map((p) => [
  `/${p.page}`,
  kb(p.htmlGzip),
  kb(p.startJsGzip),
  kb(p.lazyJsGzip),
  kb(p.cssGzip),
  p.startJsGzip > START_JS_BUDGET ? 'OVER' : 'ok',
]);
console.log(`\nBytes per page (gzip; budget ${kb(START_JS_BUDGET)} of start-up JS per page)\n`);
console.log(table(['page', 'html', 'js start', 'js lazy', 'css', 'budget'], pageRows));

// ---- 5. a code-lab check -------------------------------------------------------------------
await benchCodeLab(dist, table);

// ---- 6. the main thread while the widgets train ------------------------------------------------
await benchLongTasks({ dist });
