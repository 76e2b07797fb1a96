import { describe, expect, it } from 'vitest';
import { readWidgetSettings } from '../../../src/widgets/kit/share';
import { forwardPassSettings } from '../../../src/experiments/forward-pass/settings';

const FORWARD_PASS_KEYS = forwardPassSettings.keys;
const parseForwardPassConfig = (source: Record<string, string>) => forwardPassSettings.parse(source);
import { expectUnknownSettings } from '../../helpers/notice';

/** Just enough of an element for readWidgetSettings: its dataset and the page's address. */
function host(dataset: Record<string, string>, search = '') {
  return { dataset, ownerDocument: { location: { search } } } as unknown as HTMLElement;
}

describe('readWidgetSettings', () => {
  it('reads the known data-* attributes, whatever their case, and ignores the rest', () => {
    const { key, config, notices } = readWidgetSettings(host({ start: 'he', w1: '2', sample: '5', astroCid: 'x', shareKey: 'fp' }), 'forward', FORWARD_PASS_KEYS, parseForwardPassConfig);
    expect(key).toBe('fp');
    expect(notices).toEqual([]);
    expect(config).toMatchObject({ start: 'he', W1: 2, sample: 5 });
  });

  it('lets the link override the attributes, and names the link’s unknown settings', () => {
    const { config, notices, shared } = readWidgetSettings(
      host({ sample: '5' }, '?forward.sample=9&forward.colour=red&forward.W2=1&forward.lock=sample&other.sample=2'),
      'forward',
      FORWARD_PASS_KEYS,
      parseForwardPassConfig,
    );
    expect(config.sample).toBe(9);
    expect(config.W2).toBe(1);
    expectUnknownSettings(notices, ['colour']);
    expect([...shared.locked]).toEqual(['sample']);
  });

  it('passes garbled values to the parser, which explains them', () => {
    const { config, notices } = readWidgetSettings(host({}, '?forward.sample=abc'), 'forward', FORWARD_PASS_KEYS, parseForwardPassConfig);
    expect(config.sample).toBe(1);
    expect(notices[0]).toMatch(/“abc” is not a number/);
  });
});
