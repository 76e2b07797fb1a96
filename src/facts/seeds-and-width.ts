// Every number lesson 15 ("Randomness, seeds and width") prints, computed with the trainer at
// build time. The sweeps here are small on purpose (a few seconds of building); the lesson says
// which budget each number comes from, and the widget runs the larger sweeps in the browser.
import { quantileSorted } from 'd3-array';
import {
  baselines,
  classifyEndState,
  Trainer,
  curvature,
  gaussian,
  initParams,
  makeDataset,
  makeRandom,
  toNamed,
  train,
  unitActivity,
  type InitPreset,
  type Parameters,
} from '../trainer';
import { SEED_SWEEP_DEFAULTS, type SeedSweepConfig } from '../widgets/seed-sweep/config';
import { buildSweep, LEARNED_R2, summarise } from '../widgets/seed-sweep/results';
import { CONSOLE_PAGE } from '../widgets/seed-sweep/scene';
import { formatInteger, formatNumber } from '../experiments/format';
import { fixed, percent } from './format';

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

// ---------- 2. One setup, a hundred starts ----------

/** The first widget's sweep: He starts, the course's two hidden units, η = 0.01. */
export const ONE_SETUP: SeedSweepConfig = { ...SEED_SWEEP_DEFAULTS, widths: [2], inits: ['he'], runs: 100, epochs: 4000, learningRate: 0.01 };
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

// ---------- 3. Does width narrow the range? ----------

/** The second widget's sweep at build time: every width and both starts, fewer seeds and epochs than in the browser. */
export const WIDTHS_BROWSER: SeedSweepConfig = { ...SEED_SWEEP_DEFAULTS };
export const WIDTHS_BUILD: SeedSweepConfig = { ...SEED_SWEEP_DEFAULTS, runs: 16, epochs: 2000 };
const widths = buildSweep(WIDTHS_BUILD);

interface Row {
  init: 'writeup' | 'he';
  hidden: number;
  median: number;
  p10: number;
  p90: number;
  range: number;
  learned: number;
  diverged: number;
}
const rows: Row[] = widths.setups.map((s) => {
  const sum = summarise(s, varY);
  return { init: s.init, hidden: s.hidden, median: sum.median, p10: sum.p10, p90: sum.p90, range: sum.p90 - sum.p10, learned: sum.learned, diverged: sum.diverged };
});
const row = (init: Row['init'], hidden: number) => rows.find((r) => r.init === init && r.hidden === hidden)!;
const shown = (r: Row) => ({
  median: formatNumber(r.median),
  p10: formatNumber(r.p10),
  p90: formatNumber(r.p90),
  range: formatNumber(r.range),
  learned: formatInteger(r.learned),
});
const table = Object.fromEntries(rows.map((r) => [`${r.init}${r.hidden}`, shown(r)]));

/** The write-up's scheme at a larger step: wide networks start far steeper. */
const STEEP = { learningRate: 0.01, epochs: 300, seeds: Array.from({ length: WIDTHS_BUILD.runs }, (_, i) => WIDTHS_BUILD.firstSeed + i) };
function divergedAt(preset: InitPreset, hidden: number): number {
  return STEEP.seeds.filter((seed) => train({ data, params: initParams({ preset, seed, hidden }), learningRate: STEEP.learningRate, epochs: STEEP.epochs, hidden }).status === 'diverged').length;
}
const steep = { writeup16: divergedAt('writeup', 16), writeup2: divergedAt('writeup', 2), he16: divergedAt('he', 16) };
/** λmax at the start (the loss's sharpest curvature); steps above 2/λmax overshoot. Median over the build seeds. */
// λmax of a 65-parameter network costs a fraction of a second: 8 starts are enough for a median.
const LAMBDA_SEEDS = STEEP.seeds.slice(0, 8);
const startLambda = (preset: InitPreset, hidden: number) => median(LAMBDA_SEEDS.map((seed) => curvature(initParams({ preset, seed, hidden }), data, hidden).lambdaMax));
const lambda = { writeup2: startLambda('writeup', 2), writeup16: startLambda('writeup', 16), he16: startLambda('he', 16) };

// ---------- 4. Small changes to the start ----------

/** 20 write-up starts, each copied 5 times with every value moved by a normal number of spread 0.1. */
export const NUDGE = { starts: 20, copies: 5, spread: 0.1, epochs: 3000, learningRate: 0.01 };
const nudged = (() => {
  const changes: number[] = [];
  let flips = 0;
  let startsWithFlip = 0;
  /** Flips in which one run of the pair ended with more dead units than the other. */
  let flipsOverDeadUnit = 0;
  const deadCount = (params: Parameters) => unitActivity(params, data).states.filter((u) => u === 'dead').length;
  for (let seed = 1; seed <= NUDGE.starts; seed++) {
    const start = initParams({ preset: 'writeup', seed });
    const base = train({ data, params: start, learningRate: NUDGE.learningRate, epochs: NUDGE.epochs });
    const baseState = classifyEndState(base.params, data).state;
    const random = makeRandom(`nudge:${seed}`);
    let flipped = false;
    for (let c = 0; c < NUDGE.copies; c++) {
      const copy = start.map((v) => v + NUDGE.spread * gaussian(random));
      const run = train({ data, params: copy, learningRate: NUDGE.learningRate, epochs: NUDGE.epochs });
      changes.push(Math.abs(run.losses[NUDGE.epochs - 1] - base.losses[NUDGE.epochs - 1]));
      if (classifyEndState(run.params, data).state !== baseState) {
        flips += 1;
        flipped = true;
        if (deadCount(run.params) !== deadCount(base.params)) flipsOverDeadUnit += 1;
      }
    }
    if (flipped) startsWithFlip += 1;
  }
  const sorted = changes.sort((a, b) => a - b);
  return { copies: sorted.length, median: quantileSorted(sorted, 0.5) as number, p90: quantileSorted(sorted, 0.9) as number, max: sorted[sorted.length - 1], flips, startsWithFlip, flipsOverDeadUnit };
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
  one: {
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
    browser: { runs: WIDTHS_BROWSER.runs, epochs: formatInteger(WIDTHS_BROWSER.epochs) },
    rate: WIDTHS_BUILD.learningRate,
    table,
    steep: { ...steep, rate: STEEP.learningRate, epochs: STEEP.epochs, seeds: STEEP.seeds.length },
    lambda: { seeds: LAMBDA_SEEDS.length, writeup2: formatNumber(lambda.writeup2), writeup16: formatNumber(lambda.writeup16), he16: formatNumber(lambda.he16) },
  },
  nudge: {
    ...NUDGE,
    epochs: formatInteger(NUDGE.epochs),
    copiesTotal: nudged.copies,
    median: formatNumber(nudged.median),
    p90: formatNumber(nudged.p90),
    max: formatNumber(nudged.max),
    flips: nudged.flips,
    startsWithFlip: nudged.startsWithFlip,
    flipShare: percent(nudged.flips / nudged.copies),
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
    one: { ...oneSummary, learned: learnedRuns.length, stuck: stuckRuns.length, withDead: withDead.length, deadFloor, between },
    rows,
    steep,
    lambda,
    nudged,
    edge,
  },
};
