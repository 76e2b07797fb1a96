// The teacher's guide's experiment links: each one must open the console with exactly the
// settings it names — no notice of an ignored or garbled setting — under any base path.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONSOLE_CONTROLS, EXPERIMENTS, orderedSettings, settingsInWords } from '../../src/experiments/guide/links';
import { experimentHref } from '../../src/lib/experimentHref';
import { readSharedState, unknownSettings } from '../../src/experiments/link';
import { trainingConsoleSettings } from '../../src/experiments/training-console/settings';

const KEYS = trainingConsoleSettings.keys as readonly string[];
const all = EXPERIMENTS.flatMap((experiment) => experiment.links.map((link) => ({ experiment, link, name: `${experiment.id}: ${link.label}` })));

describe('experiment links', () => {
  it.each(all)('$name parses back with the console’s parser, without notices', ({ experiment, link }) => {
    const href = experimentHref(experiment, link, '/', KEYS);
    const url = new URL(href, 'https://school.example');
    const state = readSharedState(url.search, experiment.target.shareKey);
    expect(unknownSettings(state, KEYS)).toEqual([]);
    const { config, notices } = trainingConsoleSettings.parse(Object.fromEntries(state.settings));
    expect(notices).toEqual([]);
    // Every setting arrives unchanged: the console would write it back the same way.
    for (const [key, value] of Object.entries(link.settings)) {
      expect(trainingConsoleSettings.fields[key as keyof typeof config].write(config[key as keyof typeof config] as never), key).toBe(value);
    }
    expect([...state.locked]).toEqual([...(experiment.lock ?? [])]);
    expect([...state.hidden]).toEqual([...(experiment.hide ?? [])]);
    expect(url.hash).toBe(`#widget-${experiment.target.shareKey}`);
  });

  it.each(['/', '/ml/', '/school/course/'])('stays under the base path %s', (base) => {
    for (const { experiment, link } of all) {
      const href = experimentHref(experiment, link, base, KEYS);
      expect(href.startsWith(`${base}lessons/${experiment.target.lesson}/?`)).toBe(true);
      expect(href).not.toMatch(/^[a-z]+:|^\/\/|invalid/);
    }
  });

  it('locks and hides only controls the console has', () => {
    const names = CONSOLE_CONTROLS.map((c) => c.name as string);
    for (const control of names) expect(KEYS).toContain(control);
    for (const experiment of EXPERIMENTS) {
      for (const name of [...(experiment.lock ?? []), ...(experiment.hide ?? [])]) expect(names).toContain(name);
    }
  });

  it('points at a lesson that has a console with the target’s share key', () => {
    for (const { lesson, shareKey } of new Set(EXPERIMENTS.map((e) => e.target))) {
      const file = `content/lessons/${lesson}.mdx`;
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`<TrainingConsole\\b[^>]*\\bshareKey="${shareKey}"`));
    }
  });

  it('gives every experiment its own anchor and every link its own label', () => {
    const ids = EXPERIMENTS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    for (const e of EXPERIMENTS) expect(new Set(e.links.map((l) => l.label)).size).toBe(e.links.length);
  });

  it('writes settings in the console’s order, whatever order they were listed in', () => {
    expect([...orderedSettings({ epoch: '5', init: 'zeros', n: '30' }, KEYS).keys()]).toEqual(['n', 'init', 'epoch']);
  });

  it('says a link’s settings in words, for a printed card', () => {
    expect(settingsInWords({ init: 'writeup', initSeed: '97', learningRate: '0.001', epoch: '3000' })).toBe(
      'Starting values: The write-up\'s random scheme, starting seed 97, η = 0.001; opens at epoch 3,000',
    );
    expect(settingsInWords({ x1Low: '-50', x1High: '50', scaling: 'none', epoch: '20' })).toBe('x₁ from −50 to 50, scaling none (raw); opens at epoch 20');
    expect(settingsInWords({})).toBe('the console’s own settings');
    for (const { link } of all) expect(settingsInWords(link.settings)).not.toMatch(/undefined|NaN/);
  });
});
