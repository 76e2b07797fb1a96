// Numbers for people to read. Nothing shown on the page may say "NaN" or "undefined":
// a value that is not a finite number is named in words instead.
import { format } from 'd3-format';

const decimal = format(',.4~r');
const scientific = format('.3~e');
const whole = format(',d');
const fixed = (digits: number) => format(`,.${digits}f`);

/** The word for a value that is not a finite number, or null for a finite one. */
export function nonFiniteWord(value: unknown): string | null {
  if (typeof value !== 'number' || Number.isNaN(value)) return 'not a number';
  if (value === Infinity) return 'infinite';
  if (value === -Infinity) return '−infinite';
  return null;
}

/**
 * Four significant figures with thousands separators (12,350; 0.0123; −5), switching to
 * powers of ten for the very large or very small (1.23e+12). Uses the true minus sign.
 */
export function formatNumber(value: unknown): string {
  const word = nonFiniteWord(value);
  if (word !== null) return word;
  const v = value as number;
  const size = Math.abs(v);
  if (size !== 0 && (size >= 1e9 || size < 1e-4)) return scientific(v);
  return decimal(v);
}

/**
 * Four significant figures like formatNumber, but keeping the zeros that rounding leaves: −9.0004
 * prints as −9.000, not as −9, which reads as exact. A value that is what the short text says
 * (8.47, 0, 1) keeps the short text. For values a student compares with a hand computation.
 */
export function formatSignificant(value: unknown): string {
  const text = formatNumber(value);
  if (nonFiniteWord(value) !== null) return text;
  const v = value as number;
  const size = Math.abs(v);
  if (size === 0 || size >= 1e9 || size < 1e-4 || Number(text.replace('−', '-').replace(/,/g, '')) === v) return text;
  return format(',.4r')(v);
}

/** Three significant figures, for compact labels such as a legend's ends (−1.71, 9.98). */
export function formatShort(value: unknown): string {
  const word = nonFiniteWord(value);
  if (word !== null) return word;
  const v = value as number;
  const size = Math.abs(v);
  if (size !== 0 && (size >= 1e6 || size < 1e-3)) return format('.2~e')(v);
  return format(',.3~r')(v);
}

/** A fixed number of decimals (for tables whose columns should line up). */
export function formatFixed(value: unknown, digits = 3): string {
  const word = nonFiniteWord(value);
  if (word !== null) return word;
  const v = value as number;
  if (Math.abs(v) >= 1e9) return scientific(v);
  // −0.000 reads as a sign error; show 0.000.
  const text = fixed(digits)(v);
  return /^−0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** A whole number with thousands separators (10,000). */
export function formatInteger(value: unknown): string {
  const word = nonFiniteWord(value);
  if (word !== null) return word;
  return whole(Math.round(value as number));
}

/** "1 epoch", "2,000 epochs": a count with its noun, singular only for exactly one. */
export function formatCount(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatInteger(value)} ${Math.round(value) === 1 ? singular : plural}`;
}

/** Axis tick labels: d3's own choice for ordinary ranges, powers of ten for extreme ones. */
export function tickFormatter(domain: readonly number[], fallback: (n: number) => string): (n: number) => string {
  const size = Math.max(...domain.map(Math.abs));
  if (size >= 1e6) return (n) => (n === 0 ? '0' : format('.2~e')(n));
  return fallback;
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/**
 * A power of ten as people write it, with a superscript exponent: 10⁻⁶, or 1.4 × 10⁻⁸ with
 * `digits` significant figures before it (none for an exact power). For axis labels and prose
 * where "1.4e-8" would read as code.
 */
export function formatPowerOfTen(value: unknown, digits = 2): string {
  const word = nonFiniteWord(value);
  if (word !== null) return word;
  const v = value as number;
  if (v === 0) return '0';
  const [mantissa, exponent] = v.toExponential(Math.max(0, digits - 1)).split('e');
  const power = `10${[...String(Number(exponent))].map((c) => SUPERSCRIPT[c]).join('')}`;
  const m = Number(mantissa);
  if (m === 1) return power;
  if (m === -1) return `−${power}`;
  return `${String(m).replace('-', '−')} × ${power}`;
}

/** Ordinary numbers near 1 plainly, powers of ten far from it (10²⁷ reads better than 1e+27). */
export function formatScaled(value: number): string {
  const size = Math.abs(value);
  return size !== 0 && Number.isFinite(size) && (size >= 1e4 || size < 1e-3) ? formatPowerOfTen(value) : formatNumber(value);
}

/** A loss "too large to represent" (infinite) is named in words, never shown as a number. */
export function formatLoss(loss: number): string {
  return Number.isFinite(loss) ? formatNumber(loss) : 'too large to represent';
}

/** A value that may have overflowed: too large ones are named, not printed. */
export function formatBig(value: number): string {
  return Number.isFinite(value) ? formatNumber(value) : 'too large';
}

/** R² with three decimals; far below zero it switches to a compact form (−1.2e+6). */
export function formatR2(r2: number): string {
  if (!Number.isFinite(r2)) return 'far below 0';
  return r2 < -999 ? formatNumber(r2) : formatFixed(r2, 3);
}
