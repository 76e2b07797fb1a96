// Comparing a student's result with the trainer's, number by number, after checking its shape.
// The student's value may be anything JavaScript can return — undefined, a string, a short
// array, an object with a misspelt key, a getter that throws, a Proxy — so every read is
// guarded and every problem becomes a sentence a student can act on.
import type { LabValue, Shape, ValueRow } from './types';

/**
 * Two numbers agree when they differ by at most 1e-9 of the larger of 1 and |expected|:
 * absolute near zero, relative for large values (a loss of 1e14 from weights in the millions).
 * Summing in another order changes the last bits, never the ninth significant digit.
 */
export const RELATIVE_TOLERANCE = 1e-9;

export function agrees(expected: number, received: number): boolean {
  if (!Number.isFinite(expected) || !Number.isFinite(received)) return Object.is(expected, received);
  return Math.abs(received - expected) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(expected));
}

/** Numbers as a student reads them: up to 12 significant digits, no trailing zeros. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e12 || abs < 1e-6) return value.toExponential(11).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(12)));
}

const MAX_TEXT = 60;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** A few words for any value, never throwing and never long. */
export function describeValue(value: unknown): string {
  try {
    if (value === undefined) return 'undefined';
    if (value === null) return 'null';
    switch (typeof value) {
      case 'number':
        return formatNumber(value);
      case 'string':
        return `the text ${JSON.stringify(clip(value))}`;
      case 'boolean':
        return String(value);
      case 'bigint':
        return `the BigInt ${clip(String(value))}n`;
      case 'function':
        return 'a function';
      case 'symbol':
        return 'a symbol';
    }
    if (Array.isArray(value)) return `an array of ${value.length}`;
    if (value instanceof Promise) return 'a Promise (is the function async? It must return its result directly)';
    if (ArrayBuffer.isView(value)) return `a typed array of ${(value as unknown as ArrayLike<number>).length}`;
    const keys = Object.keys(value as object);
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, 6).map(clip).join(', ');
    return `an object with ${shown}${keys.length > 6 ? ', …' : ''}`;
  } catch {
    return 'a value that cannot be read';
  }
}

/** Reads value[key] without letting a getter's or a Proxy's exception escape. */
function read(value: unknown, key: string | number): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: (value as Record<string | number, unknown>)[key] };
  } catch {
    return { ok: false };
  }
}

function has(value: object, key: string): boolean {
  try {
    return key in value;
  } catch {
    return false;
  }
}

function lengthOf(value: unknown): number | null {
  try {
    if (Array.isArray(value)) return value.length;
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return (value as unknown as ArrayLike<number>).length;
  } catch {
    // a Proxy that throws reads as no array
  }
  return null;
}

export interface Comparison {
  ok: boolean;
  problems: string[];
  rows: ValueRow[];
  /** The largest |received − expected| of the numbers that could be compared (0 if none). */
  largestDifference: number;
  /** The numbers received, by path. */
  received: Map<string, number>;
  /** False when a key, an entry or a number's type was wrong (NaN and Infinity are numbers of the right shape). */
  shapeOk: boolean;
}

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

const label = (path: string, fn: string) => (path ? `"${path}"` : `the value ${fn} returned`);

/** Walks `shape`, comparing `received` with `expected`; `fn` names the function in messages. */
export function compareResult(fn: string, shape: Shape, expected: LabValue, received: unknown): Comparison {
  const out: Comparison = { ok: true, problems: [], rows: [], largestDifference: 0, received: new Map(), shapeOk: true };
  const problem = (text: string, ofShape = true) => {
    out.ok = false;
    if (ofShape) out.shapeOk = false;
    if (out.problems.length < 8) out.problems.push(text);
  };

  const visit = (shape: Shape, expected: LabValue, value: unknown, path: string): void => {
    if (shape.kind === 'number') {
      const want = expected as number;
      if (typeof value !== 'number') {
        const what = describeValue(value);
        if (value === undefined && !path) problem(`${fn} returned nothing (undefined): is a return statement missing?`);
        else if (value === undefined) problem(`${label(path, fn)} is missing (undefined).`);
        else if (typeof value === 'string') problem(`${label(path, fn)} is ${what}, not a number: a number was turned into text somewhere.`);
        else problem(`${label(path, fn)} should be a number but is ${what}.`);
        out.rows.push({ path, expected: formatNumber(want), received: what, difference: '', ok: false });
        return;
      }
      out.received.set(path, value);
      const ok = agrees(want, value);
      if (!ok) out.ok = false;
      const finite = Number.isFinite(value);
      const difference = finite ? Math.abs(value - want) : Infinity;
      if (finite && difference > out.largestDifference) out.largestDifference = difference;
      if (Number.isNaN(value)) problem(`${label(path, fn)} is NaN: somewhere a calculation used undefined (a misspelt name?) or 0/0.`, false);
      else if (!finite) problem(`${label(path, fn)} is ${formatNumber(value)}: a number grew too large to represent.`, false);
      out.rows.push({ path, expected: formatNumber(want), received: formatNumber(value), difference: finite ? formatNumber(difference) : '', ok });
      return;
    }
    if (shape.kind === 'array') {
      const want = expected as number[];
      const length = lengthOf(value);
      if (length === null) {
        problem(`${label(path, fn)} should be an array of ${shape.length} numbers but is ${describeValue(value)}.`);
        return;
      }
      if (length !== shape.length) {
        problem(`${label(path, fn)} has ${length} ${length === 1 ? 'entry' : 'entries'}; it should have ${shape.length}.`);
      }
      for (let i = 0; i < Math.min(length, shape.length); i++) {
        const item = read(value, i);
        if (!item.ok) {
          problem(`${join(path, i)} cannot be read (its getter throws).`);
          continue;
        }
        visit({ kind: 'number' }, want[i], item.value, join(path, i));
      }
      return;
    }
    const want = expected as Record<string, LabValue>;
    if (value === null || typeof value !== 'object' || lengthOf(value) !== null) {
      const names = Object.keys(shape.fields).join(', ');
      if (value === undefined && !path) problem(`${fn} returned nothing (undefined): is a return statement missing? It should return an object with ${names}.`);
      else problem(`${label(path, fn)} should be an object with ${names} but is ${describeValue(value)}.`);
      return;
    }
    for (const [key, inner] of Object.entries(shape.fields)) {
      const at = join(path, key);
      if (!has(value, key)) {
        const similar = Object.keys(value).find((k) => k.toLowerCase() === key.toLowerCase());
        problem(similar
          ? `The result has "${similar}" where "${at}" was expected: names are case-sensitive.`
          : `The result has no "${at}" (it has ${describeValue(value).replace(/^an object with /, '')}).`);
        continue;
      }
      const item = read(value, key);
      if (!item.ok) {
        problem(`"${at}" cannot be read (its getter throws).`);
        continue;
      }
      visit(inner, want[key], item.value, at);
    }
  };

  visit(shape, expected, received, '');
  return out;
}

/** Every number of an expected value by path, in the same walk order as compareResult. */
export function flattenExpected(shape: Shape, expected: LabValue, path = ''): Map<string, number> {
  const out = new Map<string, number>();
  const visit = (shape: Shape, value: LabValue, path: string) => {
    if (shape.kind === 'number') out.set(path, value as number);
    else if (shape.kind === 'array') (value as number[]).forEach((v, i) => out.set(join(path, i), v));
    else for (const [key, inner] of Object.entries(shape.fields)) visit(inner, (value as Record<string, LabValue>)[key], join(path, key));
  };
  visit(shape, expected, path);
  return out;
}

/**
 * Does `received` hold the same numbers as `model` (a wrong version's result), whatever its
 * shape? Arrays must have the same length, objects every key of the model; extra keys are
 * ignored. Used by the diagnosis, where the model itself may have the wrong shape (two units
 * instead of H, one loss too many), so the case's shape cannot be the yardstick.
 */
export function sameValues(model: LabValue, received: unknown): boolean {
  if (typeof model === 'number') return typeof received === 'number' && agrees(model, received);
  if (Array.isArray(model)) {
    const length = lengthOf(received);
    if (length !== model.length) return false;
    return model.every((m, i) => {
      const item = read(received, i);
      return item.ok && sameValues(m, item.value);
    });
  }
  if (received === null || typeof received !== 'object') return false;
  return Object.entries(model).every(([key, m]) => {
    if (!has(received, key)) return false;
    const item = read(received, key);
    return item.ok && sameValues(m, item.value);
  });
}
