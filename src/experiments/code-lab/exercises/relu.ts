// Exercise 1 (lesson 2): ReLU and its slope, with ReLU'(0) = 0.
import { relu as trainerRelu, reluPrime as trainerReluPrime } from '../../../trainer';
import { randomNumbers } from '../cases';
import { NUMBER } from '../values';
import { relu, reluPrime } from '../variants';
import type { CheckCase, Exercise } from '../types';

const SPECIAL: [number, string][] = [
  [0, 'z = 0 exactly (the kink)'],
  [-0, 'z = −0'],
  [1, 'z = 1'],
  [-1, 'z = −1'],
  [1e300, 'a huge positive z'],
  [-1e300, 'a huge negative z'],
  [5e-324, 'the smallest positive number'],
  [-5e-324, 'the smallest negative number'],
];

function cases(seed: number | string): CheckCase[] {
  const values: [number, string][] = [...SPECIAL, ...randomNumbers(seed, 6, 5).map((z): [number, string] => [z, 'a random z'])];
  return values.flatMap(([z, label]) => [
    { fn: 'relu', label, args: [z], expected: trainerRelu(z), shape: NUMBER },
    { fn: 'reluPrime', label, args: [z], expected: trainerReluPrime(z), shape: NUMBER },
  ]);
}

export const reluExercise: Exercise = {
  id: 'relu',
  title: 'ReLU and its slope',
  goal: 'Write relu(z), which keeps a positive z and turns everything else into 0, and its slope reluPrime(z), with ReLU′(0) = 0.',
  lesson: '02-one-relu-unit',
  defines: ['relu', 'reluPrime'],
  given: [],
  stub: `// ReLU keeps the positive part of z: relu(z) = max(0, z).
function relu(z) {
  return 0; // TODO: z when z is positive, otherwise 0
}

// Its slope: 1 where the unit is on (z > 0), 0 where it is off.
// At the kink, z = 0, this course takes the slope to be 0.
function reluPrime(z) {
  return 0; // TODO
}
`,
  hints: [
    'A conditional expression does it: condition ? valueIfTrue : valueIfFalse. Which condition says the unit is on?',
    'relu(z) is the same as Math.max(0, z). reluPrime only answers a yes-or-no question: is z strictly positive?',
    'Use z > 0, not z >= 0: at exactly 0 the slope must be 0.',
  ],
  solution: `function relu(z) {
  return z > 0 ? z : 0;
}

function reluPrime(z) {
  return z > 0 ? 1 : 0;
}
`,
  python: {
    defines: ['relu', 'relu_prime'],
    stub: `def relu(z):
    return 0.0  # TODO: z when z is positive, otherwise 0


def relu_prime(z):
    return 0.0  # TODO: 1 where z > 0, otherwise 0 (also at z = 0)
`,
    solution: `def relu(z):
    return z if z > 0 else 0.0


def relu_prime(z):
    return 1.0 if z > 0 else 0.0
`,
  },
  reference: { relu, reluPrime },
  cases,
  wrongVersions: [
    {
      id: 'relu-prime-at-zero',
      message: 'reluPrime(0) returns 1: at the kink z = 0 this course takes the slope to be 0, so test z > 0, not z >= 0.',
      functions: { reluPrime: (z: number) => (z >= 0 ? 1 : 0) },
    },
    {
      id: 'relu-passes-negatives',
      message: 'relu lets negative numbers through: it must return 0 whenever z is not positive.',
      functions: { relu: (z: number) => z },
    },
    {
      id: 'relu-min',
      message: 'relu keeps the negative part: it is max(0, z), not min(0, z).',
      functions: { relu: (z: number) => Math.min(0, z) },
    },
    {
      id: 'relu-returns-slope',
      message: 'relu returns 1 or 0, which is the slope: it should return z itself when z is positive.',
      functions: { relu: reluPrime },
    },
    {
      id: 'relu-prime-returns-value',
      message: 'reluPrime returns z itself: the slope of ReLU is 1 wherever the unit is on, whatever the size of z.',
      functions: { reluPrime: relu },
    },
    {
      id: 'relu-prime-inverted',
      message: 'reluPrime is 1 where the unit is off and 0 where it is on: swap the two.',
      functions: { reluPrime: (z: number) => (z > 0 ? 0 : 1) },
    },
  ],
};
