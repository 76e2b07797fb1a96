// A numeric exercise's answer, read and judged (pure, shared by the page's check and its tests).
// The tolerance is what the shown answer promises: an answer shown with two decimals accepts what
// rounds to those two decimals (±0.005), unless the exercise names a wider range and then shows it.
// Percentages and fractions are read where they mean the same number, and refused with a word
// about the format where they do not.

/** How the answer is written: a plain number, a share of a whole (0.75, 75%, 3/4), or a percentage (75). */
export type AnswerFormat = 'number' | 'share' | 'percent';

export type ReadAnswer = { ok: true; value: number } | { ok: false; message: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const LIMIT = 1e12;

function plainNumber(text: string): number | null {
  const ungrouped = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(text) ? text.replace(/,/g, '') : text;
  if (!NUMBER.test(ungrouped)) return null;
  const value = Number(ungrouped);
  return Number.isFinite(value) && Math.abs(value) <= LIMIT ? value : null;
}

/** Reads what the student typed as the format asks; every refusal says what to type instead. */
export function readAnswer(typed: string | null | undefined, format: AnswerFormat = 'number'): ReadAnswer {
  // The page prints negatives with the true minus sign (−5) and may print thin spaces.
  const text = String(typed ?? '').trim().replace(/[\u2212\u2012\u2013]/g, '-').replace(/[\s\u202f]+/g, '');
  const example = format === 'percent' ? '75 or 75%' : format === 'share' ? '0.75, 75% or 3/4' : '0.75';
  if (text === '') return { ok: false, message: `Type your answer first, as a number such as ${example}.` };
  if (/^[+-]?\d*,\d{1,2}$|^[+-]?\d*,\d{4,}$|^[+-]?0?,\d+$/.test(text)) return { ok: false, message: `Use a dot for decimals: ${text.replace(',', '.')}.` };
  const percent = /^(.*)%$/.exec(text);
  if (percent) {
    const value = plainNumber(percent[1]);
    if (value === null) return { ok: false, message: `“${text}” is not a percentage a number can be read from. Type it as ${example}.` };
    if (format === 'number') return { ok: false, message: `This answer is a plain number, not a percentage: type it without “%” (for example ${example}).` };
    return { ok: true, value: format === 'share' ? value / 100 : value };
  }
  const fraction = /^([+-]?[\d.]+)\/([\d.]+)$/.exec(text);
  if (fraction) {
    const top = plainNumber(fraction[1]);
    const bottom = plainNumber(fraction[2]);
    if (top === null || bottom === null) return { ok: false, message: `“${text}” is not a fraction of two numbers. Type it as ${example}.` };
    if (bottom === 0) return { ok: false, message: 'A fraction cannot have 0 below the line.' };
    if (format === 'percent') return { ok: false, message: `This answer is a percentage: type it as ${example}, not as a fraction.` };
    return { ok: true, value: top / bottom };
  }
  const value = plainNumber(text);
  if (value === null) {
    if (/^[+-]?(nan|infinity|inf|∞)$/i.test(text)) return { ok: false, message: `The answer is a finite number: type it as ${example}.` };
    if (NUMBER.test(text)) return { ok: false, message: `“${text}” is too large to be the answer; type it as ${example}.` };
    return { ok: false, message: `“${text.length > 24 ? `${text.slice(0, 21)}…` : text}” is not a number. Type it as ${example}.` };
  }
  return { ok: true, value };
}

/** Half a unit in the last shown decimal: what rounding to `decimals` allows. */
export function roundingTolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/** The tolerance an exercise uses: never below what the shown decimals promise. */
export function toleranceFor(decimals: number, tolerance?: number): number {
  return Math.max(tolerance ?? 0, roundingTolerance(decimals));
}

/** Whether the tolerance is wider than rounding, so the answer must show it ("100, ±15"). */
export function showsRange(decimals: number, tolerance: number): boolean {
  return tolerance > roundingTolerance(decimals) * (1 + 1e-9);
}

/** The answer as the page shows it: its decimals, the true minus sign, a range when it is wider than rounding. */
export function shownAnswer(answer: number, decimals: number, tolerance: number): string {
  const text = answer.toFixed(decimals).replace('-', '−');
  return showsRange(decimals, tolerance) ? `${text} (±${formatTolerance(tolerance)})` : text;
}

function formatTolerance(tolerance: number): string {
  return String(Number(tolerance.toPrecision(6)));
}

function wordsFor(decimals: number): string {
  if (decimals === 0) return 'a whole number';
  return decimals === 1 ? 'one decimal' : `${['', '', 'two', 'three', 'four', 'five', 'six'][decimals] ?? decimals} decimals`;
}

export interface Judgement {
  correct: boolean;
  /** Feedback that works with the student's own number: what they gave, the answer, the difference, what counts. */
  message: string;
}

/** Judges a read answer; the message puts the student's number beside the computed one. */
export function judgeAnswer(value: number, answer: number, decimals: number, tolerance: number): Judgement {
  const difference = value - answer;
  // A hair of slack for binary fractions: 0.705 - 0.7 is 0.00499999… in floating point.
  const correct = Math.abs(difference) <= tolerance + 1e-9 * Math.max(1, Math.abs(answer));
  const shown = shownAnswer(answer, decimals, tolerance);
  const yours = String(Number(value.toPrecision(10))).replace('-', '−');
  const off = Number(Math.abs(difference).toPrecision(2));
  const allowed = showsRange(decimals, tolerance) ? `answers within ±${formatTolerance(tolerance)} count` : `${wordsFor(decimals)} allow ±${formatTolerance(tolerance)}`;
  if (correct) {
    return { correct, message: difference === 0 ? `Right: ${yours}.` : `Right: ${yours} is ${off} from the computed value and rounds to ${shown} (${allowed}).` };
  }
  return {
    correct,
    message: `Not quite: you gave ${yours}, which is ${off} too ${difference > 0 ? 'high' : 'low'}; ${allowed}. Check each step of your computation and try again, or open the answer below.`,
  };
}
