import { describe, expect, it } from 'vitest';
import { initParams, lossAndGradient, makeDataset } from '../../../src/trainer';
import { playgroundLinkNotices, PLAYGROUND_CONSOLE } from '../../../src/experiments/playground/link';
import { partialsView } from '../../../src/widgets/playground/partials';
import { PANELS, trainingConsoleSettings } from '../../../src/experiments/training-console/settings';
import { expectUnknownSettings } from '../../helpers/notice';

const data = makeDataset({ n: 80 });

describe('the playground’s link', () => {
  it('has nothing to say about a clean link, or one the playground wrote itself', () => {
    expect(playgroundLinkNotices('')).toEqual([]);
    const own = new URLSearchParams([...trainingConsoleSettings.serialise({ ...trainingConsoleSettings.defaults, ...PLAYGROUND_CONSOLE, hidden: 3, schedule: 'plateau' })].map(([k, v]) => [`play.${k}`, v]));
    own.set('slice.x', 'x2h3');
    own.set('slice.y', 'B3');
    own.set('slice.span', '0.5');
    expect(playgroundLinkNotices(`?${own}`)).toEqual([]);
  });

  it('names garbled and unknown settings of both parts, and nothing else on the page’s address', () => {
    const notices = playgroundLinkNotices('?play.n=abc&play.schedule=wild&play.colour=red&slice.x=W9&slice.zoom=2&other.thing=1&utm=x');
    expect(notices).toHaveLength(5);
    expect(notices.join(' ')).toMatch(/play\.colour/);
    expect(notices.join(' ')).toMatch(/slice\.zoom/);
    expect(notices.join(' ')).toMatch(/“W9”/);
    expect(notices.join(' ')).not.toMatch(/other|utm/);
  });

  it('names a setting spelt in the wrong case once, in the widget’s own words', () => {
    expectUnknownSettings(playgroundLinkNotices('?play.datAseed=4&slice.SPAN=3'), ['datAseed', 'SPAN']);
  });

  it('shows every panel and control group of the console', () => {
    expect(PLAYGROUND_CONSOLE.panels).toEqual([...PANELS]);
    expect(trainingConsoleSettings.parse(trainingConsoleSettings.serialise({ ...trainingConsoleSettings.defaults, ...PLAYGROUND_CONSOLE })).notices).toEqual([]);
  });
});

describe('the table of all partial derivatives', () => {
  it('has one row per parameter with backpropagation’s value beside a finite difference that agrees with it', () => {
    for (const H of [1, 3, 8]) {
      const params = initParams({ preset: 'he', seed: 2, hidden: H });
      const view = partialsView(params, data, H);
      expect(view.rows).toHaveLength(4 * H + 1);
      const grad = lossAndGradient(params, data, H).grad;
      view.rows.forEach((row, j) => {
        expect(Number(row[2].replace('−', '-').replace(/,/g, ''))).toBeCloseTo(grad[j], 3);
        const difference = Math.abs(Number(row[4].replace('−', '-')));
        expect(difference).toBeLessThan(1e-5);
      });
      expect(view.caption).toContain(`H = ${H}`);
      expect(view.agreement).toMatch(/largest difference/);
    }
  });

  it('names values too large to represent in words, never NaN', () => {
    const params = initParams({ preset: 'he', seed: 2, hidden: 3 });
    params[6] = 1e300;
    const view = partialsView(params, data, 3);
    expect(JSON.stringify(view)).not.toMatch(/NaN|undefined/);
    expect(view.agreement).toMatch(/too large to represent/);
  });
});
