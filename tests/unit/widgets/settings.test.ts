import { describe, expect, it } from 'vitest';
import { parseSettings, serializeSettings } from '../../../src/widgets/kit/settings';
import { expectNotice, expectUnknownSettings } from '../../helpers/notice';

interface Demo {
  shape: 'circle' | 'square';
  size: number;
  count: number;
}
const spec = {
  defaults: { shape: 'circle', size: 1, count: 3 } as Demo,
  choices: { shape: { options: [{ value: 'circle' as const }, { value: 'square' as const }], name: 'the shape', normalise: (t: string) => t.replace(/-/g, '') } },
  numbers: { size: { min: 0, max: 10, label: 'The size' }, count: { min: 1, max: 5, integer: true, label: 'The count' } },
};

describe('parseSettings', () => {
  it('reads choices (any case, after normalising) and numbers, from a link or a record', () => {
    expect(parseSettings(new URLSearchParams('shape=SQUARE&size=2.5&count=5'), spec)).toEqual({ config: { shape: 'square', size: 2.5, count: 5 }, notices: [] });
    expect(parseSettings({ shape: 'squ-are' }, spec).config.shape).toBe('square');
  });

  it('keeps the default and says so for a bad choice, a bad number and an unknown key', () => {
    const { config, notices } = parseSettings({ shape: 'oval', size: '11', count: '2.5', colour: 'red' }, spec);
    expect(config).toEqual(spec.defaults);
    expect(notices).toHaveLength(4);
    expectNotice(notices[0], { names: 'shape', quotes: 'oval', uses: ['circle', 'square'] });
    expectNotice(notices[1], { names: 'size', quotes: '11', says: /at most|too large/, uses: ['10', 'Using 1'] });
    expectNotice(notices[2], { names: 'count', says: /whole number/, uses: ['5', '3'] });
    expectUnknownSettings(notices.slice(3), ['colour']);
  });

  it('never changes the defaults object and round-trips through serializeSettings', () => {
    const config: Demo = { shape: 'square', size: 0.25, count: 2 };
    const params = serializeSettings(config, ['shape', 'size', 'count']);
    expect(params.toString()).toBe('shape=square&size=0.25&count=2');
    expect(parseSettings(params, spec).config).toEqual(config);
    expect(spec.defaults).toEqual({ shape: 'circle', size: 1, count: 3 });
  });
});

describe('parseSettings with readers of their own', () => {
  interface Listed {
    sizes: number[];
    size: number;
  }
  const listSpec = {
    defaults: { sizes: [1, 2], size: 1 } as Listed,
    numbers: { size: { min: 0, max: 10, label: 'The size' } },
    readers: {
      sizes: (text: string) => {
        const values = text.split(',').map(Number);
        return values.every(Number.isFinite) ? { ok: true as const, value: values } : { ok: false as const, message: 'The sizes must be numbers.' };
      },
    },
    show: (key: keyof Listed, value: unknown) => (key === 'sizes' ? (value as number[]).join(', ') : String(value)),
  };

  it('reads a setting with its own function, and says what is used instead of a bad one', () => {
    expect(parseSettings({ sizes: '3,4' }, listSpec)).toEqual({ config: { sizes: [3, 4], size: 1 }, notices: [] });
    const { notices } = parseSettings({ sizes: '3,x' }, listSpec);
    expect(notices).toHaveLength(1);
    expectNotice(notices[0], { names: 'sizes', says: /number/, uses: '1, 2' });
  });

  it('writes each value through show', () => {
    expect(serializeSettings({ sizes: [3, 4], size: 2 }, ['sizes', 'size'], listSpec.show).toString()).toBe('sizes=3%2C+4&size=2');
  });
});
