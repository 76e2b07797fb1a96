// The settings of Part IV's three widgets: the backward sweep, the matrix form and the deeper network.
import { describe, expect, it } from 'vitest';
import { backwardGraphSettings, graphNodeCount } from '../../../src/experiments/backward-graph/settings';
import { matrixFormSettings } from '../../../src/experiments/matrix-form/settings';
import { deepNetworkSettings, parseWidths } from '../../../src/experiments/deep-network/settings';

describe('the backward-sweep settings', () => {
  it('start before the sweep, on the write-up’s example, with one sample', () => {
    expect(backwardGraphSettings.parse({})).toEqual({ config: { start: 'writeup-example', samples: 1, step: 0 }, notices: [] });
  });

  it('count one step per node: 29 for one sample, 19 more for each further sample', () => {
    expect([1, 2, 3].map(graphNodeCount)).toEqual([29, 48, 67]);
  });

  it('stop a link that asks for more steps than its sweep has at the end, with a notice', () => {
    const { config, notices } = backwardGraphSettings.parse({ samples: '1', step: '50' });
    expect(config.step).toBe(29);
    expect(notices[0]).toMatch(/29 steps, not 50/);
    expect(backwardGraphSettings.parse({ samples: '3', step: '50' })).toEqual({ config: { start: 'writeup-example', samples: 3, step: 50 }, notices: [] });
  });

  it('refuse bad values with a notice and keep the default', () => {
    for (const [key, text] of [['samples', '0'], ['samples', '4'], ['samples', 'two'], ['step', '-1'], ['step', '1.5'], ['start', 'random']] as const) {
      const { config, notices } = backwardGraphSettings.parse({ [key]: text });
      expect(config).toEqual(backwardGraphSettings.defaults);
      expect(notices).toHaveLength(1);
    }
  });

  it('round-trip through a link', () => {
    const config = { start: 'dead-unit' as const, samples: 2, step: 17 };
    expect(backwardGraphSettings.parse(backwardGraphSettings.serialise(config)).config).toEqual(config);
  });
});

describe('the matrix-form settings', () => {
  it('start on lesson 6’s example and W3', () => {
    expect(matrixFormSettings.parse({})).toEqual({ config: { network: '2-H-1', h1: 2, h2: 2, start: 'writeup-example', seed: 1, entry: 3 }, notices: [] });
  });

  it('move a link that puts the write-up’s nine values on another network to a He start, saying so', () => {
    const { config, notices } = matrixFormSettings.parse({ network: '2-H-H-1', start: 'writeup-example' });
    expect(config.start).toBe('he');
    expect(notices[0]).toMatch(/only fits the 2-2-1 network, not 2-2-2-1/);
    expect(matrixFormSettings.parse({ h1: '3', start: 'writeup-example' }).notices[0]).toMatch(/not 2-3-1/);
  });

  it('quietly start another network from He when the link names only its shape', () => {
    expect(matrixFormSettings.parse({ network: '2-H-H-1' })).toEqual({ config: { network: '2-H-H-1', h1: 2, h2: 2, start: 'he', seed: 1, entry: 3 }, notices: [] });
    expect(matrixFormSettings.parse({ h1: '5' })).toEqual({ config: { network: '2-H-1', h1: 5, h2: 2, start: 'he', seed: 1, entry: 3 }, notices: [] });
  });

  it('open the first version’s links on the networks they named', () => {
    expect(matrixFormSettings.parse({ network: '2-2-2-1', start: 'he', entry: '15' })).toEqual({ config: { network: '2-H-H-1', h1: 2, h2: 2, start: 'he', seed: 1, entry: 15 }, notices: [] });
    expect(matrixFormSettings.parse({ network: '2-2-1' }).config.network).toBe('2-H-1');
  });

  it('refuse an entry the network does not have', () => {
    const { config, notices } = matrixFormSettings.parse({ entry: '12' });
    expect(config.entry).toBe(1);
    expect(notices[0]).toMatch(/9 parameters, not 12/);
    expect(matrixFormSettings.parse({ network: '2-H-H-1', h1: '8', h2: '8', entry: '105' }).config.entry).toBe(105);
    expect(matrixFormSettings.parse({ network: '2-H-H-1', h1: '8', h2: '8', entry: '106' }).notices[0]).toMatch(/Parameter/);
  });

  it('explain widths that are not 1 to 8 and keep the ones before', () => {
    for (const text of ['0', '99', 'abc', '2.5', '-1', '']) {
      const { config, notices } = matrixFormSettings.parse({ network: '2-H-H-1', h1: '3', h2: text });
      expect(config.h2, text).toBe(2);
      expect(notices, text).toHaveLength(1);
      expect(notices[0], text).toMatch(/Width H₂/);
    }
  });

  it('round-trip any network through a link', () => {
    const config = { network: '2-H-H-1' as const, h1: 7, h2: 1, start: 'he' as const, seed: 12, entry: 30 };
    expect(matrixFormSettings.parse(matrixFormSettings.serialise(config))).toEqual({ config, notices: [] });
  });
});

describe('the deeper-network settings', () => {
  it('read widths written in several ways', () => {
    for (const text of ['3,3', '3, 3', '3 3', '3-3', '[3,3]', ' 3 ; 3 ']) expect(parseWidths(text, 'W')).toEqual({ ok: true, value: [3, 3] });
    expect(parseWidths('16', 'W')).toEqual({ ok: true, value: [16] });
    expect(parseWidths('1,2,3,4', 'W')).toEqual({ ok: true, value: [1, 2, 3, 4] });
  });

  it('explain widths that do not make a network', () => {
    for (const text of ['', 'abc', '0', '17', '3.5', '1,2,3,4,5', 'NaN', '1e308', '-2']) {
      const result = parseWidths(text, 'Hidden layers');
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^Hidden layers/);
    }
  });

  it('compare 2-3-3-1 with 2-6-1 by default, and with nothing when the field is empty or says none', () => {
    expect(deepNetworkSettings.defaults).toMatchObject({ widths: [3, 3], against: [6] });
    expect(deepNetworkSettings.parse({ against: '' }).config.against).toBeNull();
    expect(deepNetworkSettings.parse({ against: 'none' }).config.against).toBeNull();
  });

  it('keep the defaults for a bad link and say why', () => {
    const { config, notices } = deepNetworkSettings.parse({ widths: '99', learningRate: '-1', epochs: '1e9' });
    expect(config).toEqual(deepNetworkSettings.defaults);
    expect(notices).toHaveLength(3);
    expect(notices[1]).toMatch(/must be positive/);
  });

  it('round-trip through a link', () => {
    const config = { widths: [4, 2], against: null, learningRate: 0.02, initSeed: 7, epochs: 300 };
    expect(deepNetworkSettings.parse(deepNetworkSettings.serialise(config)).config).toEqual(config);
  });
});
