import { describe, expect, it } from 'vitest';
import { readSharedState, shareUrl, unknownSettings } from '../../../src/experiments/link';

describe('shareable links', () => {
  it('reads only the settings under the widget’s own prefix', () => {
    const state = readSharedState('?data.n=3000&data.seed=4&console.lr=0.1&n=5', 'data');
    expect(Object.fromEntries(state.settings)).toEqual({ n: '3000', seed: '4' });
  });

  it('reads a teacher’s lock and hide lists and keeps them out of the settings', () => {
    const state = readSharedState('?c.lock=seed,%20learningRate&c.hide=batchSize&c.seed=3', 'c');
    expect([...state.locked]).toEqual(['seed', 'learningRate']);
    expect([...state.hidden]).toEqual(['batchSize']);
    expect(Object.fromEntries(state.settings)).toEqual({ seed: '3' });
  });

  it('ignores garbled names and overlong values instead of breaking', () => {
    const state = readSharedState(`?data.<script>=1&data.n=${'9'.repeat(500)}&data.lock=%3Cb%3E,ok&%E0%A4%A=1`, 'data');
    expect([...state.settings.keys()]).toEqual([]);
    expect([...state.locked]).toEqual(['ok']);
  });

  it('names the settings a widget does not know', () => {
    const state = readSharedState('?d.n=1&d.colour=red', 'd');
    expect(unknownSettings(state, ['n'])).toEqual(['colour']);
  });

  it('replaces its own settings, keeps other widgets’ settings and points at the widget', () => {
    const url = shareUrl('https://school.example/course/lessons/01/?data.n=10&console.lr=0.1#top', 'data', new URLSearchParams({ n: '300', seed: '2' }), { locked: ['seed'] }, 'explorer');
    const parsed = new URL(url);
    expect(parsed.pathname).toBe('/course/lessons/01/');
    expect(parsed.searchParams.get('data.n')).toBe('300');
    expect(parsed.searchParams.get('data.seed')).toBe('2');
    expect(parsed.searchParams.get('data.lock')).toBe('seed');
    expect(parsed.searchParams.get('console.lr')).toBe('0.1');
    expect(parsed.hash).toBe('#explorer');
  });

  it('round-trips: a link’s settings read back as they were written', () => {
    const settings = new URLSearchParams({ n: '3000', scaling: 'minmax', seed: '17' });
    const url = shareUrl('http://localhost/', 'data', settings, { hidden: ['scaling'] });
    const state = readSharedState(new URL(url).search, 'data');
    expect(Object.fromEntries(state.settings)).toEqual(Object.fromEntries(settings));
    expect([...state.hidden]).toEqual(['scaling']);
  });
});
