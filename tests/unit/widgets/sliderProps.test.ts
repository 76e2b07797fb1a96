import { describe, expect, it } from 'vitest';
import { sliderProps } from '../../../src/widgets/kit/sliderProps';

describe('sliderProps', () => {
  it('takes the label and limits from the rules and the value from the config', () => {
    expect(sliderProps('runs', { min: 1, max: 200, integer: true, label: 'Seeds per setup' }, 100)).toEqual({
      name: 'runs', label: 'Seeds per setup', value: 100, min: 1, max: 200, integer: true,
    });
  });

  it('passes the slider options on, and treats missing integer as false', () => {
    expect(sliderProps('rate', { min: 0.001, max: 1, label: 'η' }, 0.01, { log: true, hint: 'per epoch' })).toEqual({
      name: 'rate', label: 'η', value: 0.01, min: 0.001, max: 1, integer: false, log: true, hint: 'per epoch',
    });
  });
});
