import { unitActivity } from '../../../src/trainer/units';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  OPERATION_COUNTER_DEFAULTS,
  parseOperationCounterConfig,
  serializeOperationCounterConfig,
} from '../../../src/widgets/operation-counter/config';
import { agrees, countEpochs, startCount } from '../../../src/widgets/operation-counter/count';
import { counterChart, counterNumbers, tableRows } from '../../../src/widgets/operation-counter/scene';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { flopsPerEpoch } from '../../../src/trainer';
import { expectNotice } from '../../helpers/notice';

describe('parseOperationCounterConfig', () => {
  it('gives the defaults for an empty source', () => {
    expect(parseOperationCounterConfig({})).toEqual({ config: OPERATION_COUNTER_DEFAULTS, notices: [] });
  });

  it('round-trips every config through serialize and parse', () => {
    const arbitrary = fc.record({
      hidden: fc.integer({ min: 1, max: 16 }),
      n: fc.integer({ min: 1, max: 10_000 }),
      mask: fc.constantFrom('on' as const, 'off' as const),
      epochs: fc.integer({ min: 1, max: 100 }),
    });
    fc.assert(
      fc.property(arbitrary, (config) => {
        expect(parseOperationCounterConfig(serializeOperationCounterConfig(config))).toEqual({ config, notices: [] });
      }),
    );
  });

  it('ignores bad values with a notice and keeps the default', () => {
    for (const text of ['', 'abc', 'NaN', 'Infinity', '-5', '0', '1e308', '2.5']) {
      const { config, notices } = parseOperationCounterConfig({ hidden: text });
      expect(config.hidden).toBe(2);
      expect(notices[0]).toMatch(/Hidden units H/);
    }
    expect(parseOperationCounterConfig({ mask: 'maybe' }).notices[0]).toMatch(/use on, off/);
    expect(parseOperationCounterConfig({ mask: ' ON ' }).config.mask).toBe('on');
    expect(parseOperationCounterConfig({ epochs: '101' }).notices[0]).toMatch(/at most 100/);
  });
});

describe('counting', () => {
  it('counts the same as the formulas, epoch after epoch, with and without the mask', () => {
    for (const mask of ['off', 'on'] as const) {
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
    const state = startCount({ hidden: 2, n: 300, mask: 'on', epochs: 100 });
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

  it('adds up to flopsPerEpoch for one unmasked epoch', () => {
    const state = startCount({ hidden: 2, n: 300, mask: 'off', epochs: 1 });
    countEpochs(state, 1);
    const { formula } = state.first!;
    const sum = (['forward', 'loss', 'backward', 'update'] as const).reduce((s, p) => s + formula[p].multiplications + formula[p].additions, 0);
    expect(sum).toBe(flopsPerEpoch(300, 2));
    expect(counterNumbers(state).flopsEpoch).toBe('10,518');
  });
});

describe('the scene', () => {
  it('shows both columns agreeing and the totals, in words while counting, never NaN', () => {
    const state = startCount({ hidden: 3, n: 40, mask: 'on', epochs: 3 });
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
  });
});
