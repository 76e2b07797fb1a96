import { unitActivity } from '../../../src/trainer/units';
import { describe, expect, it } from 'vitest';
import { agrees, countEpochs, countSteps, startCount } from '../../../src/experiments/operation-counter/count';
import { runToEnd } from '../../../src/experiments/steps';
import { counterChart, counterNumbers, tableRows } from '../../../src/widgets/operation-counter/scene';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { flopsPerEpoch } from '../../../src/trainer';
import { expectNotice } from '../../helpers/notice';

describe('counting', () => {
  it('counts the same as the formulas, epoch after epoch, with and without the mask', () => {
    for (const mask of [false, true]) {
      for (const hidden of [1, 2, 5, 16]) {
        const state = startCount({ hidden, n: 50, mask, epochs: 4 });
        expect(countEpochs(state, 2)).toBe(false);
        expect(countEpochs(state, 10)).toBe(true);
        expect(state.epoch).toBe(4);
        expect(agrees(state.first!.formula, state.first!.counted)).toBe(true);
        expect(agrees(state.all.formula, state.all.counted)).toBe(true);
      }
    }
  });

  it('reports the pairs switched on in the first and in the last epoch counted, which training changes', () => {
    const state = startCount({ hidden: 2, n: 300, mask: true, epochs: 100 });
    expect(counterNumbers(state).lastActivePairs).toBe('counting…');
    countEpochs(state, 99);
    // The last epoch counts with the parameters that 99 epochs of training left.
    const expected = unitActivity(state.params, state.data, 2).activeCounts.reduce((a, b) => a + b, 0);
    countEpochs(state, 1);
    const numbers = counterNumbers(state);
    expect(numbers.lastActivePairs).toBe(expected.toLocaleString('en-US'));
    expect(numbers.lastEpoch).toBe('100');
    expect(state.lastActivePairs).not.toBe(state.first!.activePairs);
  });

  it('counts in steps that give the same result as counting all at once', () => {
    const config = { hidden: 3, n: 2000, mask: true, epochs: 60 };
    const once = startCount(config);
    countEpochs(once, 60);
    const sliced = startCount(config);
    const steps = countSteps(sliced);
    let pauses = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) pauses += 1;
    expect(pauses).toBeGreaterThan(1);
    expect(sliced.epoch).toBe(60);
    expect(sliced.all).toEqual(once.all);
    expect(runToEnd(countSteps(sliced))).toBe(sliced);
  });

  it('adds up to flopsPerEpoch for one unmasked epoch', () => {
    const state = startCount({ hidden: 2, n: 300, mask: false, epochs: 1 });
    countEpochs(state, 1);
    const { formula } = state.first!;
    const sum = (['forward', 'loss', 'backward', 'update'] as const).reduce((s, p) => s + formula[p].multiplications + formula[p].additions, 0);
    expect(sum).toBe(flopsPerEpoch(300, 2));
    expect(counterNumbers(state).flopsEpoch).toBe('10,518');
  });
});

describe('the scene', () => {
  it('shows both columns agreeing and the totals, in words while counting, never NaN', () => {
    const state = startCount({ hidden: 3, n: 40, mask: true, epochs: 3 });
    const pending = [...tableRows(state, 'multiplications').flat(), ...Object.values(counterNumbers(state)), toSvgString(counterChart(state))].join(' ');
    expect(pending).toMatch(/counting…/);
    expect(pending).not.toMatch(/NaN|undefined|Infinity/);
    countEpochs(state, 3);
    const rows = tableRows(state, 'multiplications');
    expect(rows.map((r) => r[0])).toEqual(['forward pass', 'loss', 'backward pass', 'update (once per epoch)', 'total']);
    for (const row of rows) {
      expect(row[2]).toBe(row[3]);
      expect(row[4]).toBe(row[5]);
    }
    expect(rows[2][1]).toBe('4 + 3 per unit that is on');
    expectNotice(counterNumbers(state).agreement, { says: /\bagree\b/ });
    const svg = toSvgString(counterChart(state));
    expect(svg.match(/<rect[^>]*data-phase/g)).toHaveLength(8);
    // The long phase name takes two lines, shortened beside the bars, so it fits the margin at its phone size (issue 12).
    expect(svg).toMatch(/<tspan[^>]*>update<\/tspan><tspan[^>]*>\(per epoch\)<\/tspan>/);
  });
});
