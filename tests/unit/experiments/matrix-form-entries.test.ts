// Lesson 18's matrix widget for any 2-H₁-1 or 2-H₁-H₂-1 network: every entry's partial, read off the
// matrix product and summed from its per-sample terms, against a finite difference of the loss (an
// oracle that shares nothing with either backward pass), on random widths, starts and entries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryTerms, finiteDifferenceOf, matrixFormRun } from '../../../src/experiments/matrix-form/entries';
import { MATRIX_MAX_WIDTH, matrixFormSettings, type MatrixFormConfig } from '../../../src/experiments/matrix-form/settings';
import { deepMeanSquaredError, makeDataset } from '../../../src/trainer';

const data = makeDataset();
const width = fc.integer({ min: 1, max: MATRIX_MAX_WIDTH });
const randomConfig = fc.record({
  network: fc.constantFrom('2-H-1' as const, '2-H-H-1' as const),
  h1: width,
  h2: width,
  start: fc.constant('he' as const),
  seed: fc.integer({ min: 0, max: 10_000 }),
  entry: fc.constant(1),
});

describe('the matrix form of any 2-H₁-H₂-1 network', () => {
  it('gives every entry the slope a finite difference measures, and the sum of its terms', () => {
    fc.assert(
      fc.property(randomConfig, fc.double({ min: 0, max: 1, noNaN: true }), (config: MatrixFormConfig, where) => {
        const run = matrixFormRun(config, data);
        const index = Math.min(run.layout.parameterCount - 1, Math.floor(where * run.layout.parameterCount));
        const e = entryTerms(run, index);
        expect(e.sum).toBe(e.matrixValue);
        expect(e.matrixValue).toBe(e.readableValue);
        const slope = finiteDifferenceOf(run, index);
        // A nudge of 1e-6 across a kink of ReLU would bend the slope: none of these starts has a sample within it.
        expect(Math.abs(slope - e.matrixValue)).toBeLessThan(1e-5 * Math.max(1, Math.abs(e.matrixValue)));
      }),
      { numRuns: 40 },
    );
  });

  it('measures the finite difference with the trainer’s loss, nudging only the one parameter', () => {
    const run = matrixFormRun({ ...matrixFormSettings.defaults, network: '2-H-H-1', h1: 3, h2: 4, start: 'he' }, data);
    const up = Float64Array.from(run.params), down = Float64Array.from(run.params);
    up[7] += 1e-6;
    down[7] -= 1e-6;
    expect(finiteDifferenceOf(run, 7)).toBe((deepMeanSquaredError(up, run.layout, data) - deepMeanSquaredError(down, run.layout, data)) / 2e-6);
  });
});
