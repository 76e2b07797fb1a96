// Training the deeper network with the one training loop (train.ts) through a Model.
import { describe, expect, it } from 'vitest';
import {
  Trainer, deepLayout, deepLossAndGradientInto, deepModel, deepScratchLength, INIT_PRESET_NAMES, initDeepParams,
  initParams, makeDataset, mean, reduceOnPlateau, singleLayerModel, train, validateTrainConfig, variance, weightIndex,
  TrainerInputError,
} from '../../../src/trainer';

const bits = (values: ArrayLike<number>) => Array.from(values, (v) => (Object.is(v, -0) ? '-0' : String(v)));
const data = makeDataset();
const test = makeDataset({ n: 100, seed: 2 });

describe('initDeepParams', () => {
  it('draws exactly initParams’s numbers when there is one hidden layer, for every preset and width', () => {
    for (const preset of INIT_PRESET_NAMES.filter((p) => p !== 'writeup-example')) {
      for (const hidden of [1, 2, 5, 16]) {
        expect(bits(initDeepParams({ preset, hidden: [hidden], seed: 3 }))).toEqual(bits(initParams({ preset, hidden, seed: 3 })));
      }
    }
    expect(bits(initDeepParams({ preset: 'writeup-example', hidden: [2] }))).toEqual(bits(initParams({ preset: 'writeup-example' })));
  });

  it('scales He weights by each layer’s own fan-in (variance 2/2, 2/16, 2/16 for 2-16-16-1) with zero biases', () => {
    const layout = deepLayout([16, 16]);
    const squares: number[][] = [[], [], []];
    for (let seed = 1; seed <= 100; seed++) {
      const p = initDeepParams({ hidden: [16, 16], seed });
      for (let l = 1; l <= 3; l++) {
        for (let from = 0; from < layout.sizes[l - 1]; from++) {
          for (let to = 0; to < layout.sizes[l]; to++) squares[l - 1].push(p[weightIndex(layout, l, from, to)] ** 2);
        }
      }
      expect(Array.from(p.subarray(layout.biasOffset[1]))).toEqual(new Array(16 + 16 + 1).fill(0));
    }
    // w²/σ² has variance 2 for a normal w, so the mean of n squares is σ²·(1 ± 4·√(2/n)) but for 1 in 15,000 draws
    [2 / 2, 2 / 16, 2 / 16].forEach((sigma2, l) => {
      expect(Math.abs(mean(squares[l]) / sigma2 - 1)).toBeLessThan(4 * Math.sqrt(2 / squares[l].length));
    });
  });

  it('gives the same start for the same seed, another for another seed, and refuses what does not fit', () => {
    expect(bits(initDeepParams({ hidden: [8, 8], seed: 5 }))).toEqual(bits(initDeepParams({ hidden: [8, 8], seed: 5 })));
    expect(bits(initDeepParams({ hidden: [8, 8], seed: 5 }))).not.toEqual(bits(initDeepParams({ hidden: [8, 8], seed: 6 })));
    expect(initDeepParams().length).toBe(deepLayout([2, 2]).parameterCount);
    expect(() => initDeepParams({ preset: 'writeup-example', hidden: [2, 2] })).toThrow(/only for 2 hidden units/);
    expect(() => initDeepParams({ hidden: [8, 17] })).toThrow(/hidden layer 2/);
    expect(() => initDeepParams({ hidden: [8], preset: 'nonsense' as never })).toThrow(/Unknown starting preset/);
  });
});

describe('training a deeper network', () => {
  it('trains deepModel([H]) bit for bit as the 2-H-1 trainer does: full batch, mini-batch, weight decay, a schedule', () => {
    for (const hidden of [2, 3, 8]) {
      const params = initParams({ seed: 2, hidden });
      const common = { data, params, learningRate: 0.05, epochs: 150 };
      const pairs = [
        [train({ ...common, hidden }), train({ ...common, model: deepModel([hidden]) })],
        [train({ ...common, hidden, batchSize: 32, shuffleSeed: 4 }), train({ ...common, model: deepModel([hidden]), batchSize: 32, shuffleSeed: 4 })],
        [train({ ...common, hidden, weightDecay: 0.01 }), train({ ...common, model: deepModel([hidden]), weightDecay: 0.01 })],
        [train({ ...common, hidden, heldOut: test }), train({ ...common, model: deepModel([hidden]), heldOut: test })],
        [
          train({ ...common, hidden, schedule: reduceOnPlateau({ patience: 3, threshold: 0.05 }) }),
          train({ ...common, model: deepModel([hidden]), schedule: reduceOnPlateau({ patience: 3, threshold: 0.05 }) }),
        ],
      ];
      for (const [single, deep] of pairs) {
        expect(bits(deep.losses)).toEqual(bits(single.losses));
        expect(bits(deep.heldOutLosses ?? [])).toEqual(bits(single.heldOutLosses ?? []));
        expect(bits(deep.params)).toEqual(bits(single.params));
        expect(deep.cuts).toEqual(single.cuts);
      }
    }
  });

  it('moves every parameter against its gradient: one epoch is θ ← θ − η·∂L/∂θ', () => {
    const layout = deepLayout([8, 8]);
    const params = initDeepParams({ hidden: [8, 8], seed: 1 });
    const grad = new Float64Array(layout.parameterCount);
    const loss = deepLossAndGradientInto(params, layout, data, grad, 0, data.n, new Float64Array(deepScratchLength(layout)));
    const run = train({ data, params, model: deepModel([8, 8]), learningRate: 0.01, epochs: 1 });
    expect(run.losses[0]).toBe(loss);
    expect(bits(run.params)).toEqual(bits(params.map((p, j) => p - 0.01 * grad[j])));
  });

  it('decays the weights and only the weights of every layer when given a weight decay λ', () => {
    const layout = deepLayout([8, 8]);
    const params = initDeepParams({ hidden: [8, 8], seed: 1, preset: 'writeup' }); // non-zero biases
    const grad = new Float64Array(layout.parameterCount);
    deepLossAndGradientInto(params, layout, data, grad, 0, data.n, new Float64Array(deepScratchLength(layout)));
    const run = train({ data, params, model: deepModel([8, 8]), learningRate: 0.001, epochs: 1, weightDecay: 0.5 });
    const expected = params.map((p, j) => p - 0.001 * (j < layout.biasOffset[1] ? grad[j] + 2 * 0.5 * p : grad[j]));
    expect(bits(run.params)).toEqual(bits(expected));
  });

  it('learns y = x1² + x2: 2-8-8-1 from a He start ends far below the mean-predictor baseline', () => {
    const run = train({ data, params: initDeepParams({ hidden: [8, 8], seed: 1 }), model: deepModel([8, 8]), learningRate: 0.02, epochs: 2000 });
    expect(run.status).toBe('ok');
    expect(run.losses[run.losses.length - 1]).toBeLessThan(0.05 * variance(data.y));
  });

  it('replays a run bit for bit from the same seeds, and stepping in pieces equals one go', () => {
    const config = { data, params: initDeepParams({ hidden: [4, 6], seed: 9 }), model: deepModel([4, 6]), learningRate: 0.02, batchSize: 50 };
    const a = train({ ...config, epochs: 40 });
    const b = train({ ...config, epochs: 40 });
    expect(bits(b.losses)).toEqual(bits(a.losses));
    expect(bits(b.params)).toEqual(bits(a.params));
    const trainer = new Trainer(config);
    trainer.step(15);
    trainer.step(25);
    expect(bits(trainer.losses)).toEqual(bits(a.losses));
    expect(bits(trainer.params)).toEqual(bits(a.params));
  });

  it('stops with a diverged status, finite losses and the last finite parameters when steps blow up', () => {
    const run = train({ data, params: initDeepParams({ hidden: [8, 8], seed: 1 }), model: deepModel([8, 8]), learningRate: 3, epochs: 1000 });
    expect(run.status).toBe('diverged');
    expect(run.epochs).toBeLessThan(1000);
    expect(run.message).toMatch(/diverged/);
    expect(run.losses.every(Number.isFinite)).toBe(true);
    expect(run.params.every(Number.isFinite)).toBe(true);
  });

  it('knows which network it trains: the model, and a hidden width only when there is one hidden layer', () => {
    const deep = new Trainer({ data, params: initDeepParams({ hidden: [8, 8] }), model: deepModel([8, 8]), learningRate: 0.01 });
    expect(deep.model.label).toBe('2-8-8-1');
    expect(deep.hidden).toBeNaN();
    expect(new Trainer({ data, params: initParams({ hidden: 4 }), hidden: 4, learningRate: 0.01 }).hidden).toBe(4);
    expect(new Trainer({ data, params: initParams({ hidden: 4 }), model: deepModel([4]), learningRate: 0.01 }).hidden).toBe(4);
    expect(singleLayerModel(2).label).toBe('2-2-1');
  });

  it('explains a parameter vector of the wrong length, a model beside a width, and a non-finite parameter by its name', () => {
    const params = initDeepParams({ hidden: [8, 8] });
    expect(validateTrainConfig({ data, params: initParams(), model: deepModel([8, 8]), learningRate: 0.1 })).toEqual([
      'A 2-8-8-1 network has 105 parameters, not 9.',
    ]);
    expect(validateTrainConfig({ data, params, model: deepModel([8, 8]), hidden: 8, learningRate: 0.1 })).toContain(
      'Give either a hidden width or a model, not both.',
    );
    const broken = Float64Array.from(params);
    broken[weightIndex(deepLayout([8, 8]), 2, 2, 4)] = Number.NaN;
    expect(validateTrainConfig({ data, params: broken, model: deepModel([8, 8]), learningRate: 0.1 })).toEqual(['w(h¹₃→h²₅) is not a finite number.']);
    expect(() => train({ data, params, model: deepModel([8, 8]), learningRate: -1, epochs: 1 })).toThrow(TrainerInputError);
    expect(() => deepModel([0])).toThrow(/between 1 and 16/);
  });
});
