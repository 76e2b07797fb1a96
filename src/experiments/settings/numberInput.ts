// What a student typed into a number field, checked. Every failure says what is wrong and
// what would be accepted, in words; nothing here throws.

export interface NumberInputRules {
  min: number;
  max: number;
  /** Only whole numbers are allowed (sample counts, seeds, noise ends). */
  integer?: boolean;
  /** How the field is named in messages, e.g. "The number of samples". */
  label: string;
}

export type NumberInputResult = { ok: true; value: number } | { ok: false; message: string };

// Plain decimal or scientific notation. Number() alone would accept '', '0x1f', ' ', 'Infinity'.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

// One formatter for every message: toLocaleString builds a new one on each call, and parsing a
// widget's settings at start-up (every field, each time they are read) spent 50 ms of a
// playground's start in it (issue 17). Same output: toLocaleString is this formatter's format.
let sixDecimals: Intl.NumberFormat | null = null;

/** Shows a number in a message the way a student would type it. */
function plain(n: number): string {
  // Very large and very small limits (a learning rate down to 1e-16) in powers of ten: six
  // decimals would print 1e-16 as "0".
  const size = Math.abs(n);
  if (size >= 1e15 || (size > 0 && size < 1e-4)) return n.toExponential();
  sixDecimals ??= new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });
  return sixDecimals.format(n);
}

function quote(text: string): string {
  return text.length > 24 ? `“${text.slice(0, 21)}…”` : `“${text}”`;
}

export function describeRange(rules: NumberInputRules): string {
  const kind = rules.integer ? 'a whole number' : 'a number';
  return `${kind} from ${plain(rules.min)} to ${plain(rules.max)}`;
}

export function parseNumberInput(text: string | null | undefined, rules: NumberInputRules): NumberInputResult {
  const { label } = rules;
  // Worded only for a message: most reads succeed.
  const range = () => describeRange(rules);
  // The page prints negatives with the true minus sign (−5); accept it when copied back.
  const trimmed = String(text ?? '').trim().replace(/[\u2212\u2012\u2013]/g, '-');
  if (trimmed === '') return { ok: false, message: `${label} is empty. Type ${range()}.` };
  if (/^[+-]?nan$/i.test(trimmed)) {
    return { ok: false, message: `${label} must be an actual number. Type ${range()}.` };
  }
  if (/^[+-]?(infinity|inf|∞)$/i.test(trimmed)) {
    return { ok: false, message: `${label} must be a finite number. Type ${range()}.` };
  }
  // Thousands commas as the page prints them (10,000) are fine; a lone decimal comma is not.
  const ungrouped = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(trimmed) ? trimmed.replace(/,/g, '') : trimmed;
  if (/^[+-]?\d*,\d+$/.test(ungrouped)) {
    return { ok: false, message: `${label}: use a dot for decimals (type ${trimmed.replace(',', '.')}).` };
  }
  if (!NUMBER.test(ungrouped)) return { ok: false, message: `${quote(trimmed)} is not a number. ${label} needs ${range()}.` };
  const value = Number(ungrouped);
  if (!Number.isFinite(value)) {
    return { ok: false, message: `${quote(trimmed)} is too large to work with. ${label} needs ${range()}.` };
  }
  if (rules.integer && !Number.isInteger(value)) {
    return { ok: false, message: `${label} must be a whole number (no decimals). Type ${range()}.` };
  }
  if (value < rules.min) {
    return { ok: false, message: `${label} must be at least ${plain(rules.min)}; ${quote(trimmed)} is too small.` };
  }
  if (value > rules.max) {
    return { ok: false, message: `${label} must be at most ${plain(rules.max)}; ${quote(trimmed)} is too large.` };
  }
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}
