// "What happened?": an exact account of one training run of the 2-H-1 network. The model is a
// handful of numbers, so every event can be found exactly rather than guessed from a curve:
//
//   unit-died   the epoch whose step left a hidden unit off for every sample (from then on its
//               partials are exactly 0: ReLU'(0) = 0), and which of its parameters' steps did it —
//               the ones that alone would have switched it off, else the one that lowered its
//               largest pre-activation most (full batch: one step per epoch, so epoch = update;
//               mini-batches: the update within the epoch too, from each update's parameters)
//   diverged    the epoch the loss or a step left the finite numbers, and why: the rate against
//               the stability limit 2/λmax of the exact Hessian where the loss began to grow for good
//   plateau     a long flat stretch that was followed by a real drop (lossPlateau.ts)
//   rate-cut    each epoch from which a schedule's lower rate applied
//   twins       two hidden units that start identical and stay identical to the end (symmetry)
//
// Each event names the lesson that explains it. DOM-free: the console's view shows the list.
import { TrainerInputError } from '../../trainer/errors';
import { hessianSpectrum } from '../../trainer/spectrum';
import { findPlateau } from '../../trainer/lossPlateau';
import { makeSchedule, type ScheduleSpec } from '../../trainer/schedule';
import { Trainer, type TrainStatus } from '../../trainer/train';
import { unitsIdentical } from '../../trainer/symmetry';
import { parameterName, hiddenBias, weightFromX1, weightFromX2, type Parameters } from '../../trainer/parameters';
import type { Dataset } from '../../trainer/data';
import type { OptimizerSpec } from '../../trainer/optimizers';

export interface AccountSetup {
  data: Dataset;
  params: Parameters;
  hidden: number;
  learningRate: number;
  epochs: number;
  batchSize?: number;
  shuffleSeed?: number | string;
  schedule?: ScheduleSpec;
  optimizer?: OptimizerSpec;
  /** The reader's own rate changes (the console's): from each epoch on, this rate. */
  rateChanges?: readonly { epoch: number; rate: number }[];
}

/** The lesson that explains each kind of event (a lesson id, linked by the view). */
export const EVENT_LESSONS = {
  'unit-died': '13-dead-units',
  diverged: '08-the-learning-rate',
  plateau: '09-local-minima',
  'rate-cut': '10-reduce-on-plateau',
  twins: '11-symmetry',
} as const;

export type EventKind = keyof typeof EVENT_LESSONS;

export type RunEvent =
  | {
      kind: 'unit-died';
      epoch: number;
      unit: number;
      /** Names of the parameters whose step switched it off. */
      causes: string[];
      /** Whether each of `causes` alone would have done it. */
      alone: boolean;
      /** With mini-batches: which of the epoch's updates did it (1-based), of how many. */
      update?: { at: number; of: number };
    }
  | { kind: 'diverged'; epoch: number; /** Where the loss began to grow for good. */ growingFrom: number; rate: number; /** 2/λmax of the exact Hessian there (Infinity if λmax ≤ 0). */ limit: number }
  | { kind: 'plateau'; from: number; to: number; level: number }
  | { kind: 'rate-cut'; epoch: number; from: number; to: number }
  | { kind: 'twins'; units: [number, number] };

export interface RunAccount {
  events: RunEvent[];
  epochs: number;
  status: TrainStatus;
  losses: Float64Array;
}

/** The most epochs an account follows: it keeps every epoch's parameters to look back at. */
export const MAX_ACCOUNT_EPOCHS = 200_000;

/** Whether hidden unit u is off (z ≤ 0) for every sample. */
function isDead(params: ArrayLike<number>, data: Dataset, hidden: number, u: number): boolean {
  return largestPreActivation(params, data, hidden, u) <= 0;
}

/** max over samples of z_u = w1·x1 + w2·x2 + b for hidden unit u. */
function largestPreActivation(params: ArrayLike<number>, data: Dataset, hidden: number, u: number): number {
  const w1 = params[weightFromX1(u, hidden)], w2 = params[weightFromX2(u, hidden)], b = params[hiddenBias(u, hidden)];
  let max = -Infinity;
  for (let i = 0; i < data.n; i++) max = Math.max(max, w1 * data.x1[i] + w2 * data.x2[i] + b);
  return max;
}

/** Which of unit u's three input-side parameters' changes from `before` to `after` switched it off. */
export function killingSteps(before: ArrayLike<number>, after: ArrayLike<number>, data: Dataset, hidden: number, u: number): { causes: string[]; alone: boolean } {
  const indices = [weightFromX1(u, hidden), weightFromX2(u, hidden), hiddenBias(u, hidden)];
  const startMax = largestPreActivation(before, data, hidden, u);
  const effects = indices.map((j) => {
    const probe = Float64Array.from(before);
    probe[j] = after[j];
    return { name: parameterName(j, hidden), max: largestPreActivation(probe, data, hidden, u), moved: after[j] !== before[j] };
  });
  const alone = effects.filter((e) => e.moved && e.max <= 0);
  if (alone.length) return { causes: alone.map((e) => e.name), alone: true };
  const strongest = effects.filter((e) => e.moved).sort((a, b) => a.max - b.max)[0];
  return { causes: strongest && strongest.max < startMax ? [strongest.name] : [], alone: false };
}

/**
 * The update of an epoch after which unit u stayed off for every sample to the epoch's end (1-based),
 * with the parameters before and after it. `steps` holds each update's parameters, `count` of them.
 */
export function killingUpdate(start: Float64Array, steps: Float64Array, count: number, P: number, data: Dataset, hidden: number, u: number): { at: number; before: Float64Array; after: Float64Array } {
  const after = (k: number) => steps.subarray(k * P, (k + 1) * P);
  let k = count - 1;
  while (k > 0 && isDead(after(k - 1), data, hidden, u)) k--;
  return { at: k + 1, before: k === 0 ? start : after(k - 1), after: after(k) };
}

/** Epochs between two yields of accountSteps. */
const PIECE_EPOCHS = 200;

/** Trains the setup to the end and tells what happened, in order of epoch. */
export function accountRun(setup: AccountSetup): RunAccount {
  const steps = accountSteps(setup);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** accountRun a piece at a time, yielding the epochs done: for a page's slice scheduler. */
export function* accountSteps(setup: AccountSetup): Generator<number, RunAccount> {
  if (!(Number.isInteger(setup.epochs) && setup.epochs >= 0 && setup.epochs <= MAX_ACCOUNT_EPOCHS)) {
    throw new TrainerInputError(`An account follows 0 to ${MAX_ACCOUNT_EPOCHS.toLocaleString('en-GB')} epochs.`);
  }
  const { data, hidden } = setup;
  // With mini-batches an epoch is many updates: keep each update's parameters of the epoch under
  // way (a few hundred × P numbers), so a death found at the epoch's end is traced to its update.
  const updatesPerEpoch = setup.batchSize !== undefined && setup.batchSize < data.n ? Math.ceil(data.n / setup.batchSize) : 1;
  let stepsInEpoch: Float64Array | null = null;
  let stepCount = 0;
  const trainer = new Trainer({
    data,
    params: setup.params,
    hidden,
    learningRate: setup.learningRate,
    batchSize: setup.batchSize,
    shuffleSeed: setup.shuffleSeed,
    schedule: makeSchedule(setup.schedule),
    optimizer: setup.optimizer,
    onUpdate: updatesPerEpoch > 1 ? (params) => stepsInEpoch?.set(params, P * stepCount++) : undefined,
  });
  const P = trainer.params.length;
  if (updatesPerEpoch > 1) stepsInEpoch = new Float64Array(updatesPerEpoch * P);
  const history = new Float64Array((setup.epochs + 1) * P);
  history.set(trainer.params, 0);
  const events: RunEvent[] = [];
  const dead = Array.from({ length: hidden }, (_, u) => isDead(trainer.params, data, hidden, u));
  let rate = trainer.learningRate;
  while (trainer.epoch < setup.epochs && trainer.status === 'ok') {
    const epoch = trainer.epoch;
    const change = setup.rateChanges?.find((c) => c.epoch === epoch);
    if (change) {
      trainer.setLearningRate(change.rate);
      rate = change.rate;
    }
    stepCount = 0;
    trainer.step(1);
    if (trainer.status !== 'ok') break;
    history.set(trainer.params, trainer.epoch * P);
    const start = history.subarray(epoch * P, (epoch + 1) * P);
    for (let u = 0; u < hidden; u++) {
      const now = isDead(trainer.params, data, hidden, u);
      if (now && !dead[u]) {
        if (stepsInEpoch && stepCount > 1) {
          const { at, before, after } = killingUpdate(start, stepsInEpoch, stepCount, P, data, hidden, u);
          events.push({ kind: 'unit-died', epoch, unit: u + 1, ...killingSteps(before, after, data, hidden, u), update: { at, of: stepCount } });
        } else events.push({ kind: 'unit-died', epoch, unit: u + 1, ...killingSteps(start, trainer.params, data, hidden, u) });
      }
      dead[u] = now;
    }
    if (trainer.learningRate !== rate) {
      events.push({ kind: 'rate-cut', epoch: trainer.epoch, from: rate, to: trainer.learningRate });
      rate = trainer.learningRate;
    }
    if (trainer.epoch % PIECE_EPOCHS === 0) yield trainer.epoch;
  }
  const losses = trainer.lossHistory();
  if (trainer.status === 'diverged') {
    // The loss grew at every epoch from `from` on, up to the divergence.
    let from = trainer.epoch;
    while (from > 0 && losses[from - 1] < losses[from]) from--;
    const at = history.subarray(from * P, (from + 1) * P);
    const limit = hessianSpectrum(at, data, hidden).stableLearningRate;
    events.push({ kind: 'diverged', epoch: trainer.divergedAt, growingFrom: from, rate: trainer.learningRates[from] ?? trainer.learningRate, limit });
  }
  const plateau = findPlateau(losses, { window: Math.max(50, Math.floor(losses.length / 20)) });
  if (plateau) events.push({ kind: 'plateau', from: plateau.start, to: plateau.end, level: plateau.level });
  for (let a = 0; a < hidden; a++) {
    for (let b = a + 1; b < hidden; b++) {
      if (unitsIdentical(history.subarray(0, P), a, b, hidden) && unitsIdentical(trainer.params, a, b, hidden)) events.push({ kind: 'twins', units: [a + 1, b + 1] });
    }
  }
  const order = (e: RunEvent) => ('epoch' in e ? e.epoch : 'from' in e ? e.from : -1);
  events.sort((x, y) => order(x) - order(y));
  return { events, epochs: trainer.epoch, status: trainer.status, losses };
}
