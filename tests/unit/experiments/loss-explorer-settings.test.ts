import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PARAMETER_NAMES } from '../../../src/trainer/parameters';
import { lossExplorerSettings, parameterSettings, parametersOf } from '../../../src/experiments/loss-explorer/settings';
import { presetParameters } from '../../../src/experiments/loss-explorer/presets';
import { PARAMETER_LIMIT } from '../../../src/experiments/parameters/settings';
import { expectNotice } from '../../helpers/notice';

const settings = lossExplorerSettings;
const he = presetParameters('he');

describe('the loss explorer’s settings', () => {
  it('start at the He start (seed 1), sliced along B3 on a linear axis', () => {
    expect(settings.defaults).toMatchObject({ parameter: 'B3', axis: 'linear' });
    expect(Array.from(parametersOf(settings.defaults))).toEqual(Array.from(he));
  });

  it('open the page’s data-* attributes from before the schema (lower-case dataset keys) at the same state', () => {
    // The old element carried data-start, data-parameter, data-axis and all nine values as data-w1 … data-b3.
    // readWidgetSettings gives each attribute its setting's own spelling (data-w1 is W1) and
    // leaves out the ones the widget no longer has (data-start: the preset is the page's).
    const { config, notices } = settings.parse({ parameter: 'w5', axis: 'log', W1: '1.5', B2: '−2' });
    expect(notices).toEqual([]);
    expect(config).toMatchObject({ parameter: 'W5', axis: 'log', W1: 1.5, B2: -2 });
  });

  it('write a link with every value that reads back to the same settings', () => {
    const config = { ...settings.defaults, parameter: 'B1' as const, ...parameterSettings(presetParameters('writeup-example')) };
    const link = settings.serialise(config);
    expect([...link.keys()]).toEqual(['parameter', 'axis', ...PARAMETER_NAMES]);
    expect(settings.parse(link).config).toEqual(config);
  });

  it('explain every garbled setting and keep the value in force', () => {
    const { config, notices } = settings.parse({ parameter: 'W7', axis: 'cubic', W1: 'abc', W2: '1e308', B1: 'NaN', colour: 'red' });
    expect(config).toEqual(settings.defaults);
    expect(notices).toHaveLength(6);
    expectNotice(notices[0], { names: ['Slice along'], quotes: '“W7”' });
    expectNotice(notices[1], { quotes: '“cubic”' });
    expect(notices.join(' ')).toMatch(/“abc” is not a number/);
    expect(notices.join(' ')).toMatch(/W2 must be at most 10/);
    expect(notices.join(' ')).toMatch(/B1 must be an actual number/);
    expect(notices.join(' ')).toMatch(/colour/);
  });

  it('never throw and always hold finite values within the limits, whatever they are given', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), (source) => {
        const { config } = settings.parse(source);
        for (const v of parametersOf(config)) {
          expect(Number.isFinite(v)).toBe(true);
          expect(Math.abs(v)).toBeLessThanOrEqual(PARAMETER_LIMIT);
        }
      }),
    );
  });

  it('start a lesson at another preset without changing the fields', () => {
    const zeros = settings.withDefaults(parameterSettings(presetParameters('zeros')));
    expect(Array.from(parametersOf(zeros.parse({}).config))).toEqual(new Array(9).fill(0));
    expect(zeros.parse({ W5: '2' }).config.W5).toBe(2);
  });
});
