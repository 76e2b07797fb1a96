// Exercise 6 (lesson 7): one step of gradient descent, θ ← θ − η·∂L/∂θ.
import { lossAndGradient } from '../../../trainer';
import { situations } from '../cases';
import { NINE, named, trainerData } from '../values';
import { step, stepWith } from '../variants';
import type { CheckCase, Exercise } from '../types';

const RATES = [0.05, 0.1, 0.01, 0.5, 0.003, 1, 0.2];

function cases(seed: number | string): CheckCase[] {
  const all = situations(seed).map((s, i): CheckCase => {
    const grad = lossAndGradient(s.params, trainerData(s.data), 2).grad;
    const rate = RATES[i % RATES.length];
    // The trainer's update (train.ts, Trainer.update): params[j] − rate · gradient[j].
    const expected = Float64Array.from(s.params, (p, j) => p - rate * grad[j]);
    return { fn: 'step', label: `${s.label}, η = ${rate}`, args: [named(s.params), named(grad), rate], expected: named(expected), shape: NINE };
  });
  const first = all[0];
  all.push({ ...first, label: 'η = 0 changes nothing', args: [first.args[0], first.args[1], 0], expected: first.args[0] });
  return all;
}

export const stepExercise: Exercise = {
  id: 'step',
  title: 'One step downhill',
  goal: 'Write step(params, grad, learningRate): the new parameters after one step of gradient descent, each θ − η·∂L/∂θ.',
  lesson: '07-gradient-descent',
  defines: ['step'],
  given: [],
  stub: `// params and grad are both { W1, ..., B3 }: grad.W1 is ∂L/∂W1, and so on.
// Return new parameters; NAMES lists the nine names in order.
const NAMES = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3'];

function step(params, grad, learningRate) {
  const next = {};
  for (const name of NAMES) {
    next[name] = params[name]; // TODO: move against the gradient
  }
  return next;
}
`,
  hints: [
    'The partial derivative says which way the loss goes up: move each parameter the other way.',
    'The size of the move is the learning rate times the partial derivative.',
    'next[name] = params[name] - learningRate * grad[name], for all nine names, biases included.',
  ],
  solution: `const NAMES = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3'];

function step(params, grad, learningRate) {
  const next = {};
  for (const name of NAMES) {
    next[name] = params[name] - learningRate * grad[name];
  }
  return next;
}
`,
  python: {
    defines: ['step'],
    stub: `NAMES = ('W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3')


def step(params, grad, learning_rate):
    return {name: params[name] for name in NAMES}  # TODO: move against the gradient
`,
    solution: `NAMES = ('W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3')


def step(params, grad, learning_rate):
    return {name: params[name] - learning_rate * grad[name] for name in NAMES}
`,
  },
  reference: { step },
  cases,
  wrongVersions: [
    { id: 'uphill', message: 'The step goes uphill: subtract η·∂L/∂θ (θ − η·g), do not add it.', functions: { step: stepWith({ plus: true }) } },
    { id: 'no-rate', message: 'The learning rate is missing: each parameter moves by η·∂L/∂θ, not by ∂L/∂θ.', functions: { step: stepWith({ noRate: true }) } },
    { id: 'divide-by-rate', message: 'You divided by η: multiply the partial derivative by the learning rate.', functions: { step: stepWith({ divideByRate: true }) } },
    { id: 'weights-only', message: 'The biases B1, B2 and B3 do not move: every one of the nine parameters takes a step.', functions: { step: stepWith({ weightsOnly: true }) } },
    { id: 'returns-step', message: 'This returns the change −η·∂L/∂θ, not the new parameters θ − η·∂L/∂θ.', functions: { step: stepWith({ returnsStep: true }) } },
  ],
};

