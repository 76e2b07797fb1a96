// Exercise 8 (end of lesson 6): the forward and backward pass for any hidden width H.
import { forward as trainerForward, lossAndGradient } from '../../../trainer';
import { situations } from '../cases';
import { layered, layeredShape, trainerData } from '../values';
import { backwardH, backwardHWith, forwardH, forwardHWith, relu, reluPrime } from '../variants';
import type { CheckCase, Exercise, Shape } from '../types';
import type { GeneralMistakes } from '../variants';

export const WIDTHS = [1, 3, 5, 8] as const;

function forwardShape(hidden: number): Shape {
  const array: Shape = { kind: 'array', length: hidden };
  return { kind: 'record', fields: { z: array, h: array, yhat: { kind: 'number' } } };
}

function cases(seed: number | string): CheckCase[] {
  return WIDTHS.flatMap((hidden) =>
    situations(seed, { hidden, huge: hidden === 3 })
      .filter((s) => !s.label.startsWith('He start'))
      .flatMap((s): CheckCase[] => {
        const params = layered(s.params, hidden);
        const pass = trainerForward(s.params, s.data.x1[0], s.data.x2[0], hidden);
        const { grad } = lossAndGradient(s.params, trainerData(s.data), hidden);
        const label = `H = ${hidden}: ${s.label}`;
        return [
          {
            fn: 'forwardH', label: `${label}, sample 1`, args: [params, s.data.x1[0], s.data.x2[0]],
            expected: { z: Array.from(pass.z), h: Array.from(pass.h), yhat: pass.yhat }, shape: forwardShape(hidden),
          },
          { fn: 'backwardH', label: `${label} (N = ${s.data.y.length})`, args: [params, { ...s.data }], expected: { ...layered(grad, hidden) }, shape: layeredShape(hidden) },
        ];
      }),
  );
}

const both = (m: GeneralMistakes) => ({ forwardH: forwardHWith(m), backwardH: backwardHWith(m) });

export const generalExercise: Exercise = {
  id: 'any-width',
  title: 'Any number of hidden units',
  goal: 'Write forwardH and backwardH for a hidden layer of any width H, with the parameters in arrays.',
  lesson: '06-backpropagation',
  defines: ['forwardH', 'backwardH'],
  given: ['relu', 'reluPrime'],
  stub: `// params = { wx1, wx2, wout, bh, bout } for H hidden units:
//   wx1[k]: x1 → unit k    wx2[k]: x2 → unit k    wout[k]: unit k → output
//   bh[k]: unit k's bias   bout: the output's bias        (H = params.wout.length)
// For H = 2: wx1 = [W1, W2], wx2 = [W3, W4], wout = [W5, W6], bh = [B1, B2], bout = B3.
function forwardH(params, x1, x2) {
  const H = params.wout.length;
  const z = [], h = [];
  let yhat = params.bout;
  for (let k = 0; k < H; k++) {
    // TODO: z[k], h[k], and unit k's share of yhat
  }
  return { z, h, yhat };
}

// Return the gradient in the same shape as params.
function backwardH(params, data) {
  const H = params.wout.length, N = data.y.length;
  const g = { wx1: new Array(H).fill(0), wx2: new Array(H).fill(0), wout: new Array(H).fill(0), bh: new Array(H).fill(0), bout: 0 };
  for (let i = 0; i < N; i++) {
    // TODO: forward, dL_dyhat, then every unit's partials
  }
  return g;
}
`,
  hints: [
    'It is the 2-unit network with the unit number as a loop variable: z[k] = wx1[k]·x1 + wx2[k]·x2 + bh[k], h[k] = relu(z[k]), and ŷ adds wout[k]·h[k] for every k.',
    'In backwardH, after dL_dyhat = (2/N)·(ŷ − y) the output bias gets dL_dyhat and wout[k] gets dL_dyhat·h[k].',
    'Unit k’s error is dL_dz = dL_dyhat·wout[k]·reluPrime(z[k]); it goes to wx1[k] (times x1), wx2[k] (times x2) and bh[k].',
  ],
  solution: `function forwardH(params, x1, x2) {
  const H = params.wout.length;
  const z = [], h = [];
  let yhat = params.bout;
  for (let k = 0; k < H; k++) {
    z[k] = params.wx1[k] * x1 + params.wx2[k] * x2 + params.bh[k];
    h[k] = relu(z[k]);
    yhat += params.wout[k] * h[k];
  }
  return { z, h, yhat };
}

function backwardH(params, data) {
  const H = params.wout.length, N = data.y.length;
  const g = { wx1: new Array(H).fill(0), wx2: new Array(H).fill(0), wout: new Array(H).fill(0), bh: new Array(H).fill(0), bout: 0 };
  for (let i = 0; i < N; i++) {
    const x1 = data.x1[i], x2 = data.x2[i];
    const { z, h, yhat } = forwardH(params, x1, x2);
    const dL_dyhat = (2 / N) * (yhat - data.y[i]);
    g.bout += dL_dyhat;
    for (let k = 0; k < H; k++) {
      g.wout[k] += dL_dyhat * h[k];
      const dL_dz = dL_dyhat * params.wout[k] * reluPrime(z[k]);
      g.wx1[k] += dL_dz * x1;
      g.wx2[k] += dL_dz * x2;
      g.bh[k] += dL_dz;
    }
  }
  return g;
}
`,
  python: {
    defines: ['forward_h', 'backward_h'],
    stub: `def forward_h(params, x1, x2):
    z = np.zeros(len(params['wout']))  # TODO: params['wx1'] * x1 + ...
    h = z  # TODO
    yhat = params['bout']  # TODO
    return {'z': z, 'h': h, 'yhat': yhat}


def backward_h(params, data):
    H = len(params['wout'])
    g = {'wx1': np.zeros(H), 'wx2': np.zeros(H), 'wout': np.zeros(H), 'bh': np.zeros(H), 'bout': 0.0}
    # TODO: loop over the samples (or use whole arrays)
    return g
`,
    solution: `def forward_h(params, x1, x2):
    z = params['wx1'] * x1 + params['wx2'] * x2 + params['bh']
    h = np.where(z > 0, z, 0.0)
    yhat = params['bout'] + float(np.dot(params['wout'], h))
    return {'z': z, 'h': h, 'yhat': yhat}


def backward_h(params, data):
    N = len(data['y'])
    H = len(params['wout'])
    g = {'wx1': np.zeros(H), 'wx2': np.zeros(H), 'wout': np.zeros(H), 'bh': np.zeros(H), 'bout': 0.0}
    for i in range(N):
        x1, x2 = data['x1'][i], data['x2'][i]
        f = forward_h(params, x1, x2)
        dL_dyhat = (2 / N) * (f['yhat'] - data['y'][i])
        g['bout'] += dL_dyhat
        g['wout'] += dL_dyhat * f['h']
        dL_dz = dL_dyhat * params['wout'] * (f['z'] > 0)
        g['wx1'] += dL_dz * x1
        g['wx2'] += dL_dz * x2
        g['bh'] += dL_dz
    return g
`,
  },
  reference: { relu, reluPrime, forwardH, backwardH },
  cases,
  wrongVersions: [
    { id: 'no-relu', message: 'The hidden units skip ReLU: h[k] = relu(z[k]), and the error passes back only through units that are on.', functions: both({ noRelu: true }) },
    { id: 'two-units-only', message: 'Only the first two hidden units are computed: loop over every unit, k from 0 to params.wout.length − 1.', functions: both({ twoUnitsOnly: true }) },
    { id: 'first-output-weight', message: 'Every unit’s error goes back through wout[0]: unit k’s error enters through its own weight wout[k].', functions: { backwardH: backwardHWith({ firstOutputWeightForAll: true }) } },
    { id: 'missing-mask', message: 'The error passes back through units that are off: multiply by reluPrime(z[k]).', functions: { backwardH: backwardHWith({ mask: 'none' }) } },
    { id: 'missing-2-over-n', message: 'The factor 2/N is missing: ∂L/∂ŷᵢ = (2/N)·(ŷᵢ − yᵢ).', functions: { backwardH: backwardHWith({ factor: '1' }) } },
    { id: 'missing-2', message: 'The 2 from the derivative of the square is missing: ∂L/∂ŷᵢ = (2/N)·eᵢ, not (1/N)·eᵢ.', functions: { backwardH: backwardHWith({ factor: '1/N' }) } },
    { id: 'flipped-sign', message: 'Every sign is flipped: the residual is e = ŷ − y, not y − ŷ.', functions: { backwardH: backwardHWith({ flipSign: true }) } },
    { id: 'last-sample-only', message: 'Only the last sample’s term is left: add each sample’s term (+=) instead of overwriting it (=).', functions: { backwardH: backwardHWith({ lastSampleOnly: true }) } },
  ],
};
