import { describe, expect, it } from 'vitest';
import { applyScale, makeDataset, makeSqueezedDataset, undoScale, unitActivity, fromNamed, WRITEUP_EXAMPLE } from '../../../src/trainer';

describe('makeSqueezedDataset', () => {
  const squeezed = makeSqueezedDataset();
  const minmax = makeDataset({ scaling: 'minmax' });

  it('puts both inputs into [−0.5, 0.5], touching both ends, and the target into [0, 1]', () => {
    for (const column of [squeezed.x1, squeezed.x2]) {
      expect(Math.min(...column)).toBe(-0.5);
      expect(Math.max(...column)).toBe(0.5);
    }
    expect(Math.min(...squeezed.y)).toBe(0);
    expect(Math.max(...squeezed.y)).toBe(1);
  });

  it('is the min–max data with the inputs shifted down by 0.5 and the target untouched', () => {
    squeezed.x1.forEach((v, i) => expect(v).toBe(minmax.x1[i] - 0.5));
    squeezed.x2.forEach((v, i) => expect(v).toBe(minmax.x2[i] - 0.5));
    expect(squeezed.y).toEqual(minmax.y);
    expect(squeezed.raw).toEqual(minmax.raw);
  });

  it('keeps scale statistics that convert raw inputs to squeezed ones and back', () => {
    for (let i = 0; i < 5; i++) {
      expect(applyScale(squeezed.raw.x1[i], squeezed.scaling.x1)).toBeCloseTo(squeezed.x1[i], 12);
      expect(undoScale(squeezed.x2[i], squeezed.scaling.x2)).toBeCloseTo(squeezed.raw.x2[i], 12);
    }
  });

  it('passes the other data options on (size, ranges, seed)', () => {
    const small = makeSqueezedDataset({ n: 50, x1Range: [0, 2], seed: 3 });
    expect(small.n).toBe(50);
    expect(small.raw.x1.every((v) => v >= 0 && v <= 2)).toBe(true);
    expect(small.options.seed).toBe(3);
  });

  it('leaves the write-up example’s unit 1 off on every sample, unlike the z-scored data', () => {
    const example = fromNamed(WRITEUP_EXAMPLE);
    expect(unitActivity(example, squeezed).states[0]).toBe('dead');
    expect(unitActivity(example, makeDataset()).states[0]).toBe('hinge');
  });
});
