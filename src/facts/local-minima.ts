// Every number lesson 9 ("What 'local minima' are here") prints, computed from the trainer.
import {
  classifyEndState,
  Trainer,
  findPlateau,
  fromNamed,
  initParams,
  lossAndGradient,
  rSquared,
  toyDescent,
  toyLoss,
  TOY_GLOBAL_MINIMUM,
  TOY_HUMP,
  TOY_LOCAL_MINIMUM,
  train,
  unitParameters,
  variance,
  type EndState,
  type SweepRun,
} from '../trainer';
import { defaultDataset } from '../experiments/data/defaultDataset';
import { basinGallerySettings } from '../experiments/basin-gallery/settings';
import { gallerySweep } from '../experiments/basin-gallery/run';
import { lossSurfaceSettings, type LossSurfaceConfig } from '../experiments/loss-surface/settings';
import { GRID, gridMinimum, surfaceState } from '../experiments/loss-surface/run';
import { fixed, percent } from './format';
import { toyLandscapeSettings } from '../experiments/toy-landscape/settings';
import { countFact } from './uncertainty';

const data = defaultDataset();
const varY = variance(data.y);
const r2 = (loss: number) => rSquared(loss, varY);
/** Three significant figures, as a reader would round a loss (0.0345, 0.695). */
const loss3 = (v: number) => v.toPrecision(3);
const count = (n: number) => n.toLocaleString('en-GB');
/** "3 × 10⁻¹⁵"-style text for a tiny positive number. */
function power(v: number): string {
  let e = Math.floor(Math.log10(v));
  let m = Math.round(v / 10 ** e);
  if (m === 10) (m = 1), (e += 1);
  const sup = String(e).replace('-', '⁻').replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);
  return m === 1 ? `10${sup}` : `${m} × 10${sup}`;
}
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

// ---------- The toy landscape f(x) = x⁴ − 3x² + x ----------

/** Starts and rates the lesson walks through; the tests check each outcome. */
export const TOY_RUNS = {
  small: { start: 2, rate: 0.01 },
  larger: { start: 2, rate: 0.1 },
  fromTheLeft: { start: -2.2, rate: 0.1 },
  tooLarge: { start: 2, rate: 0.25 },
} as const;
const TOY_STEPS = 500;
const toyRuns = Object.fromEntries(
  Object.entries(TOY_RUNS).map(([name, r]) => [name, { ...r, ...toyDescent(r.start, r.rate, TOY_STEPS) }]),
) as Record<keyof typeof TOY_RUNS, { start: number; rate: number } & ReturnType<typeof toyDescent>>;
/** The first step after which the descent stays within 0.001 of where it ends. */
function settledAfter(path: Float64Array): number {
  const end = path[path.length - 1];
  let k = path.length - 1;
  while (k > 0 && Math.abs(path[k - 1] - end) < 1e-3) k--;
  return k;
}

// ---------- A saddle: the all-zero start ----------

/** Every weight and bias 0: only B3 has a slope, and B3 = 0 is already the mean of y. */
const zeros = initParams({ preset: 'zeros' });
const zeroRun = train({ data, params: zeros, learningRate: 0.05, epochs: 1000 });
/** The same start nudged on two parameters of unit 1. */
export const NUDGE = { B1: 0.01, W5: 0.01 } as const;
const nudged = fromNamed({ W1: 0, W2: 0, W3: 0, W4: 0, W5: NUDGE.W5, W6: 0, B1: NUDGE.B1, B2: 0, B3: 0 });
const nudgedRun = train({ data, params: nudged, learningRate: 0.05, epochs: 5000 });

// ---------- The gallery: a hundred He starts at the console's rate ----------

const G = basinGallerySettings.defaults;
const gallery: SweepRun[] = gallerySweep(G);
const stateOf = (run: SweepRun) => (run.status === 'diverged' ? 'diverged' : (run.details!.state as EndState));
const GOOD = 0.1;
function stateSummary(state: EndState) {
  const runs = gallery.filter((r) => stateOf(r) === state);
  const losses = runs.map((r) => r.finalLoss);
  return {
    runs: runs.length,
    medianLoss: losses.length ? loss3(median(losses)) : '–',
    lowest: losses.length ? loss3(Math.min(...losses)) : '–',
    highest: losses.length ? loss3(Math.max(...losses)) : '–',
    medianR2: losses.length ? fixed(r2(median(losses)), 2) : '–',
    atRest: runs.filter((r) => r.details!.gradientNorm < 1e-8).length,
    seeds: runs.map((r) => Number(r.seed)),
    losses,
  };
}
const states = {
  twoHinges: stateSummary('two hinges'),
  hingeLinear: stateSummary('hinge + linear'),
  hingeDead: stateSummary('hinge + dead'),
  linearDead: stateSummary('linear + dead'),
  bothDead: stateSummary('both dead'),
  twoLinear: stateSummary('two linear'),
};
const twoHingeRuns = gallery.filter((r) => stateOf(r) === 'two hinges');
const goodTwoHinges = twoHingeRuns.filter((r) => r.finalLoss < GOOD);
const poorTwoHinges = twoHingeRuns.filter((r) => r.finalLoss >= GOOD);
const bestLoss = Math.min(...gallery.map((r) => r.finalLoss));
const atRest = gallery.filter((r) => r.details!.gradientNorm < 1e-8);
const moving = gallery.filter((r) => r.details!.gradientNorm >= 1e-8);
const restingNorms = atRest.map((r) => r.details!.gradientNorm);

// ---------- The trap: a run that ended with a dead unit, trained on with any step size ----------

const trapRun = gallery.find((r) => stateOf(r) === 'hinge + dead' && r.details!.gradientNorm < 1e-8)!;
const trapEnd = Float64Array.from(trapRun.details!.params);
const trapReport = classifyEndState(trapEnd, data);
const deadUnit = trapReport.units.indexOf('dead');
const deadParams = unitParameters(deadUnit);
const trapGradient = lossAndGradient(trapEnd, data).grad;
export const TRAP_RATES = [0.001, 0.05, 1, 100] as const;
const TRAP_EPOCHS = 1000;
const trapContinued = TRAP_RATES.map((rate) => {
  const t = new Trainer({ data, params: trapEnd, learningRate: rate });
  t.step(TRAP_EPOCHS);
  const params = Float64Array.from(t.params);
  return {
    rate,
    status: t.status,
    unchanged: deadParams.every((j) => Object.is(params[j], trapEnd[j])),
    moved: params.some((v, j) => !deadParams.includes(j) && v !== trapEnd[j]),
    state: classifyEndState(params, data).units[deadUnit],
  };
});

// ---------- The trap seen on a slice: the dead unit's bias against its outgoing weight ----------

/** The loss-surface widget's view of the trapped run: its end, over the dead unit's bias and outgoing weight. */
export const SURFACE_VIEW: LossSurfaceConfig = {
  ...lossSurfaceSettings.defaults,
  init: 'he',
  initSeed: Number(trapRun.seed),
  learningRate: G.learningRate,
  epochs: G.epochs,
  slice: 'end',
  x: deadUnit === 0 ? 'B1' : 'B2',
  y: deadUnit === 0 ? 'W5' : 'W6',
};
const surface = surfaceState(SURFACE_VIEW, data);
const surfaceLowest = gridMinimum(surface.grid);
const at = (w: [number, number], i: number) => w[0] + (i * (w[1] - w[0])) / (GRID - 1);

// ---------- A plateau that ends: He seed 168 at the console's rate ----------

export const PLATEAU_SEED = 168;
export const PLATEAU_EPOCHS = 5000;
const plateauTrainer = new Trainer({ data, params: initParams({ preset: 'he', seed: PLATEAU_SEED }), learningRate: G.learningRate });
plateauTrainer.step(PLATEAU_EPOCHS);
const plateauLosses = Float64Array.from(plateauTrainer.losses);
const plateau = findPlateau(plateauLosses)!;
const plateauEnd = classifyEndState(plateauTrainer.params, data);
/** The gradient in the middle of the plateau: small, but far from rounding level. */
const plateauMiddle = Math.round((plateau.start + plateau.end) / 2);
const middleParams = train({ data, params: initParams({ preset: 'he', seed: PLATEAU_SEED }), learningRate: G.learningRate, epochs: plateauMiddle }).params;
const plateauMiddleNorm = classifyEndState(middleParams, data).gradientNorm;

// ---------- Learning rate against dead units: a hundred He starts per rate ----------

export const SWEEP_RATES = [0.01, 0.03, 0.1, 0.3, 1] as const;
/** Every rate gets the same budget of η × epochs, so each run travels about as far. */
export const SWEEP_BUDGET = 30;
const SWEEP_SEEDS = Array.from({ length: 100 }, (_, i) => i + 1);
const sweep = SWEEP_RATES.map((rate) => {
  const epochs = Math.round(SWEEP_BUDGET / rate);
  const runs = SWEEP_SEEDS.map((seed) => {
    const r = train({ data, params: initParams({ preset: 'he', seed }), learningRate: rate, epochs });
    const dead = r.status === 'ok' ? classifyEndState(r.params, data).units.filter((s) => s === 'dead').length : -1;
    return { seed, diverged: r.status !== 'ok', dead };
  });
  const finished = runs.filter((r) => !r.diverged);
  const deadUnits = finished.reduce((sum, r) => sum + r.dead, 0);
  return {
    rate,
    epochs,
    runs,
    diverged: runs.length - finished.length,
    finished: finished.length,
    deadUnits,
    deadShare: finished.length ? deadUnits / (2 * finished.length) : NaN,
    withDead: finished.filter((r) => r.dead > 0).length,
    bothDead: finished.filter((r) => r.dead === 2).length,
  };
});
const smallest = sweep[0];
/**
 * Against the smallest rate, seed by seed: of the runs that lost a unit there, how many the larger
 * rate rescued; of the runs that kept both units there, how many it trapped or blew up.
 */
function paired(rate: number) {
  const row = sweep.find((s) => s.rate === rate)!;
  let rescued = 0, trapped = 0, diverged = 0;
  row.runs.forEach((r, i) => {
    const before = smallest.runs[i];
    if (before.dead > 0 && r.dead === 0) rescued++;
    if (before.dead === 0 && r.dead > 0) trapped++;
    if (before.dead === 0 && r.diverged) diverged++;
  });
  return { rescued, trapped, diverged, healthy: smallest.runs.filter((r) => r.dead === 0).length };
}
const sameSeeds = (a: number, b: number) => {
  const seeds = (rate: number) => sweep.find((s) => s.rate === rate)!.runs.filter((r) => r.dead > 0).map((r) => r.seed).join(',');
  return seeds(a) === seeds(b);
};

/** The toy landscape as it opens but at η = 0.001: where x is after the last step (three decimals, as the widget prints). */
const WIDGET_ONLY_RATE = 0.001;
const toyOpening = toyLandscapeSettings.defaults;
const slowToy = toyDescent(toyOpening.start, WIDGET_ONLY_RATE, toyOpening.steps);

export const localMinima = {
  widgetOnly: {
    rate: String(WIDGET_ONLY_RATE),
    start: String(toyOpening.start),
    steps: String(toyOpening.steps),
    x: fixed(slowToy.path[slowToy.path.length - 1], 3),
    stillMoving: slowToy.outcome === 'still moving',
  },
  n: data.n,
  varY: fixed(varY, 0),
  toy: {
    global: fixed(TOY_GLOBAL_MINIMUM, 2),
    globalLoss: fixed(toyLoss(TOY_GLOBAL_MINIMUM), 2),
    local: fixed(TOY_LOCAL_MINIMUM, 2),
    localLoss: fixed(toyLoss(TOY_LOCAL_MINIMUM), 2),
    hump: fixed(TOY_HUMP, 2),
    humpLoss: fixed(toyLoss(TOY_HUMP), 2),
    runs: Object.fromEntries(
      Object.entries(toyRuns).map(([name, r]) => [
        name,
        {
          start: fixed(r.start, 1),
          rate: String(r.rate),
          outcome: r.outcome,
          settledAfter: String(settledAfter(r.path)),
          firstStep: fixed(r.path[1], 2),
          steps: String(r.path.length - 1),
        },
      ]),
    ) as Record<keyof typeof TOY_RUNS, { start: string; rate: string; outcome: string; settledAfter: string; firstStep: string; steps: string }>,
  },
  saddle: {
    loss: fixed(zeroRun.losses[zeroRun.losses.length - 1], 3),
    epochs: count(zeroRun.epochs),
    nudge: String(NUDGE.B1),
    nudgedLoss: loss3(nudgedRun.losses[nudgedRun.losses.length - 1]),
    nudgedEpochs: count(nudgedRun.epochs),
  },
  gallery: {
    runs: String(gallery.length),
    epochs: count(G.epochs),
    rate: String(G.learningRate),
    firstSeed: String(G.firstSeed),
    lastSeed: String(G.firstSeed + G.runs - 1),
    states: Object.fromEntries(Object.entries(states).map(([k, v]) => [k, { runs: String(v.runs), interval: countFact(v.runs, gallery.length).interval, atRest: String(v.atRest), medianLoss: v.medianLoss, lowest: v.lowest, highest: v.highest, medianR2: v.medianR2 }])) as Record<
      keyof typeof states,
      { runs: string; interval: string; medianLoss: string; lowest: string; highest: string; medianR2: string; atRest: string }
    >,
    good: String(goodTwoHinges.length),
    goodLoss: loss3(median(goodTwoHinges.map((r) => r.finalLoss))),
    goodR2: fixed(r2(median(goodTwoHinges.map((r) => r.finalLoss))), 3),
    poor: String(poorTwoHinges.length),
    poorLowest: loss3(Math.min(...poorTwoHinges.map((r) => r.finalLoss))),
    poorHighest: loss3(Math.max(...poorTwoHinges.map((r) => r.finalLoss))),
    bestLoss: loss3(bestLoss),
    bestSeed: String(goodTwoHinges[0].seed),
    bestNorm: power(goodTwoHinges[0].details!.gradientNorm),
    atRest: String(atRest.length),
    atRestFact: countFact(atRest.length, gallery.length).text,
    moving: String(moving.length),
    restingNormMax: power(Math.max(...restingNorms)),
    smallestNorm: power(Math.min(...restingNorms)),
    movingNormMin: power(Math.min(...moving.map((r) => r.details!.gradientNorm))),
    dead: String(states.hingeDead.runs + states.linearDead.runs + 2 * states.bothDead.runs),
  },
  trap: {
    seed: String(trapRun.seed),
    unit: `h${deadUnit + 1}`,
    unitIndex: deadUnit + 1,
    parameters: deadParams,
    loss: loss3(trapReport.loss),
    r2: fixed(trapReport.rSquared, 2),
    norm: power(trapReport.gradientNorm),
    epochs: count(TRAP_EPOCHS),
    rates: TRAP_RATES.map(String),
    hugeDiverged: trapContinued[trapContinued.length - 1].status === 'diverged',
  },
  surface: {
    x: SURFACE_VIEW.x,
    y: SURFACE_VIEW.y,
    seed: SURFACE_VIEW.initSeed,
    lowest: loss3(surfaceLowest.value),
    lowestX: fixed(at(surface.window.x, surfaceLowest.column), 2),
    lowestY: fixed(at(surface.window.y, surfaceLowest.row), 2),
    endLoss: loss3(surface.run.endLoss),
  },
  plateau: {
    seed: String(PLATEAU_SEED),
    epochs: count(PLATEAU_EPOCHS),
    start: count(plateau.start),
    end: count(plateau.end),
    length: count(plateau.end - plateau.start),
    level: loss3(plateau.level),
    levelR2: fixed(r2(plateau.level), 2),
    droppedAt: count(plateau.droppedAt),
    final: loss3(plateauEnd.loss),
    finalR2: fixed(plateauEnd.rSquared, 3),
    middleNorm: power(plateauMiddleNorm),
  },
  rates: {
    budget: String(SWEEP_BUDGET),
    seeds: String(SWEEP_SEEDS.length),
    rows: sweep.map((s) => ({
      rate: String(s.rate),
      epochs: count(s.epochs),
      diverged: String(s.diverged),
      withDead: String(s.withDead),
      bothDead: String(s.bothDead),
      /** Wilson intervals: diverged out of all runs, the dead-unit counts out of the runs that finished. */
      divergedInterval: countFact(s.diverged, s.runs.length).interval,
      withDeadInterval: s.finished ? countFact(s.withDead, s.finished).interval : '–',
      bothDeadInterval: s.finished ? countFact(s.bothDead, s.finished).interval : '–',
      finished: String(s.finished),
      deadShare: s.finished ? percent(s.deadShare) : '–',
    })),
    small: { rate: String(smallest.rate), withDead: String(smallest.withDead), withDeadFact: countFact(smallest.withDead, smallest.finished).text },
    at03: { ...paired(0.3), trappedFact: countFact(paired(0.3).trapped, paired(0.3).healthy).text, rescuedFact: countFact(paired(0.3).rescued, smallest.withDead).text },
    at1: { ...paired(1), trappedFact: countFact(paired(1).trapped, paired(1).healthy).text },
    sameSeedsAt001And003: sameSeeds(0.01, 0.03),
  },
  /** Unrounded values for the tests of the prose's claims. */
  exact: {
    data,
    varY,
    rate: G.learningRate,
    toyRuns,
    zeros,
    zeroRun,
    nudged,
    nudgedRun,
    gallery,
    states,
    goodTwoHinges,
    poorTwoHinges,
    atRest,
    moving,
    trapRun,
    trapEnd,
    trapGradient,
    deadUnit,
    deadParams,
    trapContinued,
    surface,
    surfaceLowest,
    plateau,
    plateauLosses,
    plateauEnd,
    plateauMiddleNorm,
    sweep,
    paired,
  },
};
