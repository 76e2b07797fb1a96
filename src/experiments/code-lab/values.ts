// The lab's plain API beside the trainer's: students work with named parameters
// ({ W1, …, B3 }) and data as arrays ({ x1, x2, y }); the trainer with flat Float64Arrays in
// its layout. These conversions are the only bridge, so the two always mean the same numbers.
import { datasetFromArrays, PARAMETER_NAMES, type Dataset, type ParameterName } from '../../trainer';
import type { Shape } from './types';

export type NamedParams = Record<ParameterName, number>;
export type LabData = {
  x1: number[];
  x2: number[];
  y: number[];
};
/** Any width H: the trainer's four blocks of H plus the output bias, named for what they connect. */
export type LayeredParams = {
  /** wx1[k]: the weight from x1 to hidden unit k + 1. */
  wx1: number[];
  /** wx2[k]: the weight from x2 to hidden unit k + 1. */
  wx2: number[];
  /** wout[k]: the weight from hidden unit k + 1 to the output. */
  wout: number[];
  /** bh[k]: hidden unit k + 1's bias. */
  bh: number[];
  /** The output bias. */
  bout: number;
};

export const NAMES = PARAMETER_NAMES;

export function named(flat: ArrayLike<number>): NamedParams {
  const out = {} as NamedParams;
  NAMES.forEach((name, i) => (out[name] = flat[i]));
  return out;
}

export function flat(params: NamedParams): Float64Array {
  return Float64Array.from(NAMES, (name) => params[name]);
}

export function layered(flat: ArrayLike<number>, hidden: number): LayeredParams {
  const block = (b: number) => Array.from({ length: hidden }, (_, k) => flat[b * hidden + k]);
  return { wx1: block(0), wx2: block(1), wout: block(2), bh: block(3), bout: flat[4 * hidden] };
}

export function flatFromLayered(p: LayeredParams): Float64Array {
  return Float64Array.from([...p.wx1, ...p.wx2, ...p.wout, ...p.bh, p.bout]);
}

export function labData(data: Pick<Dataset, 'x1' | 'x2' | 'y'>): LabData {
  return { x1: Array.from(data.x1), x2: Array.from(data.x2), y: Array.from(data.y) };
}

export function trainerData(data: LabData): Dataset {
  return datasetFromArrays(data.x1, data.x2, data.y);
}

export const NUMBER: Shape = { kind: 'number' };

export function recordOf(keys: readonly string[]): Shape {
  return { kind: 'record', fields: Object.fromEntries(keys.map((k) => [k, NUMBER])) };
}

export const NINE: Shape = recordOf(NAMES);

export function layeredShape(hidden: number): Shape {
  const array: Shape = { kind: 'array', length: hidden };
  return { kind: 'record', fields: { wx1: array, wx2: array, wout: array, bh: array, bout: NUMBER } };
}

/** A deep copy of plain lab data, so a function that changes its arguments changes nothing else. */
export function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) as T;
  return value;
}
