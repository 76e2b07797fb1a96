// Lesson 14's prose makes claims about the numbers it prints; these tests keep them true.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  BATCH_CONFIG, CURVATURE_SEEDS,
  DIVERGENCE_EPOCHS, rangesAndDataSize as f, RACE_EPOCHS, RACE_RATE, RACE_SEEDS, SCALED_CONFIG, SIZE_CONFIG, SUM_RATES, UNSCALED_CONFIG,
} from '../../../src/facts/ranges-and-data-size';
import { setupComparisonSettings } from '../../../src/experiments/setup-comparison/settings';

const lesson = readFileSync(new URL('../../../content/lessons/14-ranges-and-data-size.mdx', import.meta.url), 'utf8');
const x = f.exact;

describe('lesson 14: wider ranges, unscaled', () => {
  it('shrinks the largest stable rate about a hundredfold (10²) for both kinds of start', () => {
    for (const kind of ['writeup', 'he'] as const) {
      const ratio = x.stable[kind].original / x.stable[kind].wide;
      expect(ratio).toBeGreaterThan(80);
      expect(ratio).toBeLessThan(125);
    }
    expect(x.stable.he.original).toBeGreaterThan(x.stable.writeup.original);
  });

  it('diverges at the reproduction’s rate as the prose says', () => {
    expect(CURVATURE_SEEDS).toBeGreaterThanOrEqual(100);
    expect(x.diverged.writeup).toEqual({ original: CURVATURE_SEEDS, wide: CURVATURE_SEEDS });
    expect(x.diverged.he.wide).toBe(CURVATURE_SEEDS);
    expect(x.diverged.he.original).toBeLessThan(CURVATURE_SEEDS / 20);
    expect(DIVERGENCE_EPOCHS).toBe(500);
  });

  it('shows in the widget: B diverges early with its 2/λmax below η, A survives and crawls', () => {
    expect(x.unscaledB.status).toBe('diverged');
    expect(x.unscaledB.divergedAt).toBeLessThan(20);
    expect(x.unscaledB.stableRate).toBeLessThan(UNSCALED_CONFIG.learningRate);
    expect(x.unscaledA.status).toBe('ok');
    const r2 = 1 - x.unscaledA.losses[x.unscaledA.epochs] / x.unscaledA.varY;
    expect(r2).toBeGreaterThan(0);
    expect(r2).toBeLessThan(0.2);
    expect(x.share.original.rawVarY).toBeLessThan(x.share.wide.rawVarY / 1000);
  });

  it('lets B survive and learn well at a lower rate, where A is still worse than the mean', () => {
    const { rate, a, b } = x.lowered;
    expect(rate).toBeLessThan(x.unscaledB.stableRate);
    expect(b.status).toBe('ok');
    expect(1 - b.losses[b.epochs] / b.varY).toBeGreaterThan(0.5);
    expect(1 - a.losses[a.epochs] / a.varY).toBeLessThan(0);
  });
});

describe('lesson 14: wider ranges, scaled', () => {
  it('leaves the standardised inputs equal to rounding, and the curvature equal', () => {
    expect(x.inputDifference).toBeLessThan(1e-14);
    expect(Math.abs(x.stable.zscoreWriteup.original - x.stable.zscoreWriteup.wide)).toBeLessThan(1e-9);
  });

  it('turns the target into a near-pure parabola that no plane can follow', () => {
    expect(x.share.wide.x1Squared).toBeGreaterThan(0.99);
    expect(x.share.wide.x2).toBeLessThan(0.01);
    expect(x.share.original.x1Squared).toBeLessThan(0.7);
    expect(x.share.wide.planeR2).toBeLessThan(0.01);
    expect(x.share.original.planeR2).toBeGreaterThan(0.3);
  });

  it('gets the plane’s share almost at once on the original target but not on the wide one', () => {
    expect(1 - x.scaledA.losses[50]).toBeGreaterThan(x.share.original.planeR2);
    expect(1 - x.scaledB.losses[50]).toBeLessThan(x.share.original.planeR2);
  });

  it('needs more epochs on the wide ranges more often than not, though more wide runs get there', () => {
    expect(x.race.original.length + x.race.wide.length).toBeGreaterThan(RACE_SEEDS);
    expect(x.race.wide.length).toBeGreaterThan(x.race.original.length);
    expect(Number(f.race.wideMedian.replace(',', ''))).toBeGreaterThan(Number(f.race.originalMedian.replace(',', '')));
    expect(x.race.wideSlower).toBeGreaterThan(2 * x.race.wideFaster);
    expect(RACE_EPOCHS).toBe(3000);
    expect(RACE_RATE).toBe(0.05);
  });

  it('uses a typical start in the widget: both reach R² ≥ 0.9, the wide one later, each near its median', () => {
    const [a, b] = [x.scaledA.reachedAt, x.scaledB.reachedAt];
    expect(b).toBeGreaterThan(a);
    expect(Math.abs(a - Number(f.race.originalMedian)) / a).toBeLessThan(0.2);
    expect(Math.abs(b - Number(f.race.wideMedian)) / b).toBeLessThan(0.2);
  });
});

describe('lesson 14: 300 against 3,000 samples', () => {
  it('follows nearly the same curve with a mean loss and full batches', () => {
    expect(x.largestGap).toBeLessThan(0.1);
    expect(SIZE_CONFIG.nA).toBe(300);
    expect(SIZE_CONFIG.nB).toBe(3000);
  });

  it('oscillates or diverges with a summed loss on 3,000 samples, not on 300', () => {
    for (const row of x.sum) {
      expect(row.large.rose + row.large.blewUp).toBeGreaterThan(5 * Math.max(1, row.small.rose + row.small.blewUp));
      expect(row.small.blewUp).toBe(0);
    }
    expect(x.sum[1].large.blewUp).toBeGreaterThan(0);
    expect(SUM_RATES[0] * 3000).toBeGreaterThanOrEqual(x.heStable * 0.9);
    expect(SUM_RATES[0] * 300).toBeLessThan(x.heStable / 5);
  });

  it('takes ten times more mini-batch steps per epoch on the larger set: faster per epoch, alike per update, noisier', () => {
    expect(x.batchA.updatesPerEpoch).toBe(30);
    expect(x.batchB.updatesPerEpoch).toBe(300);
    expect(x.batchB.losses[1]).toBeLessThan(x.batchA.losses[1] / 2);
    expect(x.batchA.losses[1]).toBeLessThan(x.fullSmall.losses[1]);
    const [small, large] = [x.batchA.losses[10], x.batchB.losses[1]];
    expect(Math.abs(small - large)).toBeLessThan(0.1);
    expect(x.rises.batch).toBeGreaterThan(10);
    expect(x.rises.full).toBe(0);
    expect(BATCH_CONFIG.epochs).toBe(100);
  });
});

describe('lesson 14: widgets, prose and exercises', () => {
  it('gives the widgets exactly the configurations measured here', () => {
    for (const flat of Object.values(f.widgets)) expect(setupComparisonSettings.parse(flat).notices).toEqual([]);
    expect(setupComparisonSettings.parse(f.widgets.scaled).config).toEqual(SCALED_CONFIG);
    for (const key of Object.keys(f.widgets)) expect(lesson).toContain(`{...f.widgets.${key}}`);
  });

  it('backs the exercises', () => {
    expect(Math.abs(100 - x.stable.writeup.original / x.stable.writeup.wide)).toBeLessThanOrEqual(15);
    expect(Math.abs(100 - x.stable.he.original / x.stable.he.wide)).toBeLessThanOrEqual(15);
  });
});
