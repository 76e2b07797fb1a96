import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { medianInterval, wilsonInterval, Z95 } from '../../../src/trainer/statistics';

/** P(Bin(n, ½) ≤ k), exactly, with big integers: an oracle sharing nothing with the log-space sum. */
function exactHalfCdf(k: number, n: number): number {
  let c = 1n, sum = 0n;
  for (let i = 0; i <= k; i++) {
    sum += c;
    c = (c * BigInt(n - i)) / BigInt(i + 1);
  }
  // sum / 2^n as a double, keeping 60 bits of the ratio
  const scaled = (sum << 60n) / (1n << BigInt(n));
  return Number(scaled) / 2 ** 60;
}

describe('wilsonInterval', () => {
  it('gives endpoints that solve Wilson’s equation |k/n − p| = z·√(p(1 − p)/n)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const k = Math.round(share * n);
        const { low, high } = wilsonInterval(k, n);
        for (const p of [low, high]) {
          if ((p === 0 && k === 0) || (p === 1 && k === n)) continue;
          expect(Math.abs(k / n - p)).toBeCloseTo(Z95 * Math.sqrt((p * (1 - p)) / n), 9);
        }
        expect(low).toBeLessThanOrEqual(k / n);
        expect(high).toBeGreaterThanOrEqual(k / n);
      }),
    );
  });

  it('stays inside [0, 1] and is not empty at 0 of n or n of n, unlike the textbook interval', () => {
    expect(wilsonInterval(0, 100).low).toBe(0);
    expect(wilsonInterval(0, 100).high).toBeGreaterThan(0.03);
    expect(wilsonInterval(100, 100).high).toBe(1);
    expect(wilsonInterval(100, 100).low).toBeLessThan(0.97);
  });

  it('gives 61.5% to 79.0% for 71 of 100, as worked by hand', () => {
    const { low, high } = wilsonInterval(71, 100);
    expect(low).toBeCloseTo(0.6146, 3);
    expect(high).toBeCloseTo(0.7899, 3);
  });

  it('refuses counts that cannot happen', () => {
    expect(() => wilsonInterval(5, 0)).toThrow(/at least one run/);
    expect(() => wilsonInterval(11, 10)).toThrow(/not possible/);
    expect(() => wilsonInterval(1.5, 10)).toThrow(/not possible/);
  });
});

describe('medianInterval', () => {
  it('picks the widest-inner pair of order statistics whose exact binomial coverage is at least 95%', () => {
    for (const n of [6, 7, 10, 25, 100, 101, 200]) {
      const { ranks, confidence } = medianInterval(Array.from({ length: n }, (_, i) => i), 0.95);
      const r = ranks[0];
      expect(ranks[1]).toBe(n + 1 - r);
      expect(confidence).toBeCloseTo(1 - 2 * exactHalfCdf(r - 1, n), 12);
      expect(confidence).toBeGreaterThanOrEqual(0.95);
      // one rank further in would cover less than 95%
      if (r + 1 <= (n + 1) / 2) expect(1 - 2 * exactHalfCdf(r, n)).toBeLessThan(0.95);
    }
  });

  it('for 100 runs uses the 40th and 61st smallest values, as tables give', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // order must not matter
    const m = medianInterval(values);
    expect(m.ranks).toEqual([40, 61]);
    expect([m.low, m.high]).toEqual([40, 61]);
    expect(m.median).toBe(50.5);
  });

  it('contains the true median of the population about 95% of the time', () => {
    // Exponential samples of 100, true median ln 2; a fixed pseudo-random sequence keeps it exact.
    let state = 12345;
    const uniform = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) + 0.5) / 2 ** 31;
    let covered = 0;
    const trials = 2000;
    for (let t = 0; t < trials; t++) {
      const { low, high } = medianInterval(Array.from({ length: 100 }, () => -Math.log(uniform())));
      if (low <= Math.LN2 && Math.LN2 <= high) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.93);
    expect(covered / trials).toBeLessThan(0.99);
  });

  it('refuses too few values or values that are not numbers', () => {
    expect(() => medianInterval([1, 2, 3, 4, 5])).toThrow(/too few/);
    expect(() => medianInterval([])).toThrow(/needs numbers/);
    expect(() => medianInterval([1, NaN, 3, 4, 5, 6])).toThrow(/needs numbers/);
  });
});
