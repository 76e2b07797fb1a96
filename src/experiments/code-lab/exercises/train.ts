// Exercise 7 (lesson 7): the training loop — full-batch gradient descent for a number of epochs.
import { train as trainerTrain } from '../../../trainer';
import { situations } from '../cases';
import { NINE, named, trainerData } from '../values';
import { backward, forward, loss, relu, reluPrime, step, train, trainWith } from '../variants';
import type { CheckCase, Exercise, Shape } from '../types';

/** The loop's result: the final parameters and losses[e], the loss at the start of epoch e. */
export function trainShape(epochs: number): Shape {
  return { kind: 'record', fields: { params: NINE, losses: { kind: 'array', length: epochs } } };
}

const PLAN: { epochs: number; rate: number }[] = [
  { epochs: 20, rate: 0.05 },
  { epochs: 12, rate: 0.1 },
  { epochs: 8, rate: 0.05 },
  { epochs: 15, rate: 0.02 },
  { epochs: 5, rate: 0.05 },
  { epochs: 1, rate: 0.1 },
];

function cases(seed: number | string): CheckCase[] {
  const out: CheckCase[] = [];
  situations(seed, { huge: false }).forEach((s, i) => {
    const { epochs, rate } = PLAN[i % PLAN.length];
    const run = trainerTrain({ data: trainerData(s.data), params: s.params, learningRate: rate, epochs, hidden: 2 });
    // A run that diverges stops early in the trainer; such a case says nothing about the loop.
    if (run.status !== 'ok') return;
    out.push({
      fn: 'train',
      label: `${s.label}, ${epochs} ${epochs === 1 ? 'epoch' : 'epochs'} at η = ${rate}`,
      args: [named(s.params), { ...s.data }, rate, epochs],
      expected: { params: named(run.params), losses: Array.from(run.losses) },
      shape: trainShape(epochs),
    });
  });
  const first = out[0];
  out.push({ ...first, label: '0 epochs changes nothing', args: [first.args[0], first.args[1], first.args[2], 0], expected: { params: first.args[0], losses: [] }, shape: trainShape(0) });
  return out;
}

export const trainExercise: Exercise = {
  id: 'train',
  title: 'The training loop',
  goal: 'Write train(params, data, learningRate, epochs): full-batch gradient descent that returns the final parameters and the loss at the start of every epoch.',
  lesson: '07-gradient-descent',
  defines: ['train'],
  given: ['relu', 'reluPrime', 'forward', 'loss', 'backward', 'step'],
  stub: `// Given: loss(params, data), backward(params, data) → the nine partials,
// and step(params, grad, learningRate) → the new parameters.
// losses[e] is the loss at the START of epoch e, before that epoch's update.
function train(params, data, learningRate, epochs) {
  const losses = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    // TODO: record the loss, compute the gradient, take a step
  }
  return { params, losses };
}
`,
  hints: [
    'One epoch of full-batch gradient descent: one gradient over all the samples, then one update of all nine parameters.',
    'Record the loss first: losses.push(loss(params, data)). Then compute grad = backward(params, data) with the parameters as they are.',
    'Keep the step’s result for the next epoch: params = step(params, grad, learningRate).',
  ],
  solution: `function train(params, data, learningRate, epochs) {
  const losses = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    losses.push(loss(params, data));
    const grad = backward(params, data);
    params = step(params, grad, learningRate);
  }
  return { params, losses };
}
`,
  python: {
    defines: ['train'],
    stub: `def train(params, data, learning_rate, epochs):
    losses = []
    for epoch in range(epochs):
        pass  # TODO: record the loss, compute the gradient, take a step
    return {'params': params, 'losses': losses}
`,
    solution: `def train(params, data, learning_rate, epochs):
    losses = []
    for epoch in range(epochs):
        losses.append(loss(params, data))
        grad = backward(params, data)
        params = step(params, grad, learning_rate)
    return {'params': params, 'losses': losses}
`,
  },
  reference: { relu, reluPrime, forward, loss, backward, step, train },
  cases,
  wrongVersions: [
    {
      id: 'updated-parameters',
      message: 'The partials use parameters already updated in this epoch: compute all nine partial derivatives first (one call of backward), then update every parameter.',
      functions: { train: trainWith({ updateWhileComputing: true }) },
    },
    {
      id: 'loss-after-update',
      message: 'Each loss is recorded after the update: losses[e] is the loss at the start of epoch e, before its step.',
      functions: { train: trainWith({ lossAfterUpdate: true }) },
    },
    {
      id: 'update-not-kept',
      message: 'The parameters never change from one epoch to the next: keep the result of step for the next epoch (params = step(…)).',
      functions: { train: trainWith({ neverKeepsUpdate: true }) },
    },
  ],
};
