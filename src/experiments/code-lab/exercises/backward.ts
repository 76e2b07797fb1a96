// Exercise 5 (lesson 6): all nine partials — backpropagation.
import { lossAndGradient } from '../../../trainer';
import { situations } from '../cases';
import { NINE, named, trainerData } from '../values';
import { backward, backwardWith, forward, relu, reluPrime } from '../variants';
import type { CheckCase, Exercise } from '../types';
import { GRADIENT_MISTAKES } from './gradient-mistakes';

function cases(seed: number | string): CheckCase[] {
  return situations(seed).map((s) => ({
    fn: 'backward',
    label: `${s.label} (N = ${s.data.y.length})`,
    args: [named(s.params), { ...s.data }],
    expected: named(lossAndGradient(s.params, trainerData(s.data), 2).grad),
    shape: NINE,
  }));
}

export const backwardExercise: Exercise = {
  id: 'backward',
  title: 'All nine partials',
  goal: 'Write backward(params, data): all nine partial derivatives of the loss, from ∂L/∂W1 to ∂L/∂B3.',
  lesson: '06-backpropagation',
  defines: ['backward'],
  given: ['relu', 'reluPrime', 'forward'],
  stub: `// forward(params, x1, x2) → { z1, z2, h1, h2, yhat }, relu(z) and reluPrime(z) are given.
// Return { W1, W2, W3, W4, W5, W6, B1, B2, B3 }: each the partial derivative of L by that parameter.
function backward(params, data) {
  const { W5, W6 } = params;
  const N = data.y.length;
  const g = { W1: 0, W2: 0, W3: 0, W4: 0, W5: 0, W6: 0, B1: 0, B2: 0, B3: 0 };
  for (let i = 0; i < N; i++) {
    const x1 = data.x1[i], x2 = data.x2[i];
    const { z1, z2, h1, h2, yhat } = forward(params, x1, x2);
    const dL_dyhat = (2 / N) * (yhat - data.y[i]);
    // TODO: the output layer: g.W5, g.W6, g.B3
    // TODO: the error entering each hidden unit, dL_dz1 and dL_dz2
    // TODO: the hidden layer: g.W1, g.W2, g.W3, g.W4, g.B1, g.B2
  }
  return g;
}
`,
  hints: [
    'The output layer is as in the previous exercise: g.W5 += dL_dyhat * h1, g.W6 += dL_dyhat * h2, g.B3 += dL_dyhat.',
    'The error reaches h1 through W5 and passes the unit only where it is on: dL_dz1 = dL_dyhat * W5 * reluPrime(z1). The same for h2 with W6.',
    'Then follow the wiring: W1 carries x1 to h1 (g.W1 += dL_dz1 * x1), W3 carries x2 to h1 (g.W3 += dL_dz1 * x2), W2 and W4 do the same for h2, and g.B1 += dL_dz1, g.B2 += dL_dz2.',
  ],
  solution: `function backward(params, data) {
  const { W5, W6 } = params;
  const N = data.y.length;
  const g = { W1: 0, W2: 0, W3: 0, W4: 0, W5: 0, W6: 0, B1: 0, B2: 0, B3: 0 };
  for (let i = 0; i < N; i++) {
    const x1 = data.x1[i], x2 = data.x2[i];
    const { z1, z2, h1, h2, yhat } = forward(params, x1, x2);
    const dL_dyhat = (2 / N) * (yhat - data.y[i]);
    g.W5 += dL_dyhat * h1;
    g.W6 += dL_dyhat * h2;
    g.B3 += dL_dyhat;
    const dL_dz1 = dL_dyhat * W5 * reluPrime(z1);
    const dL_dz2 = dL_dyhat * W6 * reluPrime(z2);
    g.W1 += dL_dz1 * x1;
    g.W3 += dL_dz1 * x2;
    g.B1 += dL_dz1;
    g.W2 += dL_dz2 * x1;
    g.W4 += dL_dz2 * x2;
    g.B2 += dL_dz2;
  }
  return g;
}
`,
  python: {
    defines: ['backward'],
    stub: `def backward(params, data):
    W5, W6 = params['W5'], params['W6']
    N = len(data['y'])
    g = {name: 0.0 for name in ('W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3')}
    for i in range(N):
        x1, x2 = data['x1'][i], data['x2'][i]
        f = forward(params, x1, x2)
        dL_dyhat = (2 / N) * (f['yhat'] - data['y'][i])
        # TODO: the output layer: g['W5'], g['W6'], g['B3']
        # TODO: dL_dz1 and dL_dz2, then g['W1'] ... g['B2']
    return g
`,
    solution: `def backward(params, data):
    W5, W6 = params['W5'], params['W6']
    N = len(data['y'])
    g = {name: 0.0 for name in ('W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3')}
    for i in range(N):
        x1, x2 = data['x1'][i], data['x2'][i]
        f = forward(params, x1, x2)
        dL_dyhat = (2 / N) * (f['yhat'] - data['y'][i])
        g['W5'] += dL_dyhat * f['h1']
        g['W6'] += dL_dyhat * f['h2']
        g['B3'] += dL_dyhat
        dL_dz1 = dL_dyhat * W5 * relu_prime(f['z1'])
        dL_dz2 = dL_dyhat * W6 * relu_prime(f['z2'])
        g['W1'] += dL_dz1 * x1
        g['W3'] += dL_dz1 * x2
        g['B1'] += dL_dz1
        g['W2'] += dL_dz2 * x1
        g['W4'] += dL_dz2 * x2
        g['B2'] += dL_dz2
    return g
`,
  },
  reference: { relu, reluPrime, forward, backward },
  cases,
  wrongVersions: GRADIENT_MISTAKES.map((m) => ({ id: m.id, message: m.message, functions: { backward: backwardWith(m.mistakes) } })),
};
