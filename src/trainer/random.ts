// Every random number in the course comes from a seeded generator that is passed in,
// never from the global Math.random: the same seed gives the same numbers in Node,
// in the browser and in a Web Worker.
// Only the ARC4 generator (seedrandom.js), not the package index that bundles six others.
import seedrandom from 'seedrandom/seedrandom.js';
import { cos, log } from './portableMath';

/** A function returning uniform numbers in [0, 1), fully determined by its seed. */
export type Random = () => number;

/** A seeded generator. Seeds are turned into strings so that 7 and "7" mean the same run. */
export function makeRandom(seed: number | string): Random {
  const rng = seedrandom(String(seed));
  return () => rng.quick();
}

/** A number drawn uniformly from [low, high). */
export function uniform(random: Random, low: number, high: number): number {
  return low + (high - low) * random();
}

/** An integer drawn uniformly from {low, low + 1, …, high}. */
export function uniformInteger(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/**
 * A standard normal number (Box–Muller), for He initialisation. The logarithm and cosine are
 * portableMath's, not Math's: engines disagree in Math.log's and Math.cos's last bit, and a He
 * start must be the same in Node (where pages are built) and in every browser.
 */
export function gaussian(random: Random): number {
  // 1 − u keeps the logarithm away from log(0).
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * log(u)) * cos(2 * Math.PI * v);
}
