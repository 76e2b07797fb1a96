// Exercise 4 (lesson 6): the three output-layer partials ∂L/∂W5, ∂L/∂W6, ∂L/∂B3.
import { lossAndGradient, B3, W5, W6 } from '../../../trainer';
import { situations } from '../cases';
import { named, recordOf, trainerData } from '../values';
import { forward, outputPartialsWith, relu } from '../variants';
import type { CheckCase, Exercise } from '../types';
import { GRADIENT_MISTAKES } from './gradient-mistakes';

const SHAPE = recordOf(['W5', 'W6', 'B3']);

function cases(seed: number | string): CheckCase[] {
  return situations(seed).map((s) => {
    const { grad } = lossAndGradient(s.params, trainerData(s.data), 2);
    return {
      fn: 'outputPartials',
      label: `${s.label} (N = ${s.data.y.length})`,
      args: [named(s.params), { ...s.data }],
      expected: { W5: grad[W5], W6: grad[W6], B3: grad[B3] },
      shape: SHAPE,
    };
  });
}

export const outputPartialsExercise: Exercise = {
  id: 'output-partials',
  title: 'The output layer’s three partials',
  goal: 'Write outputPartials(params, data): ∂L/∂W5, ∂L/∂W6 and ∂L/∂B3, summed over every sample.',
  lesson: '06-backpropagation',
  defines: ['outputPartials'],
  given: ['relu', 'forward'],
  stub: `// forward(params, x1, x2) is given: it returns { z1, z2, h1, h2, yhat }.
// Return the three partial derivatives of L = (1/N)·Σ(ŷ − y)², named after their parameters.
function outputPartials(params, data) {
  const N = data.y.length;
  let W5 = 0, W6 = 0, B3 = 0;
  for (let i = 0; i < N; i++) {
    const { h1, h2, yhat } = forward(params, data.x1[i], data.x2[i]);
    // TODO: dL_dyhat for this sample, then add its share to W5, W6 and B3
  }
  return { W5, W6, B3 };
}
`,
  hints: [
    'Start from ∂L/∂ŷᵢ = (2/N)·(ŷᵢ − yᵢ): the loss’s rate of change with sample i’s prediction.',
    'ŷ = W5·h1 + W6·h2 + B3, so ŷ moves with W5 at rate h1, with W6 at rate h2 and with B3 at rate 1.',
    'Each partial is a sum over samples: W5 += dL_dyhat * h1, W6 += dL_dyhat * h2, B3 += dL_dyhat.',
  ],
  solution: `function outputPartials(params, data) {
  const N = data.y.length;
  let W5 = 0, W6 = 0, B3 = 0;
  for (let i = 0; i < N; i++) {
    const { h1, h2, yhat } = forward(params, data.x1[i], data.x2[i]);
    const dL_dyhat = (2 / N) * (yhat - data.y[i]);
    W5 += dL_dyhat * h1;
    W6 += dL_dyhat * h2;
    B3 += dL_dyhat;
  }
  return { W5, W6, B3 };
}
`,
  python: {
    defines: ['output_partials'],
    stub: `def output_partials(params, data):
    N = len(data['y'])
    W5 = W6 = B3 = 0.0
    for i in range(N):
        f = forward(params, data['x1'][i], data['x2'][i])
        # TODO: dL_dyhat for this sample, then add its share to W5, W6 and B3
    return {'W5': W5, 'W6': W6, 'B3': B3}
`,
    solution: `def output_partials(params, data):
    N = len(data['y'])
    W5 = W6 = B3 = 0.0
    for i in range(N):
        f = forward(params, data['x1'][i], data['x2'][i])
        dL_dyhat = (2 / N) * (f['yhat'] - data['y'][i])
        W5 += dL_dyhat * f['h1']
        W6 += dL_dyhat * f['h2']
        B3 += dL_dyhat
    return {'W5': W5, 'W6': W6, 'B3': B3}
`,
  },
  reference: { relu, forward, outputPartials: outputPartialsWith() },
  cases,
  wrongVersions: GRADIENT_MISTAKES.filter((m) => !m.hiddenOnly).map((m) => ({
    id: m.id,
    message: m.message,
    functions: { outputPartials: outputPartialsWith(m.mistakes) },
  })),
};
