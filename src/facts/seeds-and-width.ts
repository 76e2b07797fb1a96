// Every number lesson 15 ("Randomness, seeds and width") prints, computed with the trainer at
// build time. The width sweep and the small changes (100 seeds each, many minutes of training)
// are cached in cache/seeds-and-width.json; the lesson says which budget each number comes from,
// and the widget runs its own sweeps in the browser.
import { quantileSorted } from 'd3-array';
import {
  baselines,
  classifyEndState,
  Trainer,
  endStateName,
  initParams,
  makeDataset,
  toNamed,
  train,
  unitActivity,
  type InitPreset,
  type Parameters,
} from '../trainer';
import { seedSweepSettings, type SeedSweepConfig } from '../experiments/seed-sweep/settings';
import { buildSweep, LEARNED_R2, summarise } from '../experiments/seed-sweep/results';
import { CONSOLE_PAGE } from '../experiments/seed-sweep/consoleLink';
import { formatInteger, formatNumber } from '../experiments/format';
import { decimalsShown, fixed } from './format';
import seedsAndWidthCache from './cache/seeds-and-width.json';
import seedSpreadCache from './cache/seed-spread.json';
import seedGambleCache from './cache/seed-gamble.json';
import { cachedRuns, type CacheFile, type RunRecord } from './cache/runs';
import { GAMBLE, GAMBLE_ARMS, NUDGE, nudgeJobs, SEED_GAMBLE_RUNS, SEED_SPREAD_RUNS, SEEDS_AND_WIDTH_RUNS, SPREAD, SPREAD_JOBS, WIDTH_EPOCHS, WIDTH_LOOKBACK, WIDTH_RATE_CAP, WIDTH_RATES, WIDTH_SEEDS, WIDTHS, widthJobs } from './cache/seeds-and-width';
import { countFact, medianFact, type MedianFact } from './uncertainty';

const data = makeDataset();
const { meanPredictor: varY, linear: planeLoss } = baselines(data);
const r2 = (loss: number) => 1 - loss / varY;
const median = (values: number[]) => quantileSorted([...values].sort((a, b) => a - b), 0.5) as number;

// ---------- 1. Same seeds, same numbers (the replay) ----------

/** The replay's setup: the course's network from a He start, as in lesson 7. */
export const REPLAY = { preset: 'he' as InitPreset, hidden: 2, learningRate: 0.01, epochs: 2000, dataSeed: 1, initSeed: 7 };

function finalLoss(dataSeed: number, initSeed: number): number {
  const d = dataSeed === 1 ? data : makeDataset({ seed: dataSeed });
  const run = train({ data: d, params: initParams({ preset: REPLAY.preset, seed: initSeed, hidden: REPLAY.hidden }), learningRate: REPLAY.learningRate, epochs: REPLAY.epochs });
  return run.losses[run.losses.length - 1];
}

const first = finalLoss(REPLAY.dataSeed, REPLAY.initSeed);
const again = finalLoss(REPLAY.dataSeed, REPLAY.initSeed);
const otherData = finalLoss(2, REPLAY.initSeed);
const otherStart = finalLoss(REPLAY.dataSeed, REPLAY.initSeed + 1);
/** Seeding only one of the two generators: the other one changes from run to run. */
const SEEDS = [1, 2, 3, 4, 5];
const onlyDataSeeded = SEEDS.map((s) => finalLoss(REPLAY.dataSeed, s));
const onlyInitSeeded = SEEDS.map((s) => finalLoss(s, REPLAY.initSeed));
const fiveMedian = median(onlyDataSeeded);
/** The same question over 100 reruns each (cached): a different start against a different data set. */
const gamble = (() => {
  const get = cachedRuns(SEED_GAMBLE_RUNS, seedGambleCache as CacheFile);
  const summary = (jobs: typeof GAMBLE_ARMS.starts) => {
    // R² against each run's own data set (z-scoring makes every Var(y) about 1, but not to the bit).
    const r2s = jobs.map((job) => {
      const loss = get(job).finalLoss ?? Infinity;
      const own = job.dataSeed === undefined ? varY : baselines(makeDataset({ seed: job.dataSeed })).meanPredictor;
      return 1 - loss / own;
    });
    const losses = jobs.map((job) => get(job).finalLoss ?? Infinity).sort((a, b) => a - b);
    const learned = r2s.filter((v) => v >= LEARNED_R2).length;
    return { p10: quantileSorted(losses, 0.1) as number, p90: quantileSorted(losses, 0.9) as number, learned, runs: losses.length };
  };
  return { starts: summary(GAMBLE_ARMS.starts), data: summary(GAMBLE_ARMS.data) };
})();

// ---------- 2. One setup, a hundred starts ----------

/** The first widget's sweep: He starts, the course's two hidden units, η = 0.01. */
export const ONE_SETUP: SeedSweepConfig = { ...seedSweepSettings.defaults, widths: [2], inits: ['he'], runs: 100, epochs: 4000, learningRate: 0.01 };
const one = buildSweep(ONE_SETUP);
const oneRow = one.setups[0];
const oneSummary = summarise(oneRow, varY);
const onePoints = oneRow.points.filter((p) => p !== undefined);
const learnedRuns = onePoints.filter((p) => r2(p.finalLoss) >= 0.9);
const stuckRuns = onePoints.filter((p) => r2(p.finalLoss) < 0.9);
const withDead = onePoints.filter((p) => p.units.includes('dead'));
/** The best final loss of any run that ended with a dead unit: the floor of the stuck cluster. */
const deadFloor = Math.min(...withDead.map((p) => p.finalLoss));
/** Runs between the humps: neither learned (R² < 0.9) nor down at the dead-unit level. */
const between = onePoints.filter((p) => r2(p.finalLoss) < LEARNED_R2 && p.finalLoss < 0.9 * deadFloor).length;
/** The same hundred runs from the cache, with the loss 400 epochs before the end: which were still improving? */
const spread = SPREAD_JOBS.map(cachedRuns(SEED_SPREAD_RUNS, seedSpreadCache as CacheFile));
const spreadImproving = spread.filter((r) => r.status === 'ok' && (r.lossesAt![0]! - r.finalLoss!) / r.finalLoss! > 0.01).length;

/**
 * A number only the first widget gives (issue 13): the same setup from the next seeds, fewer of
 * them — the median the widget prints once its sweep has run.
 */
const WIDGET_ONLY: SeedSweepConfig = { ...ONE_SETUP, runs: 20, firstSeed: 101 };
const widgetOnlyMedian = formatNumber(summarise(buildSweep(WIDGET_ONLY).setups[0], varY).median);

// ---------- 3. Does width narrow the range? (100 seeds per setup, cached: cache/seeds-and-width.ts) ----------

/** The second widget's sweeps: the one it offers in the browser, and the small one it opens with. */
export const WIDTHS_BROWSER: SeedSweepConfig = { ...seedSweepSettings.defaults };
export const WIDTHS_BUILD: SeedSweepConfig = { ...seedSweepSettings.defaults, runs: 16, epochs: 2000 };

const cachedWidths = cachedRuns(SEEDS_AND_WIDTH_RUNS, seedsAndWidthCache as CacheFile);
/** A run still improving when the budget ran out: its loss fell by more than 1% over the last WIDTH_LOOKBACK epochs. */
const stillImproving = (r: RunRecord) => r.status === 'ok' && r.lossesAt![0] !== null && (r.lossesAt![0]! - r.finalLoss!) / r.finalLoss! > 0.01;

interface Row {
  init: 'writeup' | 'he';
  hidden: number;
  rate: number;
  median: MedianFact;
  p10: number;
  p90: number;
  range: number;
  diverged: number;
  improving: number;
  /** Runs whose rate was above their own stability limit 2/λmax (Hessian) at the start, and at the end. */
  aboveAtStart: number;
  aboveAtEnd: number;
  medianStartLimit: number;
}
const rows: Row[] = (['writeup', 'he'] as const).flatMap((init) =>
  WIDTHS.map((hidden) => {
    const jobs = widthJobs(init, hidden);
    const records = jobs.map(cachedWidths);
    const finished = records.filter((r) => r.status === 'ok');
    const sorted = finished.map((r) => r.finalLoss!).sort((a, b) => a - b);
    const q = (p: number) => quantileSorted(sorted, p) as number;
    const rate = WIDTH_RATES[init][hidden];
    return {
      init,
      hidden,
      rate,
      median: medianFact(sorted, formatNumber),
      p10: q(0.1),
      p90: q(0.9),
      range: q(0.9) - q(0.1),
      diverged: records.length - finished.length,
      improving: finished.filter(stillImproving).length,
      aboveAtStart: records.filter((r) => rate > (r.startLimit ?? Infinity)).length,
      aboveAtEnd: finished.filter((r) => rate > (r.endLimit ?? Infinity)).length,
      medianStartLimit: median(records.map((r) => r.startLimit ?? NaN)),
    };
  }),
);
const row = (init: Row['init'], hidden: number) => rows.find((r) => r.init === init && r.hidden === hidden)!;
const shown = (r: Row) => ({
  rate: String(r.rate),
  median: r.median.median,
  medianInterval: `${r.median.low}–${r.median.high}`,
  p10: formatNumber(r.p10),
  p90: formatNumber(r.p90),
  range: formatNumber(r.range),
  improving: formatInteger(r.improving),
  limit: formatNumber(r.medianStartLimit),
  lambda: formatNumber(2 / r.medianStartLimit),
});
const table = Object.fromEntries(rows.map((r) => [`${r.init}${r.hidden}`, shown(r)]));

/** The widget's one rate for every row, against the write-up's 16-unit starts' limit. */
const widgetRateAboveLimit16 = widthJobs('writeup', 16).map(cachedWidths).filter((r) => WIDTHS_BROWSER.learningRate > (r.startLimit ?? Infinity)).length;

// ---------- 4. Small changes to the start (cached: 100 write-up starts, as drawn and nudged) ----------

const nudged = (() => {
  const base = nudgeJobs(false).map(cachedWidths);
  const moved = nudgeJobs(true).map(cachedWidths);
  const changes = base.map((b, i) => Math.abs(moved[i].finalLoss! - b.finalLoss!));
  const flips = base.filter((b, i) => endStateName(b.units) !== endStateName(moved[i].units));
  const deadCount = (r: RunRecord) => r.units.filter((u) => u === 'dead').length;
  const flipsOverDeadUnit = base.filter((b, i) => endStateName(b.units) !== endStateName(moved[i].units) && deadCount(b) !== deadCount(moved[i])).length;
  const sorted = [...changes].sort((a, b) => a - b);
  return {
    copies: sorted.length,
    median: medianFact(sorted, formatNumber),
    p90: quantileSorted(sorted, 0.9) as number,
    max: sorted[sorted.length - 1],
    flips: flips.length,
    flipsOverDeadUnit,
  };
})();

/**
 * A start on the edge: the write-up's seed-17 start, and the same start with W6 moved up by
 * hundredths until unit 2 survives the first step. Both keep two decimals, as the write-up's did.
 */
export const EDGE = { seed: 17, epochs: 20_000, learningRate: 0.01 };
const EDGE_TIMELINE = [0, 1000, 3000, 5000, 10_000, 20_000];
function afterFirstStep(params: Parameters) {
  const trainer = new Trainer({ data, params, learningRate: EDGE.learningRate });
  trainer.step(1);
  return unitActivity(trainer.params, data).activeCounts;
}
const edge = (() => {
  const start = initParams({ preset: 'writeup', seed: EDGE.seed });
  let dies = Float64Array.from(start);
  let lives = dies;
  for (let k = 1; k <= 100; k++) {
    const next = Float64Array.from(start);
    next[5] = Math.round((start[5] + 0.01 * k) * 100) / 100;
    if (afterFirstStep(next)[1] > 0) {
      lives = next;
      break;
    }
    dies = next;
  }
  const end = (params: Parameters) => {
    const run = train({ data, params, learningRate: EDGE.learningRate, epochs: EDGE.epochs });
    const state = classifyEndState(run.params, data);
    // The loss after `steps` steps (after the last one, if the run stopped earlier).
    const at = (steps: number) => run.lossHistory[Math.min(steps, run.epochs)];
    return { loss: at(EDGE.epochs), state: state.state, active: state.activeCounts, at };
  };
  return {
    dies: { params: dies, atStart: unitActivity(dies, data).activeCounts, afterStep: afterFirstStep(dies), ...end(dies) },
    lives: { params: lives, atStart: unitActivity(lives, data).activeCounts, afterStep: afterFirstStep(lives), ...end(lives) },
  };
})();
/** The console's link for one of the two starts: its exact values, replayed to the end of the run. */
const consoleLink = (params: Parameters) =>
  `${CONSOLE_PAGE}?console.start=${Array.from(params).join(',')}&console.learningRate=${EDGE.learningRate}&console.epoch=${EDGE.epochs}#widget-console`;
const w = (v: number) => fixed(v, 2);

export const seedsAndWidth = {
  n: data.n,
  learnedR2: LEARNED_R2,
  /** The two widgets' settings, so the page shows exactly the sweeps these facts describe. */
  widgetOnly: { runs: String(WIDGET_ONLY.runs), firstSeed: String(WIDGET_ONLY.firstSeed), lastSeed: String(WIDGET_ONLY.firstSeed + WIDGET_ONLY.runs - 1), median: widgetOnlyMedian, decimals: decimalsShown(widgetOnlyMedian) },
  widgetProps: {
    one: { widths: ONE_SETUP.widths, inits: ONE_SETUP.inits, runs: ONE_SETUP.runs, epochs: ONE_SETUP.epochs, learningRate: ONE_SETUP.learningRate },
    widths: { buildRuns: WIDTHS_BUILD.runs, buildEpochs: WIDTHS_BUILD.epochs },
  },
  varY: fixed(varY, 3),
  planeLoss: fixed(planeLoss),
  replay: {
    ...REPLAY,
    epochs: formatInteger(REPLAY.epochs),
    first: String(first),
    again: String(again),
    otherData: String(otherData),
    otherStart: String(otherStart),
    otherDataShort: formatNumber(otherData),
    otherStartShort: formatNumber(otherStart),
    firstShort: formatNumber(first),
    onlyDataSeeded: onlyDataSeeded.map(formatNumber).join(', '),
    onlyInitSeeded: onlyInitSeeded.map(formatNumber).join(', '),
    seeds: SEEDS.join(', '),
    fiveMedian: formatNumber(fiveMedian),
  },
  /** Over 100 reruns each: which seed is the bigger gamble? */
  gamble: {
    runs: formatInteger(GAMBLE.runs),
    startsP10: formatNumber(gamble.starts.p10),
    startsP90: formatNumber(gamble.starts.p90),
    startsLearnedFact: countFact(gamble.starts.learned, gamble.starts.runs).text,
    dataP10: formatNumber(gamble.data.p10),
    dataP90: formatNumber(gamble.data.p90),
    dataLearnedFact: countFact(gamble.data.learned, gamble.data.runs).text,
  },
  one: {
    learnedFact: countFact(learnedRuns.length, onePoints.length).text,
    withDeadFact: countFact(withDead.length, onePoints.length).text,
    medianFact: medianFact(onePoints.map((p) => p.finalLoss), formatNumber).text,
    improving: formatInteger(spreadImproving),
    lookback: formatInteger(SPREAD.lookback),
    runs: ONE_SETUP.runs,
    epochs: formatInteger(ONE_SETUP.epochs),
    rate: ONE_SETUP.learningRate,
    median: formatNumber(oneSummary.median),
    p10: formatNumber(oneSummary.p10),
    p90: formatNumber(oneSummary.p90),
    best: formatNumber(oneSummary.finals[0]),
    worst: formatNumber(oneSummary.finals[oneSummary.finals.length - 1]),
    learned: learnedRuns.length,
    stuck: stuckRuns.length,
    withDead: withDead.length,
    deadFloor: formatNumber(deadFloor),
    between,
    learnedMedian: formatNumber(median(learnedRuns.map((p) => p.finalLoss))),
    stuckMedian: formatNumber(median(stuckRuns.map((p) => p.finalLoss))),
  },
  widths: {
    build: { runs: WIDTHS_BUILD.runs, epochs: formatInteger(WIDTHS_BUILD.epochs), totalRuns: rows.length * WIDTHS_BUILD.runs },
    browser: { runs: WIDTHS_BROWSER.runs, epochs: formatInteger(WIDTHS_BROWSER.epochs), rate: String(WIDTHS_BROWSER.learningRate) },
    seeds: formatInteger(WIDTH_SEEDS),
    epochs: formatInteger(WIDTH_EPOCHS),
    lookback: formatInteger(WIDTH_LOOKBACK),
    rateCap: String(WIDTH_RATE_CAP),
    table,
    /** Runs above their own limit at the start or at the end, over all eight rows. */
    aboveAtStart: formatInteger(rows.reduce((n, r) => n + r.aboveAtStart, 0)),
    aboveAtEnd: formatInteger(rows.reduce((n, r) => n + r.aboveAtEnd, 0)),
    /** At the widget's one rate, how many of the write-up's 16-unit starts begin above their limit. */
    widgetRateAboveLimit16: formatInteger(widgetRateAboveLimit16),
  },
  nudge: {
    ...NUDGE,
    epochs: formatInteger(NUDGE.epochs),
    copiesTotal: nudged.copies,
    median: nudged.median.median,
    medianFact: nudged.median.text,
    p90: formatNumber(nudged.p90),
    max: formatNumber(nudged.max),
    flips: nudged.flips,
    flipsFact: countFact(nudged.flips, nudged.copies).text,
  },
  edge: {
    ...EDGE,
    epochs: formatInteger(EDGE.epochs),
    start: Object.fromEntries(Object.entries(toNamed(edge.dies.params)).map(([name, v]) => [name, w(v)])),
    w6Dies: w(edge.dies.params[5]),
    w6Lives: w(edge.lives.params[5]),
    w6Seed: w(initParams({ preset: 'writeup', seed: EDGE.seed })[5]),
    unit2AtStart: edge.dies.atStart[1],
    diesAfterStep: edge.dies.afterStep[1],
    livesAfterStep: edge.lives.afterStep[1],
    diesState: edge.dies.state,
    livesState: edge.lives.state,
    diesLoss: formatNumber(edge.dies.loss),
    livesLoss: formatNumber(edge.lives.loss),
    diesR2: fixed(r2(edge.dies.loss)),
    livesR2: fixed(r2(edge.lives.loss)),
    livesActiveEnd: edge.lives.active[1],
    /** The loss of both runs at a few epochs along the way: B looks as stuck as A for a long time. */
    timeline: EDGE_TIMELINE.map((steps) => ({ steps: formatInteger(steps), dies: formatNumber(edge.dies.at(steps)), lives: formatNumber(edge.lives.at(steps)) })),
    diesLink: consoleLink(edge.dies.params),
    livesLink: consoleLink(edge.lives.params),
  },
  /** Unrounded values for the tests that check the prose's claims. */
  exact: {
    varY,
    planeLoss,
    first,
    again,
    otherData,
    otherStart,
    onlyDataSeeded,
    onlyInitSeeded,
    fiveMedian,
    gamble,
    one: { ...oneSummary, learned: learnedRuns.length, stuck: stuckRuns.length, withDead: withDead.length, deadFloor, between },
    rows,
    nudged,
    spreadImproving,
    edge,
  },
};
