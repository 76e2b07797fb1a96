// Lesson 20's runs over random starts: each optimiser from the same 100 starts, (a) the write-up's
// random starts with the course's two units, where plain descent loses units; (b) He starts with
// sixteen units, which can reach the noise floor; (c) mini-batches of 10 with step decay and with
// Adam, beside lesson 10's fixed rate and reduce-on-plateau. Cached in optimisers.json
// (src/facts/cache/runs.ts says how).
import type { OptimizerSpec } from '../../trainer';
import { MINI_BATCH } from './plateau';
import type { CachedRuns, RunJob } from './runs';

export const OPTIMISER_SEEDS = 100;

/** An optimiser with the rate the lesson gives it, and its name in the prose and the tables. */
export interface OptimiserArm {
  key: string;
  label: string;
  optimizer: OptimizerSpec;
  learningRate: number;
}

/**
 * The write-up's starts, two units. Plain descent at our reproduction's η = 0.01; momentum and
 * Nesterov with β = 0.9 at a tenth of it, the same speed once the velocity has built up (η/(1 − β));
 * RMSProp at PyTorch's default rate 0.01 and Adam at its default 0.001, and Adam at 0.01 as well.
 */
export const WRITEUP_ARMS: readonly OptimiserArm[] = [
  { key: 'gd', label: 'gradient descent', optimizer: { kind: 'gradient-descent' }, learningRate: 0.01 },
  { key: 'momentum', label: 'momentum (β = 0.9)', optimizer: { kind: 'momentum', beta: 0.9 }, learningRate: 0.001 },
  { key: 'nesterov', label: 'Nesterov (β = 0.9)', optimizer: { kind: 'nesterov', beta: 0.9 }, learningRate: 0.001 },
  { key: 'rmsprop', label: 'RMSProp', optimizer: { kind: 'rmsprop' }, learningRate: 0.01 },
  { key: 'adam', label: 'Adam', optimizer: { kind: 'adam' }, learningRate: 0.001 },
  { key: 'adam01', label: 'Adam', optimizer: { kind: 'adam' }, learningRate: 0.01 },
];
export const WRITEUP_EPOCHS = 10_000;

/** He starts, sixteen units: plain descent at 0.05 (lesson 15's rate for He), the others likewise. */
export const WIDE_ARMS: readonly OptimiserArm[] = [
  { key: 'gd', label: 'gradient descent', optimizer: { kind: 'gradient-descent' }, learningRate: 0.05 },
  { key: 'momentum', label: 'momentum (β = 0.9)', optimizer: { kind: 'momentum', beta: 0.9 }, learningRate: 0.005 },
  { key: 'nesterov', label: 'Nesterov (β = 0.9)', optimizer: { kind: 'nesterov', beta: 0.9 }, learningRate: 0.005 },
  { key: 'rmsprop', label: 'RMSProp', optimizer: { kind: 'rmsprop' }, learningRate: 0.001 },
  { key: 'adam', label: 'Adam', optimizer: { kind: 'adam' }, learningRate: 0.001 },
  { key: 'adam01', label: 'Adam', optimizer: { kind: 'adam' }, learningRate: 0.01 },
];
export const WIDE_HIDDEN = 16;
export const WIDE_EPOCHS = 5_000;
/** "Reached the noise floor": a training loss within 10% of it. */
export const FLOOR_FACTOR = 1.1;

/** Mini-batches as lesson 10 ran them, with step decay (halve every 500 epochs) and with Adam. */
export const STEP_DECAY = { stepSize: 500, gamma: 0.5 } as const;
export const MINI_ADAM_RATE = 0.001;

const seeds = Array.from({ length: OPTIMISER_SEEDS }, (_, i) => i + 1);
const optimizer = (arm: OptimiserArm) => (arm.optimizer.kind === 'gradient-descent' ? {} : { optimizer: arm.optimizer });
const miniBatch = { batchSize: MINI_BATCH.batchSize, epochs: MINI_BATCH.epochs, lossesAt: [MINI_BATCH.early], tail: MINI_BATCH.tail };

export const OPTIMISER_JOBS = {
  writeup: Object.fromEntries(
    WRITEUP_ARMS.map((arm) => [arm.key, seeds.map((seed): RunJob => ({ preset: 'writeup', seed, learningRate: arm.learningRate, epochs: WRITEUP_EPOCHS, ...optimizer(arm), gradientNorm: true }))]),
  ) as Record<string, RunJob[]>,
  wide: Object.fromEntries(
    WIDE_ARMS.map((arm) => [arm.key, seeds.map((seed): RunJob => ({ preset: 'he', seed, hidden: WIDE_HIDDEN, learningRate: arm.learningRate, epochs: WIDE_EPOCHS, ...optimizer(arm), floorFactor: FLOOR_FACTOR }))]),
  ) as Record<string, RunJob[]>,
  miniStepDecay: seeds.map((seed): RunJob => ({ preset: 'he', seed, learningRate: MINI_BATCH.rate, ...miniBatch, schedule: { kind: 'step-decay', ...STEP_DECAY } })),
  miniAdam: seeds.map((seed): RunJob => ({ preset: 'he', seed, learningRate: MINI_ADAM_RATE, ...miniBatch, optimizer: { kind: 'adam' } })),
};

export const OPTIMISER_RUNS: CachedRuns = {
  name: 'optimisers',
  purpose: 'Lesson 20: six optimisers from the same 100 write-up starts (2 units, 10,000 epochs) and 100 He starts (16 units, 5,000 epochs); mini-batches of 10 with step decay and with Adam.',
  jobs: [...Object.values(OPTIMISER_JOBS.writeup).flat(), ...Object.values(OPTIMISER_JOBS.wide).flat(), ...OPTIMISER_JOBS.miniStepDecay, ...OPTIMISER_JOBS.miniAdam],
};
