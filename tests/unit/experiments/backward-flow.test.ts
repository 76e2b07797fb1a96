import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backpropagate221 } from '../../../src/trainer/backprop';
import { makeDataset } from '../../../src/trainer/data';
import { initParams } from '../../../src/trainer/init';
import { PARAMETER_NAMES } from '../../../src/trainer/parameters';
import { BACKWARD_STEP_COUNT, sampleFlow } from '../../../src/experiments/backward-flow/flow';
import { backwardFlowSettings } from '../../../src/experiments/backward-flow/settings';
import { backwardFlowScene } from '../../../src/widgets/backward-flow/scene';

const data = makeDataset({ n: 40 });

describe('one sample’s error flowing backwards', () => {
  it('gives shares that add up over the samples to the trainer’s nine partial derivatives, at random parameters', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 9, maxLength: 9 }), (values) => {
        const params = Float64Array.from(values);
        const sums = new Float64Array(9);
        for (let i = 0; i < data.n; i++) {
          const flow = sampleFlow(params, data, i);
          PARAMETER_NAMES.forEach((name, j) => (sums[j] += flow.terms[name]));
        }
        const { grad } = backpropagate221(params, data);
        PARAMETER_NAMES.forEach((_, j) => expect(sums[j]).toBeCloseTo(grad[j]!, 10));
      }),
      { numRuns: 50 },
    );
  });

  it('stops at a closed gate: a unit that is off for the sample passes nothing to its first-layer weights', () => {
    const params = initParams({ preset: 'writeup-example' });
    const full = makeDataset();
    const off = Array.from({ length: full.n }, (_, i) => sampleFlow(params, full, i)).find((f) => f.z1 <= 0)!;
    expect(off.gate1).toBe(0);
    expect([off.terms.W1, off.terms.W3, off.terms.B1]).toEqual([0, 0, 0]);
    expect(off.dH1).not.toBe(0);
  });

  it('shows only the steps taken: later lines are ?, and a share is — until the error reaches its parameter', () => {
    const params = initParams({ preset: 'writeup-example' });
    const full = makeDataset();
    const start = backwardFlowScene(params, full, 0, 0);
    expect(start.lines.every((line) => line === '?')).toBe(true);
    expect(start.rows.every(([, v]) => v === '—')).toBe(true);
    const two = backwardFlowScene(params, full, 0, 2);
    expect(two.lines.slice(0, 2).every((line) => line !== '?')).toBe(true);
    expect(two.rows.filter(([, v]) => v !== '—').map(([name]) => name).sort()).toEqual(['B3', 'W5', 'W6']);
    const all = backwardFlowScene(params, full, 0, BACKWARD_STEP_COUNT);
    expect(all.rows.every(([, v]) => v !== '—')).toBe(true);
    expect(all.message).toMatch(/^Step 5 of 5/);
  });

  it('reads its two settings from a link, and names a bad one instead of breaking', () => {
    expect(backwardFlowSettings.parse({ sample: '3', step: '2' }).config).toMatchObject({ sample: 3, step: 2 });
    const bad = backwardFlowSettings.parse({ step: 'NaN' });
    expect(bad.config.step).toBe(0);
    expect(bad.notices.length).toBeGreaterThan(0);
  });
});
