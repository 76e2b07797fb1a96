// Every number lesson 14 ("Input ranges, scaling and data size") prints, computed with the
// trainer. Runs that the lesson's widget also shows go through its own runSetup (experiments/setup-comparison).
import {
  Trainer, curvature, initParams, linearFit, makeDataset, rSquared, train, variance,
  type Dataset, type InitPreset, type LossForm,
} from '../trainer';
import { RANGES, setupComparisonSettings, withSetups, type RangeChoice, type Setup, type SetupComparisonConfig } from '../experiments/setup-comparison/settings';
import { GOOD_FIT, runSetup } from '../experiments/setup-comparison/run';
import { formatLoss } from '../experiments/format';
import { countFact, medianFact } from './uncertainty';
import { decimalsShown, fixed, percent } from './format';

const median = (values: readonly number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** "5.1 × 10⁻⁴" for the very small numbers of unscaled data. */
function scientific(value: number, digits = 1): string {
  const [mantissa, exponent] = value.toExponential(digits).split('e');
  const superscript = (text: string) => text.replace(/[-+0-9]/g, (c) => '⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹'['-+0123456789'.indexOf(c)]).replace('⁺', '');
  return `${mantissa} × 10${superscript(exponent)}`;
}
const grouped = (v: number) => v.toLocaleString('en-GB');
const dataFor = (range: RangeChoice, scaling: 'zscore' | 'none', n = 300): Dataset =>
  makeDataset({ n, x1Range: RANGES[range].x1, x2Range: RANGES[range].x2, scaling });

// ---------- The target: what each piece contributes to Var(y) ----------

function shares(range: RangeChoice) {
  const raw = dataFor(range, 'none');
  const varY = variance(raw.raw.y);
  return {
    x1Squared: variance(raw.raw.x1.map((v) => v * v)) / varY,
    x2: variance(raw.raw.x2) / varY,
    noise: variance(raw.raw.noise) / varY,
    rawVarY: varY,
    planeR2: rSquared(linearFit(dataFor(range, 'zscore')).loss, 1),
  };
}
const share = { original: shares('original'), wide: shares('wide') };

const zOriginal = dataFor('original', 'zscore');
const zWide = dataFor('wide', 'zscore');
let inputDifference = 0;
for (let i = 0; i < zOriginal.n; i++) {
  inputDifference = Math.max(inputDifference, Math.abs(zOriginal.x1[i] - zWide.x1[i]), Math.abs(zOriginal.x2[i] - zWide.x2[i]));
}

// ---------- Unscaled: the largest stable step ----------

export const CURVATURE_SEEDS = 100;
const seeds = Array.from({ length: CURVATURE_SEEDS }, (_, i) => i + 1);
function stableRates(preset: InitPreset, data: Dataset): number[] {
  return seeds.map((seed) => curvature(initParams({ preset, seed }), data).stableLearningRate);
}
const unscaled = { original: dataFor('original', 'none'), wide: dataFor('wide', 'none') };
const stable = {
  writeup: { original: median(stableRates('writeup', unscaled.original)), wide: median(stableRates('writeup', unscaled.wide)) },
  he: { original: median(stableRates('he', unscaled.original)), wide: median(stableRates('he', unscaled.wide)) },
  zscoreWriteup: { original: median(stableRates('writeup', zOriginal)), wide: median(stableRates('writeup', zWide)) },
};
export const DIVERGENCE_EPOCHS = 500;
function divergences(preset: InitPreset, data: Dataset, rate: number): number {
  return seeds.filter((seed) => train({ data, params: initParams({ preset, seed }), learningRate: rate, epochs: DIVERGENCE_EPOCHS }).status === 'diverged').length;
}
const WRITEUP_RATE = 0.01;
const diverged = {
  writeup: { original: divergences('writeup', unscaled.original, WRITEUP_RATE), wide: divergences('writeup', unscaled.wide, WRITEUP_RATE) },
  he: { original: divergences('he', unscaled.original, WRITEUP_RATE), wide: divergences('he', unscaled.wide, WRITEUP_RATE) },
};

// ---------- Scaled: how long until R² ≥ 0.9, same starts on both ranges ----------

export const RACE_SEEDS = 100;
export const RACE_EPOCHS = 3000;
export const RACE_RATE = 0.05;
/** The first epoch with R² ≥ GOOD_FIT from He start `seed`, or −1 within RACE_EPOCHS. */
function epochsToFit(data: Dataset, seed: number): number {
  const varY = variance(data.y);
  const trainer = new Trainer({ data, params: initParams({ preset: 'he', seed }), learningRate: RACE_RATE });
  while (trainer.epoch < RACE_EPOCHS && trainer.status === 'ok') {
    const from = trainer.epoch;
    trainer.step(Math.min(100, RACE_EPOCHS - from));
    const losses = trainer.losses;
    for (let e = from; e < trainer.epoch; e++) if (1 - losses[e] / varY >= GOOD_FIT) return e;
  }
  return -1;
}
const race = (() => {
  const original: number[] = [], wide: number[] = [];
  let both = 0, wideSlower = 0, wideFaster = 0;
  for (let seed = 1; seed <= RACE_SEEDS; seed++) {
    const a = epochsToFit(zOriginal, seed), b = epochsToFit(zWide, seed);
    if (a >= 0) original.push(a);
    if (b >= 0) wide.push(b);
    if (a >= 0 && b >= 0) {
      both += 1;
      if (b > a) wideSlower += 1;
      else if (b < a) wideFaster += 1;
    }
  }
  return { original, wide, both, wideSlower, wideFaster };
})();

// ---------- 300 against 3,000 points ----------

const CHECKPOINTS = [0, 10, 100, 1000] as const;
/** The widget's defaults with both setups on the original ranges, then changed as given. */
const config = (a: Partial<Setup>, b: Partial<Setup>, rest: Partial<SetupComparisonConfig> = {}): SetupComparisonConfig =>
  withSetups(setupComparisonSettings.defaults, { range: 'original', ...a }, { range: 'original', ...b }, rest);
/** The lesson's size comparison, as its widget shows it. */
export const SIZE_CONFIG = config({ n: 300 }, { n: 3000 }, { epochs: 1000 });
const sizeA = runSetup(SIZE_CONFIG, 'a');
const sizeB = runSetup(SIZE_CONFIG, 'b');
let largestGap = 0;
for (let e = 10; e <= SIZE_CONFIG.epochs; e++) largestGap = Math.max(largestGap, Math.abs(sizeA.losses[e] - sizeB.losses[e]));

/** Summed loss from the same starts: runs whose loss ever rose, and runs that diverged. */
export const SUM_SEEDS = 100;
export const SUM_EPOCHS = 300;
export const SUM_RATES = [1e-4, 3e-4] as const;
const big = dataFor('original', 'zscore', 3000);
function sumRuns(data: Dataset, rate: number) {
  let rose = 0, blewUp = 0;
  for (let seed = 1; seed <= SUM_SEEDS; seed++) {
    const r = train({ data, params: initParams({ preset: 'he', seed }), learningRate: rate, epochs: SUM_EPOCHS, lossForm: 'sum' as LossForm });
    if (r.status === 'diverged') blewUp += 1;
    else if (r.losses.some((v, i) => i > 0 && v > r.losses[i - 1] * (1 + 1e-9))) rose += 1;
  }
  return { rose, blewUp };
}
const sum = SUM_RATES.map((rate) => ({ rate, small: sumRuns(zOriginal, rate), large: sumRuns(big, rate) }));
const heStable = median(seeds.map((seed) => curvature(initParams({ preset: 'he', seed }), zOriginal).stableLearningRate));

/** Mini-batches of 10 on both sizes, as the widget's batch comparison shows it. */
export const BATCH_CONFIG = config({ n: 300, batchSize: 10 }, { n: 3000, batchSize: 10 }, { epochs: 100 });
const batchA = runSetup(BATCH_CONFIG, 'a');
const batchB = runSetup(BATCH_CONFIG, 'b');
const fullSmall = runSetup(config({ n: 300 }, { n: 300 }, { epochs: 100 }), 'a');
const rises = (losses: Float64Array) => losses.reduce((count, v, i) => count + (i > 0 && v > losses[i - 1] ? 1 : 0), 0);

/** The lesson's unscaled and scaled range comparisons, as its widgets show them. */
export const UNSCALED_CONFIG = config({ scaling: 'none' }, { scaling: 'none', range: 'wide' }, { learningRate: 1e-4, epochs: 500 });
/** Start 13 needs about the median number of epochs on both ranges (269 and 410 against medians of 269 and 395). */
export const SCALED_CONFIG = config({}, { range: 'wide' }, { epochs: 1000, initSeed: 13 });
const scaledA = runSetup(SCALED_CONFIG, 'a');
const scaledB = runSetup(SCALED_CONFIG, 'b');
const unscaledA = runSetup(UNSCALED_CONFIG, 'a');
const unscaledB = runSetup(UNSCALED_CONFIG, 'b');
/** Lowering η in the unscaled comparison: the first rate on this grid at which the wide setup survives. */
export const LOWER_RATES = [7e-5, 5e-5, 3e-5, 2e-5, 1e-5] as const;
const lowered = (() => {
  for (const rate of LOWER_RATES) {
    const c = { ...UNSCALED_CONFIG, learningRate: rate };
    const b = runSetup(c, 'b');
    if (b.status === 'ok') return { rate, a: runSetup(c, 'a'), b };
  }
  throw new Error('The wide unscaled setup diverges at every rate of the grid.');
})();
const r2Of = (run: { losses: Float64Array; epochs: number; varY: number }) => 1 - run.losses[run.epochs] / run.varY;

/** A config as the widget's props (its link settings), so the lesson shows exactly the runs measured here. */
const props = (c: SetupComparisonConfig) => Object.fromEntries(setupComparisonSettings.serialise(c));

/** The size comparison with B (3,000 samples) updated every 100 samples: B's final loss, which only the widget gives. */
const WIDGET_ONLY_BATCH = 100;
const batchedB = runSetup(withSetups(SIZE_CONFIG, {}, { batchSize: WIDGET_ONLY_BATCH }), 'b');
const batchedEnd = formatLoss(batchedB.losses[batchedB.epochs]);

export const rangesAndDataSize = {
  widgetOnly: { batch: String(WIDGET_ONLY_BATCH), lossEnd: batchedEnd, decimals: decimalsShown(batchedEnd), updates: batchedB.updatesPerEpoch.toLocaleString('en-GB'), diverged: batchedB.status === 'diverged' },
  widgets: { unscaled: props(UNSCALED_CONFIG), scaled: props(SCALED_CONFIG), size: props(SIZE_CONFIG), batch: props(BATCH_CONFIG) },
  writeupRate: String(WRITEUP_RATE),
  share: {
    original: { x1Squared: percent(share.original.x1Squared), x2: percent(share.original.x2), planeR2: fixed(share.original.planeR2) },
    wide: {
      x1Squared: `${fixed(share.wide.x1Squared * 100, 1)}%`,
      x2: `${fixed(share.wide.x2 * 100, 1)}%`,
      planeR2: fixed(share.wide.planeR2, 3),
    },
    rawVarY: { original: grouped(Math.round(share.original.rawVarY)), wide: grouped(Math.round(share.wide.rawVarY)) },
  },
  inputDifference: scientific(inputDifference, 0),
  stable: {
    seeds: String(CURVATURE_SEEDS),
    writeupOriginal: scientific(stable.writeup.original),
    writeupWide: scientific(stable.writeup.wide),
    writeupRatio: fixed(stable.writeup.original / stable.writeup.wide, 0),
    heOriginal: scientific(stable.he.original),
    heWide: scientific(stable.he.wide),
    heRatio: fixed(stable.he.original / stable.he.wide, 0),
    zscore: fixed(stable.zscoreWriteup.original, 4),
  },
  diverged: {
    epochs: String(DIVERGENCE_EPOCHS),
    writeupOriginal: String(diverged.writeup.original),
    writeupWide: String(diverged.writeup.wide),
    heOriginal: String(diverged.he.original),
    heWide: String(diverged.he.wide),
    writeupOriginalFact: countFact(diverged.writeup.original, CURVATURE_SEEDS).text,
    writeupWideFact: countFact(diverged.writeup.wide, CURVATURE_SEEDS).text,
    heOriginalFact: countFact(diverged.he.original, CURVATURE_SEEDS).text,
    heWideFact: countFact(diverged.he.wide, CURVATURE_SEEDS).text,
  },
  race: {
    seeds: String(RACE_SEEDS),
    epochs: grouped(RACE_EPOCHS),
    rate: String(RACE_RATE),
    originalReached: String(race.original.length),
    wideReached: String(race.wide.length),
    originalMedian: grouped(median(race.original)),
    wideMedian: grouped(median(race.wide)),
    both: String(race.both),
    wideSlower: String(race.wideSlower),
    wideFaster: String(race.wideFaster),
    originalReachedFact: countFact(race.original.length, RACE_SEEDS).text,
    wideReachedFact: countFact(race.wide.length, RACE_SEEDS).text,
    originalMedianFact: medianFact(race.original, grouped).text,
    wideMedianFact: medianFact(race.wide, grouped).text,
    wideSlowerFact: countFact(race.wideSlower, race.both).text,
  },
  unscaledWidget: {
    rate: scientific(UNSCALED_CONFIG.learningRate, 0),
    originalR2: fixed(1 - unscaledA.losses[unscaledA.epochs] / unscaledA.varY),
    wideDivergedAt: String(unscaledB.divergedAt),
    wideStable: scientific(unscaledB.stableRate),
    survivesAt: scientific(lowered.rate, 0),
    survivingWideR2: fixed(r2Of(lowered.b)),
    survivingOriginalR2: fixed(r2Of(lowered.a)),
  },
  scaledWidget: {
    originalReached: grouped(scaledA.reachedAt),
    wideReached: grouped(scaledB.reachedAt),
  },
  size: {
    epochs: CHECKPOINTS.map(String),
    small: CHECKPOINTS.map((e) => fixed(sizeA.losses[e], 3)),
    large: CHECKPOINTS.map((e) => fixed(sizeB.losses[e], 3)),
    largestGap: fixed(largestGap, 3),
  },
  sum: {
    seeds: String(SUM_SEEDS),
    epochs: String(SUM_EPOCHS),
    rows: sum.map((s) => ({
      rate: scientific(s.rate, 0),
      smallStep: fixed(s.rate * 300, 2),
      largeStep: fixed(s.rate * 3000, 1),
      smallRose: `${s.small.rose} (${countFact(s.small.rose, SUM_SEEDS).interval})`,
      largeRose: `${s.large.rose} (${countFact(s.large.rose, SUM_SEEDS).interval})`,
      smallDiverged: `${s.small.blewUp} (${countFact(s.small.blewUp, SUM_SEEDS).interval})`,
      largeDiverged: `${s.large.blewUp} (${countFact(s.large.blewUp, SUM_SEEDS).interval})`,
    })),
    heStable: fixed(heStable, 2),
  },
  batch: {
    smallUpdates: String(batchA.updatesPerEpoch),
    largeUpdates: String(batchB.updatesPerEpoch),
    smallAfterOne: fixed(batchA.losses[1], 3),
    largeAfterOne: fixed(batchB.losses[1], 3),
    fullAfterOne: fixed(fullSmall.losses[1], 3),
    /** The loss after 300 updates: epoch 10 of the small set, epoch 1 of the large one. */
    smallAfter300Updates: fixed(batchA.losses[300 / batchA.updatesPerEpoch], 3),
    largeAfter300Updates: fixed(batchB.losses[300 / batchB.updatesPerEpoch], 3),
    smallRises: String(rises(batchA.losses)),
    fullRises: String(rises(fullSmall.losses)),
  },
  /** Unrounded values for the tests of the prose's claims. */
  exact: {
    share, inputDifference, stable, diverged, race, sizeA, sizeB, largestGap, sum, heStable, batchA, batchB, fullSmall,
    scaledA, scaledB, unscaledA, unscaledB, lowered, rises: { batch: rises(batchA.losses), full: rises(fullSmall.losses) },
  },
};
