import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkChecksum, mendedSearch, readSharedState, shareUrl } from '../../../src/experiments/link';
import { trainingConsoleSettings } from '../../../src/experiments/training-console/settings';

const page = 'https://school.example/course/lessons/07-gradient-descent/';
const settings = new URLSearchParams({ lr: '0.03', is: '4', h: '16', e: '3000' });
const whole = shareUrl(page, 'console', settings, { locked: ['initSeed', 'learningRate'], hidden: ['batchSize'] }, 'widget-console');
const search = (url: string) => new URL(url).search;

describe('a link’s checksum', () => {
  it('is written first among the widget’s entries and a whole link matches it', () => {
    const names = [...new URL(whole).searchParams.keys()];
    expect(names[0]).toBe('console.c');
    expect(readSharedState(search(whole), 'console').integrity).toBe('whole');
  });

  it('finds a link cut anywhere after the checksum, and still reads what is left', () => {
    const query = search(whole);
    const start = query.indexOf('console.c=') + 'console.c=xxxx&'.length;
    for (let cut = start + 1; cut < query.length; cut++) {
      const state = readSharedState(query.slice(0, cut), 'console');
      expect(state.integrity, `cut at ${cut}: ${query.slice(0, cut)}`).toBe('broken');
    }
    const cut = readSharedState(query.slice(0, query.indexOf('&console.e')), 'console');
    expect(cut.settings.get('lr')).toBe('0.03');
  });

  it('finds a changed value, a dropped entry and a changed checksum', () => {
    expect(readSharedState(search(whole).replace('lr=0.03', 'lr=0.3'), 'console').integrity).toBe('broken');
    expect(readSharedState(search(whole).replace('&console.h=16', ''), 'console').integrity).toBe('broken');
    const c = new URL(whole).searchParams.get('console.c')!;
    expect(readSharedState(search(whole).replace(`c=${c}`, 'c=zzzz'), 'console').integrity).toBe('broken');
  });

  it('leaves links without a checksum (older links, typed links) unchecked', () => {
    expect(readSharedState('?console.lr=0.03&console.lock=initSeed', 'console').integrity).toBe('unchecked');
  });

  it('does not depend on the order of the entries', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 8 })), { maxLength: 6 }), (entries) => {
        expect(linkChecksum([...entries].reverse())).toBe(linkChecksum(entries));
        expect(linkChecksum(entries)).toMatch(/^[0-9a-z]{4}$/);
      }),
    );
  });
});

describe('a mangled link', () => {
  it('reads &amp; (also doubly escaped) as &', () => {
    expect(mendedSearch('?a.x=1&amp;a.y=2&amp;amp;a.z=3')).toBe('?a.x=1&a.y=2&a.z=3');
    const mangled = search(whole).replaceAll('&', '&amp;');
    const state = readSharedState(mangled, 'console');
    expect(state.integrity).toBe('whole');
    expect([...state.locked]).toEqual(['initSeed', 'learningRate']);
    expect(state.settings.get('h')).toBe('16');
  });

  it('is written back without the escapes', () => {
    const again = shareUrl(`${page}?console.lr=0.1&amp;data.n=30`, 'console', new URLSearchParams({ lr: '0.2' }));
    expect(new URL(again).searchParams.get('data.n')).toBe('30');
    expect(again).not.toMatch(/amp;/);
  });
});

describe('short link names', () => {
  const s = trainingConsoleSettings;

  it('writes only what differs from the page, under short names, and reads them back', () => {
    const config = { ...s.defaults, learningRate: 0.03, initSeed: 4, epoch: 3000 };
    const params = s.serialise(config, s.defaults, { short: true });
    expect([...params.keys()]).toEqual(['is', 'lr', 'e']);
    expect(s.parse(params).config).toEqual(config);
  });

  it('still reads the long names of older links', () => {
    const { config, notices } = s.parse({ learningRate: '0.03', initSeed: '4' });
    expect(notices).toEqual([]);
    expect(config.learningRate).toBe(0.03);
    expect(config.initSeed).toBe(4);
  });

  it('keeps a console link with a changed rate, seed, width and epoch far under a chat message’s length', () => {
    const config = { ...s.defaults, learningRate: 0.03, initSeed: 4, hidden: 16, epoch: 3000, init: 'writeup' as const };
    const url = shareUrl(page, 'console', s.serialise(config, s.defaults, { short: true }), { locked: ['init'], hidden: ['learningRate'] }, 'widget-console');
    const long = shareUrl(page, 'console', s.serialise(config), { locked: ['init'], hidden: ['learningRate'] }, 'widget-console');
    expect(url.length).toBeLessThan(260);
    expect(url.length).toBeLessThan(long.length / 3);
  });
});
