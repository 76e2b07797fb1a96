// The optimiser race: its settings read and write links and refuse what cannot run; both arms
// move only the two chosen parameters, so every path point's loss is the slice's; the slice's
// curvature is the exact Hessian's block (checked by central differences of the loss); and the
// limits it gives hold on the W5–W6 slice, which is an exact bowl: just below 2/λmax and
// 2(1 + β)/λmax the loss settles, just above it grows without end.
import { describe, expect, it } from 'vitest';
import { optimiserRaceSettings as schema } from '../../../src/experiments/optimiser-race/settings';
import { raceAtOnce, raceStart, sliceCurvature } from '../../../src/experiments/optimiser-race/run';
import { defaultDataset } from '../../../src/experiments/data/defaultDataset';
import { meanSquaredError, PARAMETER_NAMES } from '../../../src/trainer';
import { expectNotice } from '../../helpers/notice';

const parse = (source: Parameters<typeof schema.parse>[0]) => schema.parse(source);
const D = schema.defaults;

describe('the optimiser race’s settings', () => {
  it('read every setting from a link and write them back the same', () => {
    const text = 'init=writeup&initSeed=7&x=W1&y=B1&optimiserA=adam&rateA=0.01&optimiserB=nesterov&rateB=0.002&beta=0.5&batchSize=10&epochs=300';
    const { config, notices } = parse(new URLSearchParams(text));
    expect(notices).toEqual([]);
    expect(config).toMatchObject({ init: 'writeup', x: 'W1', y: 'B1', optimiserA: 'adam', optimiserB: 'nesterov', beta: 0.5, batchSize: 10, epochs: 300 });
    expect(parse(schema.serialise(config)).config).toEqual(config);
  });

  it('refuse the same parameter on both axes, a batch larger than the data and an unknown optimiser', () => {
    expect(schema.problems({ ...D, x: 'W2', y: 'W2' })[0].message).toMatch(/must differ/);
    expect(schema.problems({ ...D, batchSize: 301 })[0].message).toMatch(/at most 300/);
    expect(schema.problems({ ...D, optimiserA: 'nesterov', beta: 0 })[0].message).toMatch(/β above 0/);
    const { config, notices } = parse({ optimiserA: 'sgd' });
    expect(config.optimiserA).toBe(D.optimiserA);
    expectNotice(notices[0], { names: 'Optimiser A' });
  });
});

describe('the race', () => {
  it('moves only the two chosen parameters, so the loss after every epoch is the slice’s at the path point', () => {
    const race = raceAtOnce({ ...D, x: 'W1', y: 'B2', optimiserB: 'adam', rateB: 0.05, epochs: 30 });
    const data = defaultDataset();
    for (const arm of race.arms) {
      for (const e of [0, 7, 30]) {
        const p = Float64Array.from(race.start);
        p[race.xIndex] = arm.x[e];
        p[race.yIndex] = arm.y[e];
        expect(arm.losses[e]).toBe(meanSquaredError(p, data, 2));
      }
    }
  });

  it('takes the slice’s curvature from the Hessian: its block matches central second differences of the loss', () => {
    const data = defaultDataset();
    const start = raceStart({ ...D, init: 'writeup', initSeed: 3 });
    const [i, j] = [PARAMETER_NAMES.indexOf('W1'), PARAMETER_NAMES.indexOf('W5')];
    const c = sliceCurvature(start, data, i, j, 0.9);
    const h = 1e-4;
    const at = (di: number, dj: number) => {
      const p = Float64Array.from(start);
      p[i] += di;
      p[j] += dj;
      return meanSquaredError(p, data, 2);
    };
    const cross = (at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4 * h * h);
    const ii = (at(h, 0) - 2 * at(0, 0) + at(-h, 0)) / (h * h);
    expect(c.block[1]).toBeCloseTo(cross, 3);
    expect(c.block[0]).toBeCloseTo(ii, 3);
    expect(c.lambdaMax).toBeGreaterThanOrEqual(c.lambdaMin);
    expect(c.lambdaMax + c.lambdaMin).toBeCloseTo(c.block[0] + c.block[3], 10);
  });

  it('on the W5–W6 bowl, settles just below 2/λmax and 2(1 + β)/λmax and grows without end just above', () => {
    const { curvature } = raceAtOnce({ ...D, epochs: 1 });
    const final = (kind: 'gradient-descent' | 'momentum', rate: number) => {
      const race = raceAtOnce({ ...D, optimiserA: kind, rateA: rate, optimiserB: kind, rateB: rate, epochs: 3000 });
      const arm = race.arms[0];
      return { start: arm.losses[0], end: arm.losses[arm.losses.length - 1], diverged: arm.status === 'diverged' };
    };
    for (const [kind, limit] of [['gradient-descent', curvature.gradientDescentLimit], ['momentum', curvature.momentumLimit]] as const) {
      const below = final(kind, 0.97 * limit), above = final(kind, 1.03 * limit);
      expect(below.end, kind).toBeLessThan(below.start);
      expect(above.diverged || above.end > 1e6 * above.start, kind).toBe(true);
    }
    expect(curvature.momentumLimit / curvature.gradientDescentLimit).toBeCloseTo(1 + D.beta, 12);
  });

  it('is the same race twice: same start, same seed, same numbers, with mini-batches too', () => {
    const config = { ...D, batchSize: 10 as const, epochs: 20, optimiserB: 'rmsprop' as const, rateB: 0.01 };
    expect(raceAtOnce(config).arms).toEqual(raceAtOnce(config).arms);
  });
});
