import { describe, expect, it } from 'vitest';
import { deadUnitsSettings as schema } from '../../../src/experiments/dead-units/settings';
import { expectNotice, expectUnknownSettings } from '../../helpers/notice';

const parse = (source: Parameters<typeof schema.parse>[0]) => schema.parse(source);

describe('the dead-units settings', () => {
  it('start from the write-up’s example on squeezed inputs, η = 0.01, 2,000 epochs', () => {
    expect(parse({})).toEqual({ config: schema.defaults, notices: [] });
    expect(schema.defaults).toEqual({ start: 'writeup-example', initSeed: 1, scaling: 'squeezed', learningRate: 0.01, epochs: 2000 });
  });

  it('open a link written before the schema to the same config (same keys, same value formats)', () => {
    const old = 'start=writeup-example&initSeed=1&scaling=squeezed&learningRate=0.01&epochs=2000';
    expect(parse(new URLSearchParams(old))).toEqual({ config: schema.defaults, notices: [] });
    expect(schema.serialise(schema.defaults).toString()).toBe(old);
    const { config, notices } = parse({ start: 'he', initSeed: '7', scaling: 'min-max', learningRate: '0.003', epochs: '500' });
    expect(notices).toEqual([]);
    expect(config).toEqual({ start: 'he', initSeed: 7, scaling: 'minmax', learningRate: 0.003, epochs: 500 });
    expect(parse(schema.serialise(config)).config).toEqual(config);
  });

  it('accept the scaling’s other names', () => {
    expect(parse({ scaling: 'Z score' }).config.scaling).toBe('zscore');
    expect(parse({ scaling: 'x/range' }).config.scaling).toBe('squeezed');
    expect(parse({ scaling: 'none' }).config.scaling).toBe('none');
    expect(parse({ scaling: 'log' }).notices).toHaveLength(1);
  });

  it('ignore garbled or unknown settings with a notice each, keeping the defaults', () => {
    const { config, notices } = parse({ start: 'zeros', scaling: 'cubes', learningRate: '0.00001', epochs: '1e308', initSeed: 'NaN' });
    expect(config).toEqual(schema.defaults);
    expect(notices).toHaveLength(5);
    expectNotice(notices[0], { names: 'Starting values', quotes: 'zeros' });
    expectNotice(notices[1], { names: 'Scaling', quotes: 'cubes', uses: 'x ÷ range' });
    expectNotice(notices[2], { names: 'Learning rate η', says: /at least/, uses: '0.0001' });
    expectNotice(notices[3], { names: 'Epochs', says: /at most/, uses: '20,000' });
    expectNotice(notices[4], { names: 'Starting seed', says: /actual number/ });
    expectUnknownSettings(parse({ colour: 'red' }).notices, ['colour']);
  });
});
