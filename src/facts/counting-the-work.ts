// Every number lesson 16 ("Counting the work, and why libraries exist") prints, computed from
// the trainer's operation counts (operations.ts) and checked against its counting helpers.
import {
  countedEpoch,
  flopsPerEpoch,
  initParams,
  makeDataset,
  operationsPerEpoch,
  operationsPerSample,
  operationsPerUpdate,
  parameterCount,
  unitActivity,
  type OperationCount,
} from '../trainer';
import { COUNTED_RUN, countEpochs, startCount } from '../experiments/operation-counter/count';
import { operationCounterSettings } from '../experiments/operation-counter/settings';
import { formatFixed, formatInteger, formatNumber } from '../experiments/format';
import { percent } from './format';

const data = makeDataset();
const N = data.n;
const H = 2;
const sample = operationsPerSample(H);
const sampleMasked = operationsPerSample(H, true);
const update = operationsPerUpdate(H);
const epoch = operationsPerEpoch(N, H);
const flops = (c: OperationCount) => c.multiplications + c.additions;

// The counter: one epoch from the He start the widget counts, run through counting helpers.
const start = initParams({ preset: COUNTED_RUN.preset, seed: COUNTED_RUN.seed, hidden: H });
const counted = countedEpoch(start, data, COUNTED_RUN.learningRate, H);
const countedMasked = countedEpoch(start, data, COUNTED_RUN.learningRate, H, true);
const activePairs = unitActivity(start, data, H).activeCounts.reduce((a, b) => a + b, 0);
const masked = operationsPerEpoch(N, H, activePairs);

/** The general formulas the lesson prints, as functions of H (and N), checked against operations.ts. */
export const printed = {
  forwardMul: (h: number) => 3 * h,
  forwardAdd: (h: number) => 3 * h,
  lossMul: () => 1,
  lossAdd: () => 2,
  backwardMul: (h: number) => 5 * h + 1,
  backwardAdd: (h: number) => 4 * h + 1,
  updateMul: (h: number) => 4 * h + 1,
  epoch: (n: number, h: number) => n * (15 * h + 5) + 2 * (4 * h + 1),
  maskedBackwardMul: (n: number, h: number, a: number) => n * (h + 1) + 3 * a,
};

const WIDTHS = [1, 2, 4, 8, 16];
const SIZES = [300, 3000];
const growth = WIDTHS.map((h) => ({ hidden: h, parameters: parameterCount(h), perEpoch: SIZES.map((n) => flopsPerEpoch(n, h)) }));

/** The counter with eight hidden units and the mask: its first epoch's active pairs, which only a run can count. */
const WIDGET_ONLY_HIDDEN = 8;
const wideCount = startCount({ ...operationCounterSettings.defaults, hidden: WIDGET_ONLY_HIDDEN, mask: true });
countEpochs(wideCount, 1);
if (!wideCount.first) throw new Error('counting-the-work facts: the counter counted no epoch.');

export const countingTheWork = {
  widgetOnly: { hidden: WIDGET_ONLY_HIDDEN, activePairs: wideCount.first.activePairs, pairs: formatInteger(WIDGET_ONLY_HIDDEN * wideCount.data.n) },
  n: N,
  sizes: SIZES.map(formatInteger),
  perSample: {
    forward: sample.forward,
    loss: sample.loss,
    backward: sample.backward,
    backwardMasked: sampleMasked.backward.multiplications,
    totalMul: sample.forward.multiplications + sample.loss.multiplications + sample.backward.multiplications,
    totalAdd: sample.forward.additions + sample.loss.additions + sample.backward.additions,
    total: flops(sample.forward) + flops(sample.loss) + flops(sample.backward),
  },
  update,
  epoch: {
    forwardMul: formatInteger(epoch.forward.multiplications),
    forwardAdd: formatInteger(epoch.forward.additions),
    lossMul: formatInteger(epoch.loss.multiplications),
    lossAdd: formatInteger(epoch.loss.additions),
    backwardMul: formatInteger(epoch.backward.multiplications),
    backwardAdd: formatInteger(epoch.backward.additions),
    updateMul: formatInteger(epoch.update.multiplications),
    updateAdd: formatInteger(epoch.update.additions),
    comparisons: formatInteger(epoch.forward.comparisons),
    total: formatInteger(flopsPerEpoch(N, H)),
    perParameter: formatFixed(flopsPerEpoch(N, H) / (N * parameterCount(H)), 1),
    backwardShare: percent((epoch.backward.multiplications + epoch.backward.additions) / flopsPerEpoch(N, H)),
    updateShare: formatFixed((100 * flops(update)) / flopsPerEpoch(N, H), 2),
  },
  ratio: {
    backwardToForward: formatFixed(sample.backward.multiplications / sample.forward.multiplications, 1),
  },
  counter: {
    agrees:
      counted.perSample.forward.multiplications === epoch.forward.multiplications &&
      counted.perSample.backward.multiplications === epoch.backward.multiplications &&
      counted.update.multiplications === epoch.update.multiplications,
    seed: COUNTED_RUN.seed,
    rate: COUNTED_RUN.learningRate,
  },
  mask: {
    activePairs: formatInteger(activePairs),
    pairs: formatInteger(N * H),
    activeShare: percent(activePairs / (N * H)),
    backwardMul: formatInteger(masked.backward.multiplications),
    plainBackwardMul: formatInteger(epoch.backward.multiplications),
    onlyReluSaving: formatInteger(N * H),
    saving: percent(1 - masked.backward.multiplications / epoch.backward.multiplications),
    countedBackwardMul: formatInteger(countedMasked.perSample.backward.multiplications),
  },
  growth: growth.map((g) => ({ hidden: g.hidden, parameters: g.parameters, perEpoch: g.perEpoch.map(formatInteger) })),
  /** H = 16 against H = 8, and 3,000 samples against 300: how an epoch's cost grows. */
  doubling: {
    width: formatNumber(flopsPerEpoch(N, 16) / flopsPerEpoch(N, 8)),
    data: formatNumber(flopsPerEpoch(3000, H) / flopsPerEpoch(N, H)),
  },
  /** Unrounded values for the tests and the exercises. */
  exact: {
    backwardMulEpoch: epoch.backward.multiplications,
    flops16: flopsPerEpoch(N, 16),
    flopsEpoch: flopsPerEpoch(N, H),
    activePairs,
    masked,
    epoch,
    counted,
    countedMasked,
    growth,
  },
};
