import { describe, expect, it } from 'vitest';
import { PARAMETER_NAMES, WRITEUP_EXAMPLE } from '../../../src/trainer';
import type { NumberControl } from '../../../src/widgets/kit/controls';
import { CUSTOM, ParameterSet } from '../../../src/widgets/kit/parameterSet';
import { presetParameters } from '../../../src/trainer/presets';

/** Nine stand-in fields that remember what they were set to, and a stand-in select. */
function fields() {
  const shown: Record<string, number> = {};
  const controls: Record<string, NumberControl> = Object.fromEntries(
    PARAMETER_NAMES.map((name) => [name, { name, get value() { return shown[name]; }, set: (v: number) => (shown[name] = v) }]),
  );
  return { shown, controls, select: { value: '' } as HTMLSelectElement };
}

describe('ParameterSet', () => {
  it('starts from the preset plus given values, and shows them', () => {
    const { shown, controls, select } = fields();
    const set = new ParameterSet({ start: 'writeup-example', values: { B3: 1 } }, controls, select);
    expect(set.params[8]).toBe(1);
    expect(shown.W1).toBe(WRITEUP_EXAMPLE.W1);
    expect(select.value).toBe(CUSTOM);
    expect(set.point()).toEqual({ start: 'writeup-example', values: Object.fromEntries(PARAMETER_NAMES.map((n, j) => [n, set.params[j]])) });
  });

  it('takes edits by name, ignores other names, and loads presets', () => {
    const { shown, controls, select } = fields();
    const set = new ParameterSet({ start: 'he', values: {} }, controls, select);
    expect(select.value).toBe('he');
    expect(set.point()).toEqual({ start: 'he', values: {} });
    expect(set.set('W5', 2)).toBe(true);
    expect(set.set('sample', 3)).toBe(false);
    expect(set.params[4]).toBe(2);
    expect(select.value).toBe(CUSTOM);
    expect(set.load('dead-unit')).toBe(true);
    expect(set.load('nonsense')).toBe(false);
    expect(set.params).toEqual(presetParameters('dead-unit'));
    expect(shown.B1).toBe(-5);
    expect(select.value).toBe('dead-unit');
  });

  it('keeps replaced values exact while the fields show them rounded', () => {
    const { shown, controls, select } = fields();
    const set = new ParameterSet({ start: 'he', values: {} }, controls, select);
    const next = Float64Array.from({ length: 9 }, (_, j) => j + 0.123456789);
    set.replace(next);
    expect(set.params).toEqual(next);
    expect(shown.W1).toBe(0.1235);
    expect(set.custom).toBe(true);
  });
});
