// Exercise 2 (lesson 4): the forward pass for one sample.
import { forward as trainerForward } from '../../../trainer';
import { situations } from '../cases';
import { named, recordOf } from '../values';
import { forward, forwardWith, relu } from '../variants';
import type { CheckCase, Exercise } from '../types';

const SHAPE = recordOf(['z1', 'z2', 'h1', 'h2', 'yhat']);

function cases(seed: number | string): CheckCase[] {
  return situations(seed).flatMap((s) => {
    const samples = s.data.x1.length > 1 ? [0, s.data.x1.length - 1] : [0];
    return samples.map((i) => {
      const pass = trainerForward(s.params, s.data.x1[i], s.data.x2[i], 2);
      return {
        fn: 'forward',
        label: `${s.label}, sample ${i + 1}`,
        args: [named(s.params), s.data.x1[i], s.data.x2[i]],
        expected: { z1: pass.z[0], z2: pass.z[1], h1: pass.h[0], h2: pass.h[1], yhat: pass.yhat },
        shape: SHAPE,
      };
    });
  });
}

export const forwardExercise: Exercise = {
  id: 'forward',
  title: 'The forward pass',
  goal: 'Write forward(params, x1, x2): push one sample through the network and return z1, z2, h1, h2 and ŷ.',
  lesson: '04-the-forward-pass',
  defines: ['forward'],
  given: ['relu'],
  stub: `// params = { W1, W2, W3, W4, W5, W6, B1, B2, B3 }
//   W1: x1→h1   W2: x1→h2   W3: x2→h1   W4: x2→h2   W5: h1→out   W6: h2→out
//   B1, B2: the hidden units' biases   B3: the output's bias
// relu(z) is given.
function forward(params, x1, x2) {
  const { W1, W2, W3, W4, W5, W6, B1, B2, B3 } = params;
  const z1 = 0; // TODO: the weighted sum of the inputs reaching h1, plus its bias
  const z2 = 0; // TODO: the same for h2
  const h1 = 0; // TODO: the activation of h1
  const h2 = 0; // TODO
  const yhat = 0; // TODO: the prediction (a linear output: no ReLU here)
  return { z1, z2, h1, h2, yhat };
}
`,
  hints: [
    'Follow the arrows: h1 receives x1 through W1 and x2 through W3, then adds B1. h2 receives x1 through W2 and x2 through W4.',
    'The activations are h1 = relu(z1) and h2 = relu(z2).',
    'The output adds the two activations with their weights and the output bias: ŷ = W5·h1 + W6·h2 + B3, with no ReLU.',
  ],
  solution: `function forward(params, x1, x2) {
  const { W1, W2, W3, W4, W5, W6, B1, B2, B3 } = params;
  const z1 = W1 * x1 + W3 * x2 + B1;
  const z2 = W2 * x1 + W4 * x2 + B2;
  const h1 = relu(z1);
  const h2 = relu(z2);
  const yhat = W5 * h1 + W6 * h2 + B3;
  return { z1, z2, h1, h2, yhat };
}
`,
  python: {
    defines: ['forward'],
    stub: `def forward(params, x1, x2):
    W1, W2, W3, W4, W5, W6 = (params[k] for k in ('W1', 'W2', 'W3', 'W4', 'W5', 'W6'))
    B1, B2, B3 = params['B1'], params['B2'], params['B3']
    z1 = 0.0  # TODO: the weighted sum reaching h1, plus its bias
    z2 = 0.0  # TODO
    h1 = 0.0  # TODO
    h2 = 0.0  # TODO
    yhat = 0.0  # TODO: a linear output, no ReLU
    return {'z1': z1, 'z2': z2, 'h1': h1, 'h2': h2, 'yhat': yhat}
`,
    solution: `def forward(params, x1, x2):
    W1, W2, W3, W4, W5, W6 = (params[k] for k in ('W1', 'W2', 'W3', 'W4', 'W5', 'W6'))
    B1, B2, B3 = params['B1'], params['B2'], params['B3']
    z1 = W1 * x1 + W3 * x2 + B1
    z2 = W2 * x1 + W4 * x2 + B2
    h1 = relu(z1)
    h2 = relu(z2)
    yhat = W5 * h1 + W6 * h2 + B3
    return {'z1': z1, 'z2': z2, 'h1': h1, 'h2': h2, 'yhat': yhat}
`,
  },
  reference: { relu, forward },
  cases,
  wrongVersions: [
    { id: 'no-relu', message: 'h1 and h2 equal z1 and z2: the hidden units must pass their pre-activations through ReLU, h1 = relu(z1).', functions: { forward: forwardWith({ noRelu: true }) } },
    { id: 'relu-on-output', message: 'ŷ went through ReLU, so it is never negative: the output is linear, ŷ = W5·h1 + W6·h2 + B3.', functions: { forward: forwardWith({ reluOnOutput: true }) } },
    { id: 'swap-w2-w3', message: 'W2 and W3 are swapped: W2 carries x1 to h2 and W3 carries x2 to h1, so z1 = W1·x1 + W3·x2 + B1.', functions: { forward: forwardWith({ swapW2W3: true }) } },
    { id: 'output-from-z', message: 'ŷ adds up z1 and z2: the output sees the activations h1 and h2.', functions: { forward: forwardWith({ outputFromZ: true }) } },
    { id: 'swap-w5-w6', message: 'W5 and W6 are swapped: W5 connects h1 to the output and W6 connects h2.', functions: { forward: forwardWith({ swapW5W6: true }) } },
    { id: 'no-hidden-bias', message: 'z1 and z2 are missing their biases B1 and B2.', functions: { forward: forwardWith({ noHiddenBias: true }) } },
    { id: 'no-output-bias', message: 'ŷ is missing the output bias B3.', functions: { forward: forwardWith({ noOutputBias: true }) } },
  ],
};
