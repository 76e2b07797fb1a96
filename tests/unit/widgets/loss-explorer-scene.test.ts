import { describe, expect, it } from 'vitest';
import { B1, B2, B3, W1, W5, W6, baselines, lossAlong, makeDataset, meanSquaredError } from '../../../src/trainer';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { findNodes } from '../../helpers/svg';
import { presetParameters } from '../../../src/experiments/loss-explorer/presets';
import { outputMinimum, residualsOf, SLICE_POINTS, sliceOf, sliceRange } from '../../../src/experiments/loss-explorer/slice';
import { lossExplorerScene, SAMPLE_COLUMNS, SLICE_TABLE_ROWS, sliceDomain } from '../../../src/widgets/loss-explorer/scene';

const data = makeDataset();
const base = baselines(data);
const he = presetParameters('he', data);

const find = findNodes;

describe('residualsOf', () => {
  it('matches the trainer’s loss and counts the samples each unit is on', () => {
    const r = residualsOf(he, data);
    expect(r.loss).toBeCloseTo(meanSquaredError(he, data), 12);
    expect(r.activeCounts.every((c) => c > 0 && c < data.n)).toBe(true);
    expect(residualsOf(presetParameters('zeros', data), data).activeCounts).toEqual([0, 0]);
  });
});

describe('outputMinimum', () => {
  it('finds the bottom of the B3, W5 and W6 parabolas exactly', () => {
    const r = residualsOf(he, data);
    for (const index of [B3, W5, W6]) {
      const best = outputMinimum(he, r, index)!;
      const [left, mid, right] = lossAlong(he, data, index, [best.value - 1e-4, best.value, best.value + 1e-4]);
      expect(mid).toBeCloseTo(best.loss, 10);
      expect(mid).toBeLessThan(left);
      expect(mid).toBeLessThan(right);
    }
    expect(outputMinimum(he, r, B3)!.value).toBeCloseTo(he[B3] - r.meanResidual, 12);
  });

  it('has no minimum for a hidden parameter, or for W5 when h1 is off everywhere', () => {
    const zeros = presetParameters('zeros', data);
    expect(outputMinimum(he, residualsOf(he, data), W1)).toBeNull();
    expect(outputMinimum(zeros, residualsOf(zeros, data), W5)).toBeNull();
  });
});

describe('sliceRange', () => {
  it('stays put while the sliced parameter moves inside it, so the marker moves along a still curve', () => {
    for (const index of [W1, W5, W6, B1, B2, B3]) {
      const [lo, hi] = sliceRange(he, data, index);
      const at = (share: number) => {
        const p = Float64Array.from(he);
        p[index] = lo + share * (hi - lo);
        return sliceRange(p, data, index);
      };
      const range = at(0.3);
      expect(at(0.6)).toEqual(range.map((v) => expect.closeTo(v, 9)));
      expect(at(0.5)).toEqual(range.map((v) => expect.closeTo(v, 9)));
    }
  });

  it('always contains the current value, even far from the interesting part', () => {
    const p = Float64Array.from(he);
    p[W1] = -10;
    const [lo, hi] = sliceRange(p, data, W1);
    expect(lo).toBeLessThan(-10);
    expect(hi).toBeGreaterThan(-10);
  });

  it('shows a hidden bias from where its unit is off everywhere to where it is on everywhere', () => {
    const trained = presetParameters('trained', data);
    const slice = sliceOf(trained, data, B1);
    expect(slice.losses[0]).toBe(slice.losses[1]); // flat at the left end: h1 off on every sample
    expect(slice.values.length).toBe(SLICE_POINTS);
  });
});

describe('sliceDomain', () => {
  it('includes the baselines when the curve keeps enough height', () => {
    expect(sliceDomain([9.9, 18.9], base, 'linear')).toEqual([base.linear, 18.9]);
  });

  it('drops them when the curve would be squashed flat far above them', () => {
    expect(sliceDomain([1453, 1462], base, 'linear')).toEqual([1453, 1462]);
    expect(sliceDomain([1453, 1462], base, 'log')).toEqual([1453, 1462]);
  });

  it('keeps them for a flat slice sitting on the baseline', () => {
    expect(sliceDomain([1, 1], base, 'linear')).toEqual([base.linear, base.meanPredictor]);
  });
});

describe('lossExplorerScene', () => {
  it('builds the same scene for the same parameters', () => {
    const a = lossExplorerScene(data, he, B3);
    const b = lossExplorerScene(data, Float64Array.from(he), B3);
    expect(toSvgString(a.slice)).toBe(toSvgString(b.slice));
    expect(toSvgString(a.residuals)).toBe(toSvgString(b.residuals));
    expect(a.numbers).toEqual(b.numbers);
  });

  it('shows the loss beside Var(y), the plane and R²', () => {
    const { numbers } = lossExplorerScene(data, he, B3);
    expect(numbers.loss).toBe('13.97');
    expect(numbers.varY).toBe('1');
    expect(numbers.r2).toBe('−12.968');
    expect(numbers.linearR2).toBe('0.376');
    expect(numbers.meanResidual).toBe('2.011');
    expect(numbers.lowest).toBe('L ≈ 9.923 at B3 ≈ −2.011');
  });

  it('marks the current value on the slice and moves the marker when the value changes', () => {
    const marker = (params: Float64Array) => find(lossExplorerScene(data, params, B3).slice, (n) => n.attrs?.class === 'np-marker');
    const before = marker(he);
    const moved = Float64Array.from(he);
    moved[B3] = -1;
    const after = marker(moved);
    expect(before).toHaveLength(2); // the lowest point and the current value
    expect(toSvgString(after[1])).not.toBe(toSvgString(before[1]));
    expect(toSvgString(after[1])).toContain('B3 now = −1');
    // The curve itself did not move.
    const curve = (params: Float64Array) => toSvgString(find(lossExplorerScene(data, params, B3).slice, (n) => n.attrs?.class === 'np-series')[0]);
    expect(curve(moved)).toBe(curve(he));
  });

  it('draws both baselines on the slice, labelled', () => {
    const text = toSvgString(lossExplorerScene(data, he, B3).slice);
    expect(text).toContain('Var(y) = 1');
    expect(text).toContain('best plane = 0.6242');
  });

  it('draws one residual segment per sample, split into too high (dashed) and too low', () => {
    const scene = lossExplorerScene(data, he, B3);
    const segments = find(scene.residuals, (n) => n.attrs?.['data-side'] !== undefined && n.attrs?.stroke !== undefined);
    const count = segments.reduce((s, n) => s + (String(n.attrs?.d).match(/M/g) ?? []).length, 0);
    expect(count).toBe(data.n);
    expect(segments.find((n) => n.attrs?.['data-side'] === 'high')?.attrs?.['stroke-dasharray']).toBe('3 2');
    expect(scene.residuals.attrs?.['aria-label']).toMatch(/^Targets y and predictions ŷ against x1 for 300 samples: \d+ predictions too high, \d+ too low\.$/);
  });

  it('says when the lowest drawn point is only the end of the range', () => {
    const { numbers } = lossExplorerScene(data, presetParameters('writeup-example', data), 3);
    expect(numbers.lowest).toMatch(/at W4 ≈ 5, the end of the drawn range \(it falls further beyond\)$/);
    expect(lossExplorerScene(data, he, B3).numbers.lowest).not.toMatch(/end of the drawn range/);
  });

  it('calls a slice through a dead unit flat', () => {
    const { numbers } = lossExplorerScene(data, presetParameters('zeros', data), W5);
    expect(numbers.lowest).toBe('flat: every value of W5 gives L = 1');
    expect(numbers.h1On).toBe('0 of 300');
  });

  it('gives tables for the text alternative', () => {
    const scene = lossExplorerScene(data, he, W1);
    expect(scene.sliceRows).toHaveLength(SLICE_TABLE_ROWS);
    expect(scene.samples[0]).toHaveLength(SAMPLE_COLUMNS.length);
    expect(scene.sliceCaption).toMatch(/^The loss along W1/);
  });

  it('never writes NaN, undefined or Infinity, even at the parameters’ extremes and on a log axis', () => {
    const extremes = [new Float64Array(9).fill(10), new Float64Array(9).fill(-10), presetParameters('zeros', data), presetParameters('writeup-example', data)];
    for (const params of extremes) {
      for (let index = 0; index < 9; index++) {
        for (const axis of ['linear', 'log'] as const) {
          const scene = lossExplorerScene(data, params, index, axis, base);
          const text = [toSvgString(scene.residuals), toSvgString(scene.slice), ...Object.values(scene.numbers), ...scene.sliceRows.flat(), ...scene.samples.flat()].join(' ');
          expect(text).not.toMatch(/NaN|undefined|Infinity/);
        }
      }
    }
  });
});

describe('the lowest point of a slice', () => {
  const trained = presetParameters('trained', data);

  it('is never above the current point, even where the grid steps over the dip the network rests in (issue 12, lesson 5)', () => {
    for (const index of [W1, B1, B2]) {
      const r = residualsOf(trained, data);
      const slice = sliceOf(trained, data, index, r);
      expect(slice.lowest!.loss, `index ${index}`).toBeLessThanOrEqual(r.loss);
      // Grid points alone would have reported a higher loss than the current one.
      expect(Math.min(...slice.losses), `index ${index}`).toBeGreaterThan(r.loss);
      expect(slice.lowestAtEnd).toBe(false);
      const scene = lossExplorerScene(data, trained, index, 'linear', base);
      const printed = Number(/L ≈ ([\d.]+)/.exec(scene.numbers.lowest)![1]);
      expect(printed).toBeLessThanOrEqual(Number(scene.numbers.loss));
    }
  });

  it('is found between grid points as low as a fine brute-force search finds it', () => {
    const index = W1;
    const r = residualsOf(trained, data);
    const slice = sliceOf(trained, data, index, r);
    const step = (slice.values[1] - slice.values[0]) / 200;
    const fine = Array.from({ length: 801 }, (_, k) => slice.lowest!.value + (k - 400) * step);
    const brute = Math.min(...lossAlong(trained, data, index, fine));
    expect(slice.lowest!.loss).toBeLessThanOrEqual(brute + 1e-12);
    expect(meanSquaredError(Float64Array.from(trained.map((v, i) => (i === index ? slice.lowest!.value : v))), data)).toBeCloseTo(slice.lowest!.loss, 12);
  });
});
