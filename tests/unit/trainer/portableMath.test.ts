import { describe, expect, it } from 'vitest';
import { cos, COS_MAX_ARGUMENT, log } from '../../../src/trainer/portableMath';
import { gaussian, initParams, makeRandom } from '../../../src/trainer';

/** A small xorshift generator, so the inputs are the same on every run. */
function inputs(count: number, draw: (u: number) => number): number[] {
  let s = 2463534242;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out.push(draw(s / 4294967296));
  }
  return out;
}

/** Distance in units in the last place between two positive or two negative doubles. */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  return Number(view.getBigInt64(0) - view.getBigInt64(8)) * Math.sign(a || 1);
}

describe('portable log and cos', () => {
  it('are within one unit in the last place of Math.log and Math.cos', () => {
    let worst = 0;
    for (const u of inputs(200_000, (r) => 1 - r)) worst = Math.max(worst, Math.abs(ulps(log(u), Math.log(u))));
    for (const x of inputs(200_000, (r) => Math.exp((r - 0.5) * 1400))) worst = Math.max(worst, Math.abs(ulps(log(x), Math.log(x))));
    let near = 0;
    for (const x of inputs(200_000, (r) => 2 * Math.PI * r)) {
      const c = cos(x);
      // Near a zero of cos, compare absolutely: both are then tiny numbers.
      if (Math.abs(c) > 1e-6) worst = Math.max(worst, Math.abs(ulps(c, Math.cos(x))));
      else near = Math.max(near, Math.abs(c - Math.cos(x)));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(near).toBeLessThan(1e-22);
  });

  // Node 20's V8 computes Math.log and Math.cos with fdlibm, which these are ports of; so every
  // number the course built before the ports is unchanged. (Newer engines may differ: that is why
  // the ports exist.)
  it.runIf(process.versions.node.startsWith('20.'))('give exactly Node 20’s Math.log and Math.cos', () => {
    const differ = [
      ...inputs(300_000, (r) => 1 - r).filter((u) => !Object.is(log(u), Math.log(u))),
      ...inputs(300_000, (r) => 2 * Math.PI * r).filter((x) => !Object.is(cos(x), Math.cos(x))),
    ];
    expect(differ).toEqual([]);
  });

  it('give these exact bits, whatever engine runs them', () => {
    // Pinned values: a change to the ports (or to an engine's arithmetic) shows up here.
    expect(log(0.5)).toBe(-0.6931471805599453);
    expect(log(0.123456789)).toBe(-2.091864070778393);
    expect(log(1e-300)).toBe(-690.7755278982137);
    expect(cos(1)).toBe(0.5403023058681398);
    expect(cos(2.5)).toBe(-0.8011436155469337);
    expect(cos(6)).toBe(0.9601702866503661);
  });

  it('handle the edges as Math does', () => {
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(NaN)).toBeNaN();
    expect(log(1)).toBe(0);
    expect(log(5e-324)).toBe(Math.log(5e-324));
    expect(cos(0)).toBe(1);
    expect(cos(NaN)).toBeNaN();
    expect(cos(Infinity)).toBeNaN();
    expect(cos(-2)).toBe(cos(2));
    expect(() => cos(2 * COS_MAX_ARGUMENT)).toThrow(RangeError);
  });

  it('are what the normal numbers of He starts are made of', () => {
    const a = makeRandom('x');
    const b = makeRandom('x');
    const u = 1 - b();
    const v = b();
    expect(gaussian(a)).toBe(Math.sqrt(-2 * log(u)) * cos(2 * Math.PI * v));
    expect(initParams({ preset: 'he', seed: 1 })).toEqual(initParams({ preset: 'he', seed: 1 }));
  });
});
