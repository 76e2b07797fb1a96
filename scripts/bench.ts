// `npm run bench`: the trainer's speed measured side by side with a plain C version of the
// same loop (gcc -O2), and the bytes each built page ships. Ratios, not absolute times, are
// what we track: they hold across machines. Run on an idle machine; timings are best of 3.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  initParams, linspace, lossSurface, makeDataset, parameterCount, runSweep, train, W5, B3, type Dataset,
} from '../src/trainer';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const work = join(tmpdir(), 'nine-parameters-bench');
mkdirSync(work, { recursive: true });

function best<T>(repeats: number, fn: () => T): { seconds: number; value: T } {
  let seconds = Infinity;
  let value!: T;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    value = fn();
    seconds = Math.min(seconds, (performance.now() - start) / 1000);
  }
  return { seconds, value };
}

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

function runC(job: Job): { seconds: number; output: Float64Array } | null {
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
  const jobFile = join(work, 'job.bin'), outFile = join(work, 'out.bin');
  writeFileSync(jobFile, Buffer.concat([Buffer.from(header.buffer), Buffer.from(doubles.buffer)]));
  let seconds = Infinity;
  for (let r = 0; r < 3; r++) {
    seconds = Math.min(seconds, Number(execFileSync(compiler, [jobFile, outFile]).toString().trim()));
  }
  const bytes = readFileSync(outFile);
  return { seconds, output: new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8) };
}

function maxRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1e-300, Math.abs(b[i])));
  return worst;
}

const rows: string[][] = [];
const note = compiler ? '' : ' (gcc not found: C column skipped)';
const ratio = (c: number | undefined, ts: number) => (c === undefined ? '—' : `${(c / ts).toFixed(2)}×`);

// ---- 1. training speed -----------------------------------------------------------------------
for (const n of [300, 3000]) {
  for (const hidden of [2, 8]) {
    const data = makeDataset({ n });
    const params = initParams({ seed: 1, hidden });
    const epochs = 2000;
    const learningRate = 0.01;
    const ts = best(12, () => train({ data, params, learningRate, epochs, hidden }));
    const c = runC({ mode: 0, data, hidden, epochs, params: [params], learningRate });
    const diff = c ? maxRelativeDifference(ts.value.losses, c.output.subarray(0, epochs)) : NaN;
    rows.push([
      `train N=${n} H=${hidden} ${epochs} epochs`,
      `${((n * epochs) / ts.seconds / 1e6).toFixed(1)} M sample-steps/s`,
      `${(ts.seconds * 1000).toFixed(1)} ms`,
      c ? `${(c.seconds * 1000).toFixed(1)} ms` : '—',
      ratio(c?.seconds, ts.seconds),
      c ? diff.toExponential(1) : '—',
    ]);
  }
}

// ---- 2. a 200 × 200 loss surface -------------------------------------------------------------
{
  const data = makeDataset();
  const params = initParams({ seed: 1 });
  const size = 200, low = -3, high = 3;
  const values = linspace(low, high, size);
  const out = new Float64Array(size * size);
  const ts = best(8, () => lossSurface(params, data, W5, values, B3, values, 2, out));
  const c = runC({ mode: 1, data, hidden: 2, epochs: 0, params: [params], learningRate: 0, grid: { size, column: W5, row: B3, low, high } });
  rows.push([
    'loss surface 200×200, N=300',
    `${((size * size) / ts.seconds / 1e6).toFixed(2)} M points/s`,
    `${(ts.seconds * 1000).toFixed(1)} ms`,
    c ? `${(c.seconds * 1000).toFixed(1)} ms` : '—',
    ratio(c?.seconds, ts.seconds),
    c ? maxRelativeDifference(out, c.output).toExponential(1) : '—',
  ]);
}

// ---- 3. a seed sweep -------------------------------------------------------------------------
{
  const data = makeDataset();
  const seeds = Array.from({ length: 100 }, (_, i) => i + 1);
  const epochs = 1000, learningRate = 0.01;
  const ts = best(1, () => runSweep({ data, preset: 'he', seeds, epochs, learningRate }));
  const c = runC({ mode: 0, data, hidden: 2, epochs, params: seeds.map((seed) => initParams({ seed })), learningRate });
  const finals = ts.value.map((r) => r.finalLoss);
  const cFinals = c ? seeds.map((_, r) => c.output[r * epochs + epochs - 1]) : [];
  rows.push([
    'seed sweep 100 × 1000 epochs, N=300',
    `${((100 * epochs * 300) / ts.seconds / 1e6).toFixed(1)} M sample-steps/s`,
    `${(ts.seconds * 1000).toFixed(0)} ms`,
    c ? `${(c.seconds * 1000).toFixed(0)} ms` : '—',
    ratio(c?.seconds, ts.seconds),
    c ? maxRelativeDifference(finals, cFinals).toExponential(1) : '—',
  ]);
}

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

console.log(`\nTrainer speed against C (gcc -O2)${note}; ratio = C time / trainer time (1.00× = as fast as C)\n`);
console.log(table(['case', 'throughput', 'trainer', 'C -O2', 'ratio', 'max rel. diff'], rows));

// ---- 4. bytes per page -------------------------------------------------------------------
const dist = join(root, 'dist');
if (existsSync(dist)) {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) pages.push(path);
    }
  };
  walk(dist);
  const gz = (path: string) => gzipSync(readFileSync(path)).length;
  const fileFor = (url: string) => join(dist, url.replace(/^\/+/, '').replace(/^.*?_astro\//, '_astro/'));
  const closure = (entry: string, seen = new Set<string>()) => {
    if (seen.has(entry) || !existsSync(entry)) return seen;
    seen.add(entry);
    const source = readFileSync(entry, 'utf8');
    for (const m of source.matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)) closure(join(dirname(entry), m[1]), seen);
    return seen;
  };
  const pageRows = pages.sort().map((page) => {
    const html = readFileSync(page, 'utf8');
    const scripts = new Set<string>();
    for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) closure(fileFor(m[1]), scripts);
    for (const m of html.matchAll(/import\s*["']([^"']+\.js)["']/g)) closure(fileFor(m[1]), scripts);
    const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].map((m) => fileFor(m[1]));
    const js = [...scripts].reduce((s, f) => s + gz(f), 0);
    const inlineJs = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((s, m) => s + gzipSync(m[1]).length, 0);
    const cssBytes = css.filter(existsSync).reduce((s, f) => s + gz(f), 0);
    return [
      page.slice(dist.length) || '/',
      `${(gzipSync(html).length / 1024).toFixed(1)} KB`,
      `${((js + inlineJs) / 1024).toFixed(1)} KB`,
      `${(cssBytes / 1024).toFixed(1)} KB`,
    ];
  });
  console.log('\nBytes per page (gzip; JS includes every module the page loads; budget 60 KB per lesson)\n');
  console.log(table(['page', 'html', 'js', 'css'], pageRows));
} else {
  console.log('\n(no dist/: run `npm run build` first to see bytes per page)');
}
