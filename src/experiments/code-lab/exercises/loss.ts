// Exercise 3 (lesson 5): the mean squared error over a data set.
import { meanSquaredError } from '../../../trainer';
import { situations } from '../cases';
import { named, NUMBER, trainerData } from '../values';
import { forward, loss, lossWith, relu } from '../variants';
import type { CheckCase, Exercise } from '../types';

function cases(seed: number | string): CheckCase[] {
  return situations(seed).map((s) => ({
    fn: 'loss',
    label: `${s.label} (N = ${s.data.y.length})`,
    args: [named(s.params), { ...s.data }],
    expected: meanSquaredError(s.params, trainerData(s.data), 2),
    shape: NUMBER,
  }));
}

export const lossExercise: Exercise = {
  id: 'loss',
  title: 'The loss',
  goal: 'Write loss(params, data): the mean squared error L = (1/N)·Σ(ŷ − y)² over all N samples.',
  lesson: '05-the-loss',
  defines: ['loss'],
  given: ['relu', 'forward'],
  stub: `// data = { x1: [...], x2: [...], y: [...] }: sample i is data.x1[i], data.x2[i] with target data.y[i].
// forward(params, x1, x2) is given: it returns { z1, z2, h1, h2, yhat }.
function loss(params, data) {
  const N = data.y.length;
  let sum = 0;
  // TODO: add up the squared residual (yhat − y)² of every sample
  return sum; // TODO: the mean, not the sum
}
`,
  hints: [
    'Loop over i from 0 to N − 1 and call forward(params, data.x1[i], data.x2[i]) for each sample.',
    'The residual of sample i is e = yhat − data.y[i]; add e * e to the sum.',
    'The loss is the mean: divide the sum by N (not by N − 1, and not by 2N).',
  ],
  solution: `function loss(params, data) {
  const N = data.y.length;
  let sum = 0;
  for (let i = 0; i < N; i++) {
    const e = forward(params, data.x1[i], data.x2[i]).yhat - data.y[i];
    sum += e * e;
  }
  return sum / N;
}
`,
  python: {
    defines: ['loss'],
    stub: `def loss(params, data):
    N = len(data['y'])
    total = 0.0
    # TODO: add up the squared residual (yhat - y)**2 of every sample
    return total  # TODO: the mean, not the sum
`,
    solution: `def loss(params, data):
    N = len(data['y'])
    total = 0.0
    for i in range(N):
        e = forward(params, data['x1'][i], data['x2'][i])['yhat'] - data['y'][i]
        total += e * e
    return total / N
`,
  },
  reference: { relu, forward, loss },
  cases,
  wrongVersions: [
    { id: 'sum-not-mean', message: 'This is the sum of the squared residuals: divide it by N, the number of samples.', functions: { loss: lossWith({ divideBy: 'nothing' }) } },
    { id: 'half-mean', message: 'You divided by 2N: the course’s loss is (1/N)·Σ(ŷ − y)², without the ½ some books put in front.', functions: { loss: lossWith({ divideBy: '2N' }) } },
    { id: 'n-minus-one', message: 'You divided by N − 1, as for a sample variance: the loss divides by N.', functions: { loss: lossWith({ divideBy: 'N-1' }) } },
    { id: 'not-squared', message: 'The residuals are not squared, so positive and negative misses cancel: square each ŷ − y.', functions: { loss: lossWith({ residual: 'plain' }) } },
    { id: 'absolute', message: 'This is the mean absolute error: square each residual instead of taking its absolute value.', functions: { loss: lossWith({ residual: 'absolute' }) } },
    { id: 'square-root', message: 'You took the square root at the end (that is the RMSE): the loss is the mean of the squares itself.', functions: { loss: lossWith({ squareRoot: true }) } },
    { id: 'last-sample-only', message: 'Only the last sample counts: inside the loop the sum is overwritten (=) instead of added to (+=).', functions: { loss: lossWith({ lastSampleOnly: true }) } },
  ],
};
