import { describe, expect, it } from 'vitest';
import { reduceOnPlateau, train, initParams, makeDataset, type SweepRun } from '../../../src/trainer';
import {
  describeSchedule,
  parseFactor,
  parsePlateauConfig,
  plateauOptions,
  plateauSpec,
  PLATEAU_DEFAULTS,
  PLATEAU_KEYS,
  serializePlateauConfig,
} from '../../../src/widgets/plateau/config';
import { advancePair, median, pairDone, pairRuns, pairView, startPair, summarise, trainPair, verdict, type PairedOutcome } from '../../../src/widgets/plateau/run';
import { cutList, lossRange, pairedNumbers, pairedScene, pairedTableRows, pairLossScene, pairNumbers, pairTableRows, rateScene, rateSteps, rateTick, type PairView } from '../../../src/widgets/plateau/scene';
import { toSvgString } from '../../../src/widgets/kit/svg';

const short = { ...PLATEAU_DEFAULTS, epochs: 600, patience: 20 };

describe('parsePlateauConfig', () => {
  it('gives the defaults for an empty source and reads every setting back from its serialised form', () => {
    expect(parsePlateauConfig({})).toEqual({ config: PLATEAU_DEFAULTS, notices: [] });
    const config = { ...PLATEAU_DEFAULTS, init: 'writeup' as const, initSeed: 62, learningRate: 0.03, factor: 0.25, patience: 7, threshold: 0.001, thresholdMode: 'abs' as const, cooldown: 3, minLr: 0.0001, flavour: 'keras' as const, seeds: 12 };
    expect(parsePlateauConfig(serializePlateauConfig(config))).toEqual({ config, notices: [] });
    expect([...serializePlateauConfig(config).keys()]).toEqual([...PLATEAU_KEYS]);
  });

  it('accepts the libraries\' spellings of the flavour and the mode', () => {
    const { config } = parsePlateauConfig({ flavour: 'torch', thresholdMode: 'absolute' });
    expect(config.flavour).toBe('pytorch');
    expect(config.thresholdMode).toBe('abs');
    expect(parsePlateauConfig({ flavour: 'tf.keras', thresholdMode: 'abs' }).config.flavour).toBe('keras');
  });

  it('explains a factor outside (0, 1) — 0, 1, 1.5, −1, text, 1e308, empty — and keeps the default', () => {
    for (const text of ['0', '1', '1.5', '-1', 'abc', '1e308', '', 'NaN', 'Infinity', '1e309']) {
      const { config, notices } = parsePlateauConfig({ factor: text });
      expect(config.factor, text).toBe(PLATEAU_DEFAULTS.factor);
      expect(notices, text).toHaveLength(1);
      expect(notices[0], text).toMatch(/factor/i);
      expect(notices[0], text).not.toMatch(/NaN|undefined|e\+308|1\.79/);
    }
    expect(parseFactor('0').ok).toBe(false);
    expect((parseFactor('0') as { message: string }).message).toMatch(/above 0.*stop training/);
    expect((parseFactor('1.5') as { message: string }).message).toMatch(/below 1.*would not reduce/);
    expect(parseFactor('0.5')).toEqual({ ok: true, value: 0.5 });
  });

  it('refuses garbled numbers with the field\'s own message and ignores unknown settings', () => {
    const { config, notices } = parsePlateauConfig({ patience: '2.5', cooldown: '-1', minLr: 'lots', seeds: '1000', colour: 'red', epochs: '1e308' });
    expect(config).toEqual(PLATEAU_DEFAULTS);
    expect(notices.join(' ')).toMatch(/Patience must be a whole number/);
    expect(notices.join(' ')).toMatch(/Cooldown must be at least 0/);
    expect(notices.join(' ')).toMatch(/unknown setting “colour”/);
    expect(notices).toHaveLength(6);
  });

  it('uses Keras\'s own absolute test when Keras is chosen without a mode', () => {
    expect(parsePlateauConfig({ flavour: 'keras' })).toEqual({ config: { ...PLATEAU_DEFAULTS, flavour: 'keras', thresholdMode: 'abs' }, notices: [] });
  });

  it('falls back to Keras\'s own absolute test when Keras is asked for a relative one', () => {
    const { config, notices } = parsePlateauConfig({ flavour: 'keras', thresholdMode: 'rel' });
    expect(config.thresholdMode).toBe('abs');
    expect(notices[0]).toMatch(/Keras compares losses only absolutely/);
  });

  it('refuses a relative threshold of 1 or more: no loss could count as better', () => {
    const { config, notices } = parsePlateauConfig({ threshold: '2' });
    expect(config.threshold).toBe(PLATEAU_DEFAULTS.threshold);
    expect(notices[0]).toMatch(/relative threshold of 1 or more/);
    expect(parsePlateauConfig({ threshold: '2', thresholdMode: 'abs' }).notices).toEqual([]);
  });

  it('hands the trainer options with the libraries\' names, and a plain-data schedule for workers', () => {
    expect(plateauOptions(PLATEAU_DEFAULTS)).toEqual({ factor: 0.5, patience: 200, threshold: 1e-4, thresholdMode: 'rel', cooldown: 0, minLr: 0, flavour: 'pytorch' });
    expect(plateauSpec(PLATEAU_DEFAULTS)).toEqual({ kind: 'plateau', ...plateauOptions(PLATEAU_DEFAULTS) });
    expect(structuredClone(plateauSpec(PLATEAU_DEFAULTS))).toEqual(plateauSpec(PLATEAU_DEFAULTS));
    expect(describeSchedule({ ...PLATEAU_DEFAULTS, flavour: 'keras', thresholdMode: 'abs' })).toMatch(/min_delta 0.0001.*Keras/);
  });
});

describe('the pair of runs', () => {
  it('trains both from the same start, the fixed one exactly as train() would, the other with the schedule', () => {
    const pair = trainPair(short);
    const data = makeDataset();
    const params = initParams({ preset: short.init, seed: short.initSeed });
    const fixed = train({ data, params, learningRate: short.learningRate, epochs: short.epochs });
    const plateau = train({ data, params, learningRate: short.learningRate, epochs: short.epochs, schedule: reduceOnPlateau(plateauOptions(short)) });
    expect(Array.from(pair.fixed.losses)).toEqual(Array.from(fixed.losses));
    expect(Array.from(pair.plateau.losses)).toEqual(Array.from(plateau.losses));
    expect(pair.plateau.cuts).toEqual(plateau.cuts);
    expect(pair.plateau.cuts.length).toBeGreaterThan(0);
  });

  it('advances in slices to exactly the same state as in one go, and stops at the planned length', () => {
    const pair = startPair(short);
    while (!pairDone(pair)) advancePair(pair, 37);
    expect(pair.fixed.epoch).toBe(short.epochs);
    expect(Array.from(pair.plateau.losses)).toEqual(Array.from(trainPair(short).plateau.losses));
    advancePair(pair, 100);
    expect(pair.plateau.epoch).toBe(short.epochs);
  });

  it('stops a diverged run early and still counts the pair as done', () => {
    const pair = trainPair({ ...short, init: 'writeup', initSeed: 12, learningRate: 0.03 });
    expect(pair.fixed.status).toBe('diverged');
    expect(pairDone(pair)).toBe(true);
    const view = pairView(pair);
    expect(view.fixed.divergedAt).toBeGreaterThan(0);
    expect(pairNumbers(view)['fixed.status']).toMatch(/diverged at epoch/);
    const svg = toSvgString(pairLossScene(view));
    expect(svg).toMatch(/diverged at epoch/);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe('the paired comparison', () => {
  const run = (seed: number, status: 'ok' | 'diverged', finalLoss: number, cuts: number[] = []): SweepRun => ({ seed, status, finalLoss, rSquared: 1 - finalLoss, epochs: 10, units: ['hinge', 'hinge'], cuts, finalRate: 0.1 });

  it('judges each seed: better or worse beyond a hundredth of Var(y), the same within it, divergences apart', () => {
    const o = (f: number, p: number, fd = false, pd = false): PairedOutcome => ({ seed: 1, fixed: { diverged: fd, loss: f }, plateau: { diverged: pd, loss: p, cuts: 0, finalRate: 0.1 } });
    expect(verdict(o(0.1, 0.05), 1)).toBe('better');
    expect(verdict(o(0.05, 0.1), 1)).toBe('worse');
    expect(verdict(o(0.05, 0.055), 1)).toBe('same');
    // The margin scales with the baseline: on data with Var(y) = 0.1 the same gap is a real difference.
    expect(verdict(o(0.05, 0.055), 0.1)).toBe('worse');
    expect(verdict(o(1, 1, true, true), 1)).toBe('both diverged');
    expect(verdict(o(1, 0.5, true, false), 1)).toBe('only fixed diverged');
    expect(verdict(o(0.5, 1, false, true), 1)).toBe('only schedule diverged');
  });

  it('pairs the two halves of a sweep seed by seed, leaving out seeds that have not finished both ways', () => {
    const fixed = [run(1, 'ok', 0.2), run(2, 'diverged', 9), undefined, run(4, 'ok', 0.5)];
    const plateau = [run(1, 'ok', 0.1, [300]), run(2, 'diverged', 9), run(3, 'ok', 0.3), undefined];
    const pairs = pairRuns(fixed, plateau);
    expect(pairs.map((p) => p.seed)).toEqual([1, 2]);
    expect(pairs[0].plateau.cuts).toBe(1);
    const s = summarise(pairs, 1);
    expect(s.counts).toMatchObject({ better: 1, 'both diverged': 1 });
    expect(s.medianFixed).toBe(0.2);
    expect(s.compared).toBe(1);
  });

  it('takes medians of odd and even counts, and of none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(pairedNumbers(summarise([], 1))['sweep.medianFixed']).toBe('none yet');
  });

  it('draws one point per seed, divergences in the strips, and the seed shown above ringed', () => {
    const outcomes: PairedOutcome[] = [
      { seed: 1, fixed: { diverged: false, loss: 0.1 }, plateau: { diverged: false, loss: 0.05, cuts: 3, finalRate: 0.01 } },
      { seed: 2, fixed: { diverged: false, loss: 0.05 }, plateau: { diverged: false, loss: 0.2, cuts: 3, finalRate: 0.01 } },
      { seed: 3, fixed: { diverged: false, loss: 0.7 }, plateau: { diverged: false, loss: 0.7, cuts: 3, finalRate: 0.01 } },
      { seed: 4, fixed: { diverged: true, loss: 5 }, plateau: { diverged: true, loss: 5, cuts: 0, finalRate: 0.1 } },
      { seed: 5, fixed: { diverged: true, loss: 5 }, plateau: { diverged: false, loss: 0.3, cuts: 0, finalRate: 0.1 } },
    ];
    const svg = toSvgString(pairedScene({ outcomes, varY: 1, seeds: 8, highlight: 2, settings: 'test' }));
    for (const v of ['better', 'worse', 'same']) expect(svg).toContain(`data-verdict="${v}"`);
    expect(svg).toContain('both diverged: 1');
    expect(svg).toContain('seed 2');
    expect(svg).toContain('5 of 8 seeds');
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    expect(pairedTableRows(outcomes, 1).map((r) => r[4])).toEqual(['schedule better', 'schedule worse', 'the same', 'both diverged', 'only the fixed run diverged']);
  });

  it('draws an empty comparison (nothing finished yet) without a broken number', () => {
    const svg = toSvgString(pairedScene({ outcomes: [], varY: 1, seeds: 30, settings: 'test' }));
    expect(svg).toContain('0 of 30 seeds');
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe('the figures of the pair', () => {
  const view: PairView = pairView(trainPair(short));

  it('marks every cut on the schedule\'s curve and steps its rate down at each', () => {
    const svg = toSvgString(pairLossScene(view));
    const cuts = view.plateau.cuts.length;
    expect(cuts).toBeGreaterThan(0);
    const marks = /class="pl-cuts" d="([^"]*)"/.exec(svg)![1];
    expect(marks.match(/M/g)).toHaveLength(cuts);
    const steps = rateSteps(view.plateau, short.learningRate, view.plateau.losses.length);
    expect(steps).toHaveLength(cuts + 1);
    steps.slice(1).forEach(([, r], k) => expect(r).toBeCloseTo(short.learningRate * short.factor ** (k + 1), 12));
    expect(toSvgString(rateScene(view))).toContain('η now');
  });

  it('changes the cuts and the curves when the patience or the factor changes', () => {
    const other = pairView(trainPair({ ...short, patience: 5, factor: 0.2 }));
    expect(other.plateau.cuts).not.toEqual(view.plateau.cuts);
    expect(toSvgString(pairLossScene(other))).not.toBe(toSvgString(pairLossScene(view)));
    expect(Array.from(other.fixed.losses)).toEqual(Array.from(view.fixed.losses));
  });

  it('keeps a huge start off the axis and says how high it began', () => {
    const dead = pairView(trainPair({ ...short, init: 'writeup', initSeed: 62, learningRate: 0.03 }));
    const { hi, from } = lossRange(dead);
    expect(dead.fixed.losses[0]).toBeGreaterThan(hi);
    expect(from).toBe(10);
    expect(toSvgString(pairLossScene(dead))).toMatch(/starts off the top: L = 589/);
    // A start only a few times higher than the rest is simply drawn.
    expect(lossRange(view).from).toBe(0);
    expect(lossRange(view).hi).toBeGreaterThan(view.fixed.losses[0]);
  });

  it('prints each run\'s loss, R² and rate, and a table of both', () => {
    const n = pairNumbers(view);
    expect(Object.keys(n)).toEqual(expect.arrayContaining(['fixed.loss', 'fixed.r2', 'plateau.rate', 'plateau.cuts', 'cutList']));
    expect(n['plateau.cuts']).toBe(String(view.plateau.cuts.length));
    expect(pairTableRows(view)[0][0]).toBe('0');
    expect(cutList({ cuts: [] })).toMatch(/not cut/);
    expect(cutList({ cuts: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })).toMatch(/\(10 in all\)/);
    expect(rateTick(0.01)).toBe('0.01');
    expect(rateTick(1e-6)).toBe('10⁻⁶');
  });
});

describe('loss tick labels', () => {
  it('labels every tick of a narrow axis and only 1, 2, 5 × 10ⁿ of a wide one', async () => {
    const { lossTickFormat } = await import('../../../src/widgets/plateau/scene');
    expect([0.7, 0.8, 0.9, 1].map(lossTickFormat(0.65, 1.15))).toEqual(['0.7', '0.8', '0.9', '1']);
    expect([0.03, 0.05, 0.1, 0.2, 0.3, 1].map(lossTickFormat(0.02, 2))).toEqual(['', '0.05', '0.1', '0.2', '', '1']);
    const { logTickFormat, rateTick } = await import('../../../src/widgets/plateau/scene');
    expect([1e-8, 2e-8, 1e-6, 0.01].map(logTickFormat(1e-8, 0.1, { all: 0.5, oneTwoFive: 1.5 }, rateTick))).toEqual(['10⁻⁸', '', '10⁻⁶', '0.01']);
    expect(lossTickFormat(1, 1e130)(1e120)).toBe('10¹²⁰');
  });
});
