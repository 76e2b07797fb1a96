import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCount, formatFixed, formatInteger, formatNumber, formatShort, formatSignificant, nonFiniteWord, formatPowerOfTen } from '../../../src/experiments/format';

describe('format', () => {
  it('shows four significant figures with separators and the true minus sign', () => {
    expect(formatNumber(8.66666)).toBe('8.667');
    expect(formatNumber(-5)).toBe('−5');
    expect(formatNumber(12345.6)).toBe('12,350');
    expect(formatNumber(0.0123456)).toBe('0.01235');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
  });

  it('keeps the zeros rounding leaves when asked for significant figures, so a value near a round number does not read as exact', () => {
    expect(formatSignificant(-9.000442455158193)).toBe('−9.000');
    expect(formatSignificant(0.31700028)).toBe('0.3170');
    expect(formatSignificant(8.47)).toBe('8.47');
    expect(formatSignificant(1)).toBe('1');
    expect(formatSignificant(0)).toBe('0');
    expect(formatSignificant(765.2049)).toBe('765.2');
    expect(formatSignificant(12345.6)).toBe('12,350');
    expect(formatSignificant(1.5e-7)).toBe('1.5e-7');
    expect(formatSignificant(Number.NaN)).toBe('not a number');
  });

  it('switches to powers of ten for very large and very small values', () => {
    expect(formatNumber(1.234e12)).toBe('1.234e+12');
    expect(formatNumber(1.5e-7)).toBe('1.5e-7');
  });

  it('names values that are not finite numbers in words', () => {
    for (const f of [formatNumber, formatFixed, formatInteger, formatShort]) {
      expect(f(Number.NaN)).toBe('not a number');
      expect(f(Infinity)).toBe('infinite');
      expect(f(-Infinity)).toBe('−infinite');
      expect(f(undefined)).toBe('not a number');
    }
    expect(nonFiniteWord(3)).toBeNull();
  });

  it('keeps a fixed number of decimals without a lonely minus on zero', () => {
    expect(formatFixed(1.23456, 2)).toBe('1.23');
    expect(formatFixed(-0.0001, 3)).toBe('0.000');
    expect(formatFixed(-1.5, 1)).toBe('−1.5');
  });

  it('writes whole numbers with thousands separators', () => {
    expect(formatInteger(10000)).toBe('10,000');
    expect(formatInteger(2.6)).toBe('3');
  });

  it('never prints NaN or undefined, whatever the number', () => {
    fc.assert(
      fc.property(fc.double(), (v) => [formatNumber(v), formatFixed(v), formatInteger(v), formatShort(v)].every((s) => !/NaN|undefined/.test(s))),
    );
  });

  it('writes powers of ten with a superscript exponent, with or without a factor in front', () => {
    expect(formatPowerOfTen(1e-6)).toBe('10⁻⁶');
    expect(formatPowerOfTen(1.43e-8)).toBe('1.4 × 10⁻⁸');
    expect(formatPowerOfTen(2.5e12, 3)).toBe('2.5 × 10¹²');
    expect(formatPowerOfTen(-0.001)).toBe('−10⁻³');
    expect(formatPowerOfTen(0)).toBe('0');
    expect(formatPowerOfTen(NaN)).toBe('not a number');
  });
});

describe('formatCount', () => {
  it('says the noun in the singular only for exactly one', () => {
    expect(formatCount(1, 'epoch')).toBe('1 epoch');
    expect(formatCount(0, 'epoch')).toBe('0 epochs');
    expect(formatCount(2000, 'epoch')).toBe('2,000 epochs');
    expect(formatCount(3, 'mouse', 'mice')).toBe('3 mice');
  });
});
