// Whatever a student types, the trainer either trains or says clearly why it cannot:
// it never throws anything but a TrainerInputError, never returns NaN silently, never hangs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  makeDataset, train, TrainerInputError, initParams, lossAndGradient, curvature, unitActivity, lossAlong,
  type DatasetOptions,
} from '../../../src/trainer';

const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, 1, -1, 1e308, -1e308, Infinity, -Infinity, NaN, 1e6, 1e-300, 2 ** 53),
  fc.integer({ min: -5, max: 5000 }),
);

/** Runs `fn`; a TrainerInputError is a clear refusal, anything else thrown fails the test. */
function refusedOrDone<T>(fn: () => T): { ok: true; value: T } | { ok: false; message: string } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    expect(error).toBeInstanceOf(TrainerInputError);
    expect((error as Error).message.length).toBeGreaterThan(10);
    expect((error as Error).message).not.toMatch(/undefined|NaN/);
    return { ok: false, message: (error as Error).message };
  }
}

describe('the trainer under any input', () => {
  it('makes a data set or refuses clearly for any size, range and noise', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, fc.constantFrom('zscore', 'minmax', 'none', 'bogus'), (n, a, b, c, d, scaling) => {
        const options = { n, x1Range: [a, b], x2Range: [c, d], noiseRange: [-1, 1], scaling } as unknown as DatasetOptions;
        const result = refusedOrDone(() => makeDataset(options));
        if (result.ok) {
          for (const column of [result.value.x1, result.value.x2, result.value.y]) {
            expect(column.every(Number.isFinite)).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('trains or refuses clearly for any parameters, learning rate, batch size and width', () => {
    const data = makeDataset({ n: 20 });
    fc.assert(
      fc.property(
        fc.array(anyNumber, { minLength: 0, maxLength: 13 }),
        anyNumber,
        fc.option(anyNumber, { nil: undefined }),
        fc.constantFrom(1, 2, 3),
        (values, learningRate, batchSize, hidden) => {
          const params = Float64Array.from(values);
          const result = refusedOrDone(() => train({ data, params, learningRate, batchSize, hidden, epochs: 30 }));
          if (!result.ok) return;
          const run = result.value;
          expect(run.params.every(Number.isFinite)).toBe(true);
          expect(run.losses.every(Number.isFinite)).toBe(true);
          if (run.status === 'diverged') expect(run.message).toMatch(/diverged/);
          else expect(run.epochs).toBe(30);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reports huge starting parameters as a diverged run, and the analysis functions do not throw on them', () => {
    const data = makeDataset({ n: 20 });
    for (let seed = 1; seed <= 20; seed++) {
      const params = initParams({ preset: 'writeup', seed }).map((v) => v * 1e307); // up to 1e308, still finite
      const run = train({ data, params, learningRate: 0.01, epochs: 5 });
      expect(run.status).toBe('diverged');
      expect(run.divergedAt).toBe(0);
      expect(() => lossAndGradient(params, data)).not.toThrow();
      expect(() => unitActivity(params, data)).not.toThrow();
      expect(() => lossAlong(params, data, 8, [0])).not.toThrow();
      expect(() => curvature(params, data)).not.toThrow();
    }
  });

  it('refuses a run of an absurd number of epochs instead of hanging', () => {
    const data = makeDataset({ n: 5 });
    expect(() => train({ data, params: initParams(), learningRate: 0.01, epochs: 1e12 })).toThrow(TrainerInputError);
  });
});
