import { describe, expect, it } from 'vitest';
import { WRITEUP_EXAMPLE } from '../../../src/trainer';
import {
  parsePreset, PARAMETER_PRESETS, readStartingPoint, startingParameters, writeStartingPoint, type StartingPoint,
} from '../../../src/widgets/kit/parameterPresets';
import { expectNotice } from '../../helpers/notice';

describe('parameter presets', () => {
  it('parses preset names, ignoring case and spaces', () => {
    expect(parsePreset(' He ')).toBe('he');
    expect(parsePreset('DEAD-UNIT')).toBe('dead-unit');
    expect(parsePreset('trained')).toBeNull();
    expect(PARAMETER_PRESETS.map((p) => p.value)).toEqual(['writeup-example', 'he', 'dead-unit']);
  });
});

describe('starting points in configs', () => {
  it('reads start and values, explains garbled ones, and leaves other keys alone', () => {
    const point: StartingPoint = { start: 'he', values: {} };
    const notices: string[] = [];
    expect(readStartingPoint(point, 'start', 'dead-unit', notices)).toBe(true);
    expect(readStartingPoint(point, 'w5', '0.5', notices)).toBe(true);
    expect(readStartingPoint(point, 'W1', 'abc', notices)).toBe(true);
    expect(readStartingPoint(point, 'B2', '1e308', notices)).toBe(true);
    expect(readStartingPoint(point, 'start', 'nonsense', notices)).toBe(true);
    expect(readStartingPoint(point, 'sample', '3', notices)).toBe(false);
    expect(point).toEqual({ start: 'dead-unit', values: { W5: 0.5 } });
    expect(notices).toHaveLength(3);
    expect(notices[0]).toMatch(/“abc” is not a number/);
    expect(notices[1]).toMatch(/B2 must be at most 10/);
    expectNotice(notices[2], { names: 'start', quotes: '“nonsense”' });
  });

  it('accepts a wider limit when a widget asks for one', () => {
    const point: StartingPoint = { start: 'he', values: {} };
    expect(readStartingPoint(point, 'W1', '-55', [], 100)).toBe(true);
    expect(point.values.W1).toBe(-55);
  });

  it('overrides the preset with given values, and writes both into a link', () => {
    const point: StartingPoint = { start: 'writeup-example', values: { B3: 1 } };
    const params = startingParameters(point);
    expect(params[8]).toBe(1);
    expect(params[0]).toBe(WRITEUP_EXAMPLE.W1);
    const out = new URLSearchParams();
    writeStartingPoint(out, point);
    expect(out.toString()).toBe('start=writeup-example&B3=1');
  });
});
