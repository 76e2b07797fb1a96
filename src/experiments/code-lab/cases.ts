// The situations every check runs through, drawn from a seed: ordinary random ones and the
// ones where a wrong version shows itself — a dead unit (ReLU' mask), a pre-activation of
// exactly 0 (ReLU'(0) = 0), all-zero parameters, weights in the millions, a single sample.
// Same seed, same cases, in Node (notebooks, tests) and in the sandbox worker.
import { initParams, makeDataset, makeRandom, parameterCount, uniform, type Random } from '../../trainer';
import type { LabData } from './values';

export interface Situation {
  label: string;
  hidden: number;
  params: Float64Array;
  data: LabData;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function randomData(random: Random, n: number): LabData {
  const column = (low: number, high: number) => Array.from({ length: n }, () => round(uniform(random, low, high)));
  return { x1: column(-2, 2), x2: column(-2, 2), y: column(-3, 3) };
}

function randomParams(random: Random, hidden: number, scale = 2): Float64Array {
  return Float64Array.from({ length: parameterCount(hidden) }, () => round(uniform(random, -scale, scale)));
}

/** Hidden unit k's pre-activation for sample i. */
function preActivation(p: Float64Array, hidden: number, k: number, x1: number, x2: number): number {
  return p[k] * x1 + p[hidden + k] * x2 + p[3 * hidden + k];
}

/** Moves unit k's bias so its pre-activation is below 0 for every sample: the unit is dead. */
function killUnit(p: Float64Array, hidden: number, k: number, data: LabData): void {
  let highest = -Infinity;
  for (let i = 0; i < data.x1.length; i++) highest = Math.max(highest, preActivation(p, hidden, k, data.x1[i], data.x2[i]) - p[3 * hidden + k]);
  p[3 * hidden + k] = -Math.ceil(highest) - 1;
}

/**
 * Puts sample 1 exactly on unit 1's kink: small dyadic numbers (2·1.5 + (−1)·0.5 − 2.5) add up
 * to exactly 0 in floating point, so z1 = 0 is not a rounding accident.
 */
function kinkAtFirstSample(p: Float64Array, hidden: number, data: LabData): void {
  data.x1[0] = 1.5;
  data.x2[0] = 0.5;
  p[0] = 2;
  p[hidden] = -1;
  p[3 * hidden] = -2.5;
}

export interface SituationOptions {
  hidden?: number;
  /** Include the situations whose numbers are extreme (weights in the millions). */
  huge?: boolean;
}

/** The labelled situations for one seed and width. */
export function situations(seed: number | string, options: SituationOptions = {}): Situation[] {
  const hidden = options.hidden ?? 2;
  const random = makeRandom(`code-lab:${seed}:${hidden}`);
  const n = () => 2 + Math.floor(random() * 6);
  const out: Situation[] = [];
  const add = (label: string, params: Float64Array, data: LabData) => out.push({ label, hidden, params, data });

  add('random parameters and data', randomParams(random, hidden), randomData(random, n()));
  const scaled = makeDataset({ n: 6, seed: String(seed) });
  add('He start on the course data (z-scored)', initParams({ preset: 'he', seed: String(seed), hidden }), {
    x1: Array.from(scaled.x1), x2: Array.from(scaled.x2), y: Array.from(scaled.y),
  });
  add('every parameter 0', new Float64Array(parameterCount(hidden)), randomData(random, n()));
  {
    const data = randomData(random, n());
    const p = randomParams(random, hidden);
    killUnit(p, hidden, hidden - 1, data);
    add(`unit h${hidden} is dead for every sample`, p, data);
  }
  {
    const data = randomData(random, n());
    const p = randomParams(random, hidden);
    kinkAtFirstSample(p, hidden, data);
    add('z1 is exactly 0 at sample 1', p, data);
  }
  add('a single sample', randomParams(random, hidden), randomData(random, 1));
  if (options.huge !== false) {
    const p = randomParams(random, hidden);
    for (let i = 0; i < 3 * hidden; i++) p[i] *= 1e6;
    add('weights in the millions', p, randomData(random, n()));
  }
  return out;
}

/** A few extra random numbers for the scalar exercises (ReLU), from the same seed. */
export function randomNumbers(seed: number | string, count: number, scale: number): number[] {
  const random = makeRandom(`code-lab-numbers:${seed}`);
  return Array.from({ length: count }, () => round(uniform(random, -scale, scale)));
}
