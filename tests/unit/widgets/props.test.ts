import { describe, expect, it } from 'vitest';
import { configFromProps, dataAttributes } from '../../../src/widgets/kit/props';
import { lossExplorerSettings } from '../../../src/experiments/loss-explorer/settings';
import type { ConfigSource } from '../../../src/experiments/settings/source';

const parseLossExplorerConfig = (source: ConfigSource) => lossExplorerSettings.parse(source);

describe('configFromProps', () => {
  it('parses the props as text, skipping the ones left undefined', () => {
    const config = configFromProps('LossExplorer', { parameter: 'W5', axis: undefined, W1: 2 }, parseLossExplorerConfig);
    expect(config).toMatchObject({ parameter: 'W5', axis: 'linear', W1: 2 });
  });

  it('fails the build with the widget’s name and the notice when a prop is wrong', () => {
    expect(() => configFromProps('LossExplorer', { parameter: 'W9' }, parseLossExplorerConfig)).toThrow(/^<LossExplorer>: .*“W9”/); // the widget's name, then the notice quoting the bad prop
  });
});

describe('dataAttributes', () => {
  it('turns each setting into a data-* attribute, camelCase into dashes, as the dataset reads it back', () => {
    const settings = new URLSearchParams({ learningRate: '0.05', start: 'zeros', initSeed: '3' });
    expect(dataAttributes(settings)).toEqual({ 'data-learning-rate': '0.05', 'data-start': 'zeros', 'data-init-seed': '3' });
  });
});
