import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNumberInput, type NumberInputRules } from '../../../src/experiments/settings/numberInput';
import { expectNotice } from '../../helpers/notice';

const samples = { min: 1, max: 10_000, integer: true, label: 'The number of samples' };
const range = { min: -100, max: 100, label: 'Lowest x1' };

function message(text: string, rules: NumberInputRules = samples): string {
  const result = parseNumberInput(text, rules);
  if (result.ok) throw new Error(`expected "${text}" to be refused, got ${result.value}`);
  return result.message;
}

describe('parseNumberInput', () => {
  it('accepts plain, signed, decimal and scientific numbers with surrounding spaces', () => {
    expect(parseNumberInput(' 300 ', samples)).toEqual({ ok: true, value: 300 });
    expect(parseNumberInput('1e3', samples)).toEqual({ ok: true, value: 1000 });
    expect(parseNumberInput('+2.5', range)).toEqual({ ok: true, value: 2.5 });
    expect(parseNumberInput('-.5', range)).toEqual({ ok: true, value: -0.5 });
    expect(parseNumberInput('7.', range)).toEqual({ ok: true, value: 7 });
  });

  it('accepts the true minus sign and thousands commas, as the page prints numbers', () => {
    expect(parseNumberInput('−5', range)).toEqual({ ok: true, value: -5 });
    expect(parseNumberInput('10,000', samples)).toEqual({ ok: true, value: 10_000 });
  });

  it('turns negative zero into zero', () => {
    const result = parseNumberInput('-0', range);
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  it('says a field is empty when it holds nothing or only spaces', () => {
    expectNotice(message(''), { names: 'number of samples', says: /empty/, uses: ['1', '10,000'] });
    expect(message('   ')).toMatch(/is empty/);
  });

  it('says what was typed is not a number, quoting it', () => {
    expectNotice(message('abc'), { names: 'number of samples', quotes: '“abc”', says: /not a number/, uses: ['1', '10,000'] });
    expect(message('0x10')).toMatch(/not a number/);
    expect(message('1 000')).toMatch(/not a number/);
  });

  it('shortens a long quoted entry', () => {
    expect(message('x'.repeat(200))).toContain('“xxxxxxxxxxxxxxxxxxxxx…”');
  });

  it('explains NaN and infinity in words', () => {
    expectNotice(message('NaN'), { names: 'number of samples', says: /actual number/, uses: ['1', '10,000'] });
    expect(message('Infinity')).toMatch(/must be a finite number/);
    expect(message('-inf')).toMatch(/finite/);
  });

  it('refuses numbers beyond the range, including huge ones, and says the limit', () => {
    expectNotice(message('1e308'), { names: 'number of samples', quotes: '“1e308”', says: /at most|too large/, uses: '10,000' });
    expect(message('1e999')).toMatch(/too large to work with/);
    expectNotice(message('-5'), { names: 'number of samples', quotes: '“-5”', says: /at least|too small/, uses: '1' });
    expect(message('0')).toMatch(/at least 1/);
  });

  it('refuses decimals where only whole numbers make sense', () => {
    expect(message('2.5')).toMatch(/must be a whole number/);
  });

  it('points out a decimal comma', () => {
    expectNotice(message('1,5', range), { names: 'lowest x1', says: /dot/, uses: '1.5' });
  });

  it('never throws, and every message is words without NaN or undefined', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseNumberInput(text, samples);
        if (result.ok) return Number.isInteger(result.value) && result.value >= 1 && result.value <= 10_000;
        // What the student typed is quoted back; everything else must be words.
        return result.message.length > 0 && !/undefined|NaN/.test(result.message.replace(/“[^”]*”/g, ''));
      }),
    );
  });

  it('accepts every whole number in range, written out', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => parseNumberInput(String(n), samples).ok));
  });
});

describe('parseNumberInput with very small limits', () => {
  it('names a limit below 0.0001 in powers of ten, never as 0', () => {
    const r = parseNumberInput('0', { min: 1e-16, max: 10, label: 'The learning rate' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('1e-16');
    const s = parseNumberInput('x', { min: 1e-16, max: 10, label: 'The learning rate' });
    if (!s.ok) expect(s.message).toContain('from 1e-16 to 10');
  });
});
