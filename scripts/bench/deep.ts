// The deeper network's part of `npm run bench` (issue 15): full-batch training of 2-8-8-1 on N = 300
// samples, the trainer (deepModel, deepGradient.ts's fused pass, train.ts's loop) against the same
// loop in plain C (deep-reference.c, gcc -O2), in the same run, taken in turns, CPU time, best of
// several. C sums in the same order as the trainer, so the losses must agree bit for bit; the row
// reports the largest relative difference (0 when they do) and a line says whether every loss and
// the final parameters are identical.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deepModel, initDeepParams, makeDataset, train, type HiddenWidths } from '../../src/trainer';

const here = dirname(fileURLToPath(import.meta.url));

/** One row of bench.ts's table: its target is `minSpeed` (speed relative to C). */
export interface DeepBenchRow {
  label: string;
  target: string;
  minSpeed: number;
  throughput: string;
  js: number;
  c: number | undefined;
  diff: number | undefined;
}

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Compiles the C reference into `work`; null when there is no gcc. */
function compile(work: string): string | null {
  const program = join(work, 'deep-reference');
  try {
    execFileSync('gcc', ['-O2', '-o', program, join(here, 'deep-reference.c')], { stdio: 'ignore' });
    return program;
  } catch {
    return null;
  }
}

/** Trains 2-H1-H2-1 (or any widths) in JS and in C; returns the table rows (the target: ≥ 0.5× C's speed). */
export function benchDeepNetwork(work: string, hidden: HiddenWidths = [8, 8], n = 300, epochs = 2000, repeats = 8): DeepBenchRow[] {
  const data = makeDataset({ n });
  const params = initDeepParams({ hidden, seed: 1 });
  const learningRate = 0.01;
  const model = deepModel(hidden);
  const js = () => train({ data, params, model, learningRate, epochs });

  const program = compile(work);
  const jobFile = join(work, 'deep-job.bin'), outFile = join(work, 'deep-out.bin');
  if (program) {
    const header = Int32Array.from([n, epochs, hidden.length, ...hidden]);
    const doubles = Float64Array.from([learningRate, ...data.x1, ...data.x2, ...data.y, ...params]);
    writeFileSync(jobFile, Buffer.concat([Buffer.from(header.buffer), Buffer.from(doubles.buffer)]));
  }
  const c = program ? () => Number(execFileSync(program, [jobFile, outFile]).toString().trim()) : null;

  let result = js(); // one untimed run lets V8 compile the loop
  let jsBest = Infinity, cBest = Infinity;
  for (let r = 0; r < repeats; r++) {
    const start = cpuSeconds();
    result = js();
    jsBest = Math.min(jsBest, cpuSeconds() - start);
    if (c) cBest = Math.min(cBest, c());
  }

  let diff: number | undefined;
  if (c) {
    const bytes = readFileSync(outFile);
    const out = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
    const cLosses = out.subarray(0, epochs), cParams = out.subarray(epochs);
    diff = 0;
    let identical = result.losses.length === epochs;
    for (let e = 0; e < epochs; e++) {
      diff = Math.max(diff, Math.abs(result.losses[e] - cLosses[e]) / Math.max(1e-300, Math.abs(cLosses[e])));
      if (!Object.is(result.losses[e], cLosses[e])) identical = false;
    }
    for (let j = 0; j < cParams.length; j++) if (!Object.is(result.params[j], cParams[j])) identical = false;
    console.log(
      `${model.label}: ${identical ? `all ${epochs} losses and the final parameters bit-identical to C's` : `results differ from C's, largest relative difference in the losses ${diff.toExponential(2)}`}`,
    );
  }
  return [{
    label: `train ${model.label} N=${n} ${epochs} epochs`,
    target: `train ${model.label}`,
    minSpeed: 0.5,
    throughput: `${((n * epochs) / jsBest / 1e6).toFixed(1)} M sample-steps/s`,
    js: jsBest,
    c: c ? cBest : undefined,
    diff,
  }];
}
