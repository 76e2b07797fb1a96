// Lesson 20's claims, each checked: the code it shows is the trainer's own, the race is as the
// prose tells it, and every verdict over 100 starts holds in the cached runs (which
// tests/unit/facts/cache.test.ts re-trains a sample of).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { optimiserFacts as f, EXERCISE_MOMENTUM, RACE_DEFAULTS } from '../../../src/facts/optimisers';

const lesson = readFileSync(new URL('../../../content/lessons/20-optimisers.mdx', import.meta.url), 'utf8');
const source = readFileSync(new URL('../../../src/trainer/optimizers.ts', import.meta.url), 'utf8');
const { exact } = f;

describe('lesson 20: the code beside the formulas', () => {
  it('shows only lines that are, word for word, in the trainer’s optimizers.ts', () => {
    const blocks = [...lesson.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const lines = source.split('\n').map((l) => l.trim());
    for (const block of blocks) for (const line of block.split('\n').filter((l) => l.trim())) expect(lines, line).toContain(line.trim());
  });
});

describe('lesson 20: mini-batch noise and the race', () => {
  it('has a full gradient of zero up to rounding at the trained network, and batches that miss it by far more', () => {
    expect(Math.sqrt(exact.noise.fullGradientSquared)).toBeLessThan(1e-10);
    expect(Math.sqrt(exact.noise.batchVariance)).toBeGreaterThan(0.1);
  });

  it('races momentum ahead of descent at the same rate, to the bottom of the slice', () => {
    const r = exact.race;
    expect(RACE_DEFAULTS.rateA).toBe(RACE_DEFAULTS.rateB);
    expect(r.earlyB).toBeLessThan(r.earlyA / 2);
    expect(r.endB).toBeLessThan(r.endA);
    expect(r.endB - r.sliceMin).toBeLessThan(1e-3);
    expect(r.endA - r.sliceMin).toBeGreaterThan(0.05);
  });

  it('gives momentum’s limit as 1 + β times descent’s, and the exercise’s answer as 2(1 + β)/λ', () => {
    expect(exact.curvature.momentumLimit / exact.curvature.gradientDescentLimit).toBeCloseTo(1 + RACE_DEFAULTS.beta, 12);
    expect(EXERCISE_MOMENTUM.limit).toBeCloseTo((2 * (1 + EXERCISE_MOMENTUM.beta)) / EXERCISE_MOMENTUM.lambdaMax, 12);
  });
});

describe('lesson 20: over 100 starts', () => {
  it('mini-batches: the fixed rate wanders most, both schedules end lowest, Adam wanders about as little as the small rate', () => {
    const m = exact.mini;
    const others = ['small', 'plateau', 'stepDecay', 'adam'];
    for (const k of others) expect(m.fixed.medianJitter).toBeGreaterThan(10 * m[k].medianJitter);
    for (const k of ['fixed', 'small', 'adam']) {
      expect(m.plateau.medianLoss).toBeLessThan(m[k].medianLoss);
      expect(m.stepDecay.medianLoss).toBeLessThan(m[k].medianLoss);
    }
    expect(m.adam.medianJitter / m.small.medianJitter).toBeGreaterThan(0.5);
    expect(m.adam.medianJitter / m.small.medianJitter).toBeLessThan(2);
  });

  it('the write-up’s starts: units die while training; momentum loses more, Adam at 0.001 fewest but fits worst', () => {
    const w = exact.writeup;
    expect(exact.deadAtStart).toBeLessThanOrEqual(5);
    expect(w.momentum.deadCount).toBeGreaterThan(w.gd.deadCount);
    expect(w.nesterov.deadCount).toBeGreaterThan(w.gd.deadCount);
    const all = Object.values(w);
    expect(Math.min(...all.map((r) => r.deadCount))).toBe(w.adam.deadCount);
    expect(Math.max(...all.map((r) => r.medianLoss))).toBe(w.adam.medianLoss);
    const lowest = [...all].sort((a, b) => a.medianLoss - b.medianLoss).slice(0, 2).map((r) => r.key);
    expect(lowest.sort()).toEqual(['adam01', 'rmsprop']);
    for (const k of ['rmsprop', 'adam01']) {
      expect(w[k].deadCount).toBeGreaterThanOrEqual(25);
      expect(w[k].deadCount).toBeLessThanOrEqual(42);
    }
  });

  it('sixteen units: RMSProp and Adam at 0.01 reach the floor in most runs, Adam at 0.01 soonest; the others rarely', () => {
    const w = exact.wide;
    expect(w.rmsprop.reachedCount).toBeGreaterThanOrEqual(85);
    expect(w.adam01.reachedCount).toBeGreaterThanOrEqual(85);
    expect(Math.min(...Object.values(w).map((r) => r.medianEpochs))).toBe(w.adam01.medianEpochs);
    for (const k of ['gd', 'momentum', 'nesterov']) expect(w[k].reachedCount).toBeLessThanOrEqual(25);
    expect(w.gd.medianOverFloor).toBeGreaterThan(1.1);
    expect(w.gd.medianOverFloor).toBeLessThan(1.3);
    expect(Math.abs(w.momentum.medianOverFloor / w.gd.medianOverFloor - 1)).toBeLessThan(0.05);
    for (const k of ['rmsprop', 'adam01']) expect(w[k].medianOverFloor).toBeLessThan(1);
  });
});
