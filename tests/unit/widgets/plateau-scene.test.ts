import { describe, expect, it } from 'vitest';
import { plateauComparisonSettings } from '../../../src/experiments/plateau/comparison-settings';
import { pairView, trainPair, type PairView } from '../../../src/experiments/plateau/pair';
import { summarise, type PairedOutcome } from '../../../src/experiments/plateau/paired';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { countLabelPlace, mergePoints, pairedNumbers, pairedScene, pairedTableRows, type LabelBox } from '../../../src/widgets/plateau/paired-scene';
import { cutList, lossRange, pairLossScene, pairNumbers, pairTableRows, rateScene, rateSteps, statusText } from '../../../src/widgets/plateau/pair-scene';
import { logTickFormat, lossTickFormat, rateTick } from '../../../src/widgets/plateau/ticks';

const defaults = plateauComparisonSettings.defaults;
const short = { ...defaults, epochs: 600, patience: 20 };

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
  it('labels every tick of a narrow axis and only 1, 2, 5 × 10ⁿ of a wide one', () => {
    expect([0.7, 0.8, 0.9, 1].map(lossTickFormat(0.65, 1.15))).toEqual(['0.7', '0.8', '0.9', '1']);
    expect([0.03, 0.05, 0.1, 0.2, 0.3, 1].map(lossTickFormat(0.02, 2))).toEqual(['', '0.05', '0.1', '0.2', '', '1']);
    expect([1e-8, 2e-8, 1e-6, 0.01].map(logTickFormat(1e-8, 0.1, { all: 0.5, oneTwoFive: 1.5 }, rateTick))).toEqual(['10⁻⁸', '', '10⁻⁶', '0.01']);
    expect(lossTickFormat(1, 1e130)(1e120)).toBe('10¹²⁰');
  });
});

describe('the paired comparison’s figure', () => {
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
    expect(svg).toContain('both: 1');
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

  it('merges seeds that ended at the same place into one point with their count (30 seeds never look like six)', () => {
    const outcomes = pairedOutcomesAt([[0.0345, 0.0345, 10], [0.075, 0.0528, 8], [0.11, 0.051, 8], [0.6, 0.6, 4]]);
    const svg = toSvgString(pairedScene({ outcomes, varY: 1, seeds: 30, settings: 'test' }));
    const counts = [...svg.matchAll(/data-count="(\d+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
    expect(counts).toEqual([4, 8, 8, 10]);
    expect(svg).toContain('×10');
    expect(mergePoints([{ x: 0, y: 0 }, { x: 3, y: 0 }, { x: 20, y: 0 }], 5)).toEqual([{ x: 1.5, y: 0, count: 2 }, { x: 20, y: 0, count: 1 }]);
    expect(pairedNumbers(summarise(outcomes, 1))['sweep.same']).toBe('14');
  });

  it('places the counts of merged points close together apart from each other', () => {
    const placed: LabelBox[] = [];
    // two merged points 12 units apart, as on lesson 10 ("×3" over "×9")
    countLabelPlace({ x: 100, y: 100 }, 4.5, '×3', placed);
    countLabelPlace({ x: 108, y: 92 }, 4.5, '×9', placed);
    countLabelPlace({ x: 104, y: 96 }, 4.5, '×12', placed);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const [a, b] = [placed[i], placed[j]];
        expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom, `${i} and ${j}`).toBe(false);
      }
    }
  });

  it('counts nothing yet as none', () => {
    expect(pairedNumbers(summarise([], 1))['sweep.medianFixed']).toBe('none yet');
  });
});

describe('a run’s status in words', () => {
  it('says the dead-unit plateau’s schedule run is frozen at its tiny rate, not training normally', () => {
    const dead = pairView(trainPair({ ...defaults, init: 'writeup', initSeed: 62, learningRate: 0.03 }));
    const words = pairNumbers(dead)['plateau.status'];
    expect(words).toMatch(/frozen/);
    expect(words).toMatch(/10⁻⁸/);
    expect(words).not.toMatch(/normally/);
    expect(statusText(dead.fixed, dead.varY, 0.03)).toMatch(/improving/);
  });

  it('names a divergence with its epoch', () => {
    const view = pairView(trainPair({ ...short, init: 'writeup', initSeed: 12, learningRate: 0.03 }));
    expect(pairNumbers(view)['fixed.status']).toMatch(/diverged at epoch/);
    const svg = toSvgString(pairLossScene(view));
    expect(svg).toMatch(/diverged at epoch/);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });
});

/** [fixed loss, schedule loss, how many seeds] → outcomes, seeds numbered from 1. */
function pairedOutcomesAt(groups: [number, number, number][]): PairedOutcome[] {
  let seed = 0;
  return groups.flatMap(([f, p, n]) => Array.from({ length: n }, () => ({ seed: ++seed, fixed: { diverged: false, loss: f }, plateau: { diverged: false, loss: p, cuts: 2, finalRate: 0.01 } })));
}
