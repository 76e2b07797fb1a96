// Lesson 8's prose makes claims about its computed numbers and derives the limit 2/c; these
// tests keep every claim true against the trainer.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { theLearningRate as f } from '../../../src/facts/the-learning-rate';
import {
  B3,
  wilsonInterval,
  B1,
  curvature,
  forward,
  initParams,
  lossAlong,
  lossAndGradient,
  train,
  unitActivity,
  W1,
  W3,
  W5,
} from '../../../src/trainer';
import { rateComparisonSettings } from '../../../src/experiments/learning-rate/comparison-settings';
import { compareRates, lowestOnSlice, walkAlongSlice } from '../../../src/experiments/learning-rate/runs';
import { LESSON_RATES, LESSON_START } from '../../../src/experiments/learning-rate/settings';
import { sliceStepsSettings } from '../../../src/experiments/learning-rate/slice-settings';
import { rateSweepSettings } from '../../../src/experiments/learning-rate/sweep-settings';

const RATE_COMPARISON_DEFAULTS = rateComparisonSettings.defaults;
const SLICE_STEPS_DEFAULTS = sliceStepsSettings.defaults;
const RATE_SWEEP_DEFAULTS = rateSweepSettings.defaults;

const lesson = readFileSync(new URL('../../../content/lessons/08-the-learning-rate.mdx', import.meta.url), 'utf8');
const { data, varY, start, runs, summaries } = f.exact;
const run = (rate: number) => runs.find((r) => r.rate === rate)!;
const summary = (rate: number) => summaries.find((s) => s.rate === rate)!;
const num = (s: string) => Number(s.replace(/−/g, '-').replace(/,/g, ''));

describe('lesson 8: one start, five rates', () => {
  it('uses the widgets’ defaults: the write-up’s scheme with seed 97, five rates about three times apart, 3,000 epochs', () => {
    expect(LESSON_START).toEqual({ init: 'writeup', initSeed: 97 });
    expect(RATE_COMPARISON_DEFAULTS).toMatchObject({ ...LESSON_START, rates: LESSON_RATES, epochs: 3000 });
    expect(RATE_SWEEP_DEFAULTS.rates).toEqual(LESSON_RATES);
    for (let i = 1; i < LESSON_RATES.length; i++) {
      const ratio = LESSON_RATES[i] / LESSON_RATES[i - 1];
      expect(ratio).toBeGreaterThan(2.9);
      expect(ratio).toBeLessThan(3.4);
    }
    expect(Array.from(start)).toEqual(Array.from(initParams({ preset: 'writeup', seed: 97 })));
  });

  it('starts far above Var(y)', () => {
    expect(run(0.001).losses[0]).toBeGreaterThan(50 * varY);
    expect(f.varY).toBe('1');
  });

  it('is a typical start of the scheme: its λmax lies inside the middle half of the 100 starts', () => {
    expect(f.exact.lambdaMax).toBeGreaterThan(num(f.scheme.lambdaQ1));
    expect(f.exact.lambdaMax).toBeLessThan(num(f.scheme.lambdaQ3));
  });

  it('creeps at η = 0.001: never rising, and the slowest of the three smooth runs', () => {
    for (const rate of [0.001, 0.003, 0.01]) {
      expect(run(rate).status).toBe('ok');
      expect(run(rate).rises).toBe(0);
      const L = run(rate).losses;
      for (let e = 1; e < L.length; e++) expect(L[e]).toBeLessThanOrEqual(L[e - 1] * (1 + 1e-12));
    }
    expect(run(0.001).finalLoss).toBeGreaterThan(run(0.003).finalLoss);
    expect(run(0.003).finalLoss).toBeGreaterThan(run(0.01).finalLoss);
    expect(run(0.01).finalLoss).toBeLessThan(run(0.03).finalLoss);
  });

  it('overshoots at η = 0.03: the first step multiplies the loss more than tenfold, then it falls, with a unit dead at the end', () => {
    const r = run(0.03);
    expect(r.status).toBe('ok');
    expect(r.losses[1] / r.losses[0]).toBeGreaterThan(10);
    expect(num(f.overshoot.jump)).toBeCloseTo(r.losses[1] / r.losses[0], 0);
    for (let e = 2; e < r.losses.length; e++) expect(r.losses[e]).toBeLessThanOrEqual(r.losses[e - 1] * (1 + 1e-3));
    expect(r.units.filter((s) => s === 'dead')).toHaveLength(1);
    expect(1 - r.finalLoss / varY).toBeLessThan(0.05);
    expect(1 - r.finalLoss / varY).toBeGreaterThan(0);
  });

  it('diverges at η = 0.1, every step overshooting further, within a few epochs', () => {
    const r = run(0.1);
    expect(r.status).toBe('diverged');
    for (let e = 1; e < r.losses.length; e++) expect(r.losses[e]).toBeGreaterThan(r.losses[e - 1]);
    expect(r.divergedAt).toBeLessThan(10);
    expect(f.runs['0.1'].divergedAt).toBe(String(r.divergedAt));
  });
});

describe('lesson 8: the limit 2/c', () => {
  const bottom = lowestOnSlice(data, start, B3);

  it('has a parabola along B3: L = L* + (B3 − B3*)², so c = 2 and the limit is 1', () => {
    for (const d of [-3, -0.5, 0.7, 2]) {
      const [L] = lossAlong(start, data, B3, [bottom.value + d]);
      expect(L).toBeCloseTo(bottom.loss + d * d, 8);
    }
    expect(f.exact.along[B3]).toBe(2);
    expect(f.start.alongB3).toBe('2');
  });

  it('multiplies the distance to the bottom by 1 − ηc each step: −0.8 at the slice widget’s η = 0.9', () => {
    expect(SLICE_STEPS_DEFAULTS).toMatchObject({ parameter: 'B3', learningRate: 0.9, ...LESSON_START });
    expect(f.slice.factor).toBe('−0.8');
    const walk = walkAlongSlice(data, start, B3, 0.9, 8);
    for (let k = 1; k < walk.points.length; k++) {
      const before = walk.points[k - 1].value - bottom.value, after = walk.points[k].value - bottom.value;
      expect(after).toBeCloseTo(-0.8 * before, 8);
    }
  });

  it('settles for η just below 2/c and runs away just above, along B3 and along W5', () => {
    for (const index of [B3, W5]) {
      const c = f.exact.along[index];
      const distance = (rate: number, steps: number) => {
        const lowest = lowestOnSlice(data, start, index).value;
        const w = walkAlongSlice(data, start, index, rate, steps);
        return w.points.map((p) => Math.abs(p.value - lowest));
      };
      const below = distance(0.95 * (2 / c), 60);
      expect(below[below.length - 1]).toBeLessThan(below[0]);
      const above = distance(1.1 * (2 / c), 12);
      expect(above[above.length - 1]).toBeGreaterThan(above[0]);
    }
  });

  it('computes the curvature along W5 as (2/N)·Σ h1², the printed formula', () => {
    let sum = 0;
    for (let i = 0; i < data.n; i++) sum += forward(start, data.x1[i], data.x2[i]).h[0] ** 2;
    expect(f.exact.along[W5]).toBeCloseTo((2 / data.n) * sum, 8);
    expect(num(f.start.limitW5)).toBeCloseTo(2 / f.exact.along[W5], 3);
    expect(f.exact.along[W5]).toBeGreaterThan(50);
  });

  it('has λmax at least as large as the curvature along every single parameter', () => {
    for (const c of f.exact.along) expect(f.exact.lambdaMax).toBeGreaterThanOrEqual(c);
    expect(num(f.start.limit)).toBeCloseTo(2 / f.exact.lambdaMax, 4);
  });

  it('puts η = 0.01 just below this start’s limit and 0.03 and 0.1 above it, by the printed factors', () => {
    expect(0.01).toBeLessThan(f.exact.limit);
    expect(0.01 / f.exact.limit).toBeGreaterThan(0.75);
    expect(0.03).toBeGreaterThan(f.exact.limit);
    for (const rate of LESSON_RATES) expect(num(f.runs[String(rate)].ratio)).toBeCloseTo(rate / f.exact.limit, 1);
  });

  it('shows λmax moving during training: barely at η = 0.01, far down at η = 0.03, ending flat enough for the step', () => {
    expect(run(0.01).endLambdaMax / f.exact.lambdaMax).toBeGreaterThan(0.85);
    expect(run(0.03).endLambdaMax).toBeLessThan(f.exact.lambdaMax / 10);
    expect(2 / run(0.03).endLambdaMax).toBeGreaterThan(0.03);
  });

  it('freezes all four parameters of a dead unit: zero gradient and zero curvature along each', () => {
    const end = train({ data, params: start, learningRate: 0.03, epochs: RATE_COMPARISON_DEFAULTS.epochs }).params;
    const states = unitActivity(end, data).states;
    const k = states.indexOf('dead');
    expect(k).toBeGreaterThanOrEqual(0);
    const own = [W1 + k, W3 + k, W5 + k, B1 + k];
    const { grad } = lossAndGradient(end, data);
    for (const i of own) expect(grad[i]).toBe(0);
    const walk = walkAlongSlice(data, end, own[2], 0.03, 1);
    expect(walk.curvature).toBe(0);
  });
});

describe('lesson 8: the write-up’s starts on the edge', () => {
  const lambdas = [...f.exact.startLambdas].sort((a, b) => a - b);

  it('measures 100 starts with a median λmax near 200, a limit near 0.01', () => {
    expect(lambdas).toHaveLength(100);
    expect(num(f.scheme.lambdaMedian)).toBeGreaterThan(180);
    expect(num(f.scheme.lambdaMedian)).toBeLessThan(220);
    expect(num(f.scheme.limitMedian)).toBeCloseTo(0.01, 3);
    expect(num(f.scheme.lambdaQ1)).toBeLessThan(num(f.scheme.lambdaMedian));
    expect(num(f.scheme.limitQ1)).toBeLessThan(num(f.scheme.limitMedian));
    expect(num(f.scheme.limitQ3)).toBeGreaterThan(num(f.scheme.limitMedian));
  });

  it('has about half of the starts above their Gauss–Newton limit at η = 0.01, and most above their exact (Hessian) limit', () => {
    expect(f.exact.belowUsual).toBeGreaterThanOrEqual(40);
    expect(f.exact.belowUsual).toBeLessThanOrEqual(60);
    expect(f.exact.belowUsualHessian).toBeGreaterThan(f.exact.belowUsual);
    expect(f.exact.belowUsualHessian).toBe(f.exact.hessianLimits.filter((l) => l < 0.01).length);
    // the printed interval is Wilson's for that count
    const w = wilsonInterval(f.exact.belowUsualHessian, 100);
    expect([num(f.scheme.belowUsualLow), num(f.scheme.belowUsualHigh)]).toEqual([Math.round(w.low * 100), Math.round(w.high * 100)]);
    expect(num(f.scheme.belowUsualLow)).toBeGreaterThan(50);
  });

  it('finds the Hessian’s λmax at least the Gauss–Newton one at every start, with a negative eigenvalue at each', () => {
    for (const c of f.exact.startComparisons) {
      expect(c.lambdaMaxRatio).toBeGreaterThanOrEqual(1);
      expect(c.hessian.lambdaMin).toBeLessThan(0);
    }
    expect(num(f.scheme.ratioMedian)).toBeGreaterThan(1.1);
    expect(num(f.scheme.withNegative)).toBe(100);
  });

  it('keeps η = 0.01 below the exact limit at the lesson’s start, and the two curvatures agree once the run rests', () => {
    expect(f.exact.startExact.hessian.stableLearningRate).toBeGreaterThan(0.01);
    expect(f.exact.startExact.hessian.lambdaMin).toBeLessThan(0);
    const { hessian, gaussNewton } = f.exact.settled;
    expect(Math.abs(hessian.lambdaMax / gaussNewton.lambdaMax - 1)).toBeLessThan(1e-4);
    expect(Math.abs(f.exact.startExact.lambdaMaxRatio - 1)).toBeGreaterThan(100 * Math.abs(hessian.lambdaMax / gaussNewton.lambdaMax - 1));
  });

  it('finds an output weight the sharpest single parameter in most starts', () => {
    expect(f.exact.steepestIsOutputWeight).toBeGreaterThan(50);
  });

  it('gives He starts a limit many times larger', () => {
    expect(num(f.scheme.heLimitMedian) / num(f.scheme.limitMedian)).toBeGreaterThan(10);
  });

  it('lets none diverge at η = 0.01: every start above its limit was below it within ten steps', () => {
    expect(summary(0.01).diverged).toBe(0);
    expect(f.exact.edge.starts).toBe(f.exact.belowUsualHessian);
    expect(f.exact.edge.after10).toBe(f.exact.edge.starts);
    expect(f.exact.edge.after1).toBeGreaterThan(f.exact.edge.starts / 2);
    expect(f.exact.edge.after1).toBeLessThan(f.exact.edge.after10);
    expect(f.exact.endLambdaMedian(0.01)).toBeLessThan(num(f.scheme.lambdaMedian) / 3);
  });

  it('ends every run that survived at η ≤ 0.03 with λmax below 2/η', () => {
    for (const rate of [0.001, 0.003, 0.01, 0.03]) {
      const survivors = f.exact.sweep[LESSON_RATES.indexOf(rate)].filter((r) => r.status === 'ok').length;
      expect(f.exact.endBelowLimit(rate)).toBe(survivors);
    }
  });
});

describe('lesson 8: high and low rates', () => {
  it('is the sweep runSweep makes, so the widget, the page and the workers agree', () => {
    for (const [r, rate] of [[2, 0.01], [4, 0.1]] as const) {
      for (const i of [0, 41]) {
        const seed = i + 1;
        const alone = train({ data, params: initParams({ preset: 'writeup', seed }), learningRate: rate, epochs: 3000 });
        const swept = f.exact.sweep[r][i];
        expect(swept.seed).toBe(seed);
        expect(swept.status).toBe(alone.status);
        expect(swept.finalLoss).toBe(alone.losses[alone.losses.length - 1]);
        expect(swept.startLambdaMax).toBe(curvature(initParams({ preset: 'writeup', seed }), data).lambdaMax);
      }
    }
  });

  it('diverges only above the three smallest rates, and more often the larger the rate', () => {
    for (const rate of [0.001, 0.003, 0.01]) expect(summary(rate).diverged).toBe(0);
    expect(summary(0.03).diverged).toBeGreaterThan(0);
    expect(summary(0.1).diverged).toBeGreaterThan(summary(0.03).diverged);
    expect(summary(0.03).aboveLimit!).toBeGreaterThan(90);
  });

  it('kills more hidden units the larger the rate, among the runs that survive', () => {
    const share = (rate: number) => summary(rate).deadUnits / summary(rate).units;
    expect(share(0.001)).toBeLessThan(share(0.01));
    expect(share(0.01)).toBeLessThan(share(0.03));
    expect(summary(0.03).percentiles!.median).toBeCloseTo(varY, 2);
  });

  it('spreads the final losses about as widely at small rates as at η = 0.01', () => {
    const width = (rate: number) => summary(rate).percentiles!.q3 - summary(rate).percentiles!.q1;
    for (const rate of [0.001, 0.003]) expect(width(rate)).toBeGreaterThan(0.75 * width(0.01));
    for (const rate of [0.001, 0.003, 0.01]) expect(width(rate)).toBeGreaterThan(0.15 * varY);
  });

  it('ends most starts in the same unit states at the small rates: the start decides', () => {
    expect(f.exact.sameEnd(0.001, 0.003)).toBeGreaterThan(85);
    expect(f.exact.sameEnd(0.001, 0.01)).toBeGreaterThan(60);
    expect(f.exact.sameEnd(0.001, 0.003)).toBeGreaterThan(f.exact.sameEnd(0.001, 0.01));
  });

  it('matches the comparison widget: the runs are compareRates of the lesson’s start', () => {
    const again = compareRates(data, start, [0.03], RATE_COMPARISON_DEFAULTS.epochs)[0];
    expect(again.finalLoss).toBe(run(0.03).finalLoss);
  });
});

describe('lesson 8 exercises', () => {
  it('asks for 2/λmax and 2/c along W5, answered from the printed values the trainer gives', () => {
    expect(lesson).toContain('answer={2 / printedValue(f.start.lambdaMax)}');
    expect(lesson).toContain('answer={2 / printedValue(f.start.alongW5)}');
    expect(Math.abs(2 / Number(f.start.lambdaMax) - f.exact.limit)).toBeLessThan(5e-5);
    expect(W5).toBe(4);
    expect(2 / f.exact.along[W5]).toBeGreaterThan(f.exact.limit);
  });
});

describe('lesson 8 prose', () => {

  it('names every rate of the comparison and the sweep through the facts', () => {
    for (const rate of LESSON_RATES) expect(lesson).toContain(`f.runs['${rate}']`);
  });
});
