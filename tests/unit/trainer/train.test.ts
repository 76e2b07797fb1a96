import { describe, expect, it } from 'vitest';
import {
  Trainer, initParams, lossAndGradient, makeDataset, meanSquaredError, train, TrainerInputError,
  validateTrainConfig, variance, fromNamed, WRITEUP_EXAMPLE, unitActivity,
} from '../../../src/trainer';

const data = makeDataset();

describe('train', () => {
  it('records the full-data loss at the start of every epoch', () => {
    const params = initParams({ seed: 2 });
    const run = train({ data, params, learningRate: 0.01, epochs: 50 });
    expect(run.losses.length).toBe(50);
    expect(run.epochs).toBe(50);
    expect(run.losses[0]).toBe(meanSquaredError(params, data));
    expect(run.status).toBe('ok');
  });

  it('moves every parameter against its gradient: one epoch is θ ← θ − η·∂L/∂θ', () => {
    const params = initParams({ preset: 'writeup', seed: 5 });
    const { grad } = lossAndGradient(params, data);
    const run = train({ data, params, learningRate: 0.003, epochs: 1 });
    for (let j = 0; j < 9; j++) expect(run.params[j]).toBe(params[j] - 0.003 * grad[j]);
  });

  it('does not modify the starting parameters it is given', () => {
    const params = initParams({ seed: 2 });
    const copy = Float64Array.from(params);
    train({ data, params, learningRate: 0.05, epochs: 10 });
    expect(params).toEqual(copy);
  });

  it('lowers the loss well below the mean-predictor baseline from a He start at a moderate rate', () => {
    const run = train({ data, params: initParams({ seed: 1 }), learningRate: 0.05, epochs: 3000 });
    expect(run.losses[run.losses.length - 1]).toBeLessThan(0.5 * variance(data.y));
  });

  it('replays a run bit for bit from the same seeds', () => {
    const a = train({ data: makeDataset({ seed: 9 }), params: initParams({ preset: 'writeup', seed: 4 }), learningRate: 0.01, epochs: 500 });
    const b = train({ data: makeDataset({ seed: 9 }), params: initParams({ preset: 'writeup', seed: 4 }), learningRate: 0.01, epochs: 500 });
    expect(Array.from(b.losses)).toEqual(Array.from(a.losses));
    expect(Array.from(b.params)).toEqual(Array.from(a.params));
  });

  it('gives the same result stepped in pieces as in one go', () => {
    const params = initParams({ seed: 3 });
    const trainer = new Trainer({ data, params, learningRate: 0.02 });
    trainer.step(7);
    trainer.step(13);
    const whole = train({ data, params, learningRate: 0.02, epochs: 20 });
    expect(Array.from(trainer.losses)).toEqual(Array.from(whole.losses));
    expect(Array.from(trainer.params)).toEqual(Array.from(whole.params));
  });

  it('uses a changed learning rate from the next epoch on', () => {
    const trainer = new Trainer({ data, params: initParams({ seed: 3 }), learningRate: 0.02 });
    trainer.step(2);
    trainer.setLearningRate(0.001);
    trainer.step(2);
    expect(Array.from(trainer.learningRates)).toEqual([0.02, 0.02, 0.001, 0.001]);
    expect(() => trainer.setLearningRate(-1)).toThrow(/learning rate/);
  });

  it('stops with a diverged status, finite losses and the last finite parameters when steps blow up', () => {
    const run = train({ data, params: initParams({ preset: 'writeup', seed: 1 }), learningRate: 5, epochs: 1000 });
    expect(run.status).toBe('diverged');
    expect(run.epochs).toBeLessThan(1000);
    expect(run.divergedAt).toBe(run.epochs);
    expect(run.message).toMatch(/diverged/);
    expect(run.losses.every(Number.isFinite)).toBe(true);
    expect(run.params.every(Number.isFinite)).toBe(true);
  });

  it('reports weights of 1e308 as diverged at epoch 0 instead of returning NaN', () => {
    const params = new Float64Array(9).fill(1e308);
    const run = train({ data, params, learningRate: 0.01, epochs: 10 });
    expect(run.status).toBe('diverged');
    expect(run.divergedAt).toBe(0);
    expect(run.losses.length).toBe(0);
    expect(Array.from(run.params)).toEqual(Array.from(params));
  });

  it('refuses NaN parameters, negative or non-finite learning rates and bad batch sizes with clear messages', () => {
    const params = initParams();
    expect(validateTrainConfig({ data, params, learningRate: -0.1 })[0]).toMatch(/learning rate must be between 0/);
    expect(validateTrainConfig({ data, params, learningRate: NaN })[0]).toMatch(/learning rate must be a number/);
    expect(validateTrainConfig({ data, params, learningRate: Infinity })[0]).toMatch(/finite/);
    const withNaN = Float64Array.from(params);
    withNaN[4] = NaN;
    expect(validateTrainConfig({ data, params: withNaN, learningRate: 0.1 })[0]).toBe('W5 is not a finite number.');
    expect(validateTrainConfig({ data, params, learningRate: 0.1, batchSize: 0 })[0]).toMatch(/batch size/);
    expect(validateTrainConfig({ data, params: new Float64Array(5), learningRate: 0.1, hidden: 2 })[0]).toMatch(/9 parameters, not 5/);
    expect(validateTrainConfig({ data, params: new Float64Array(8), learningRate: 0.1 })[0]).toMatch(/4H \+ 1.*8 numbers fit no network/);
    expect(validateTrainConfig({ data: { ...data, n: 0 }, params, learningRate: 0.1 })[0]).toMatch(/no samples/);
    expect(() => train({ data, params, learningRate: 0.1, epochs: -1 })).toThrow(TrainerInputError);
  });

  it('makes one update per mini-batch and shuffles reproducibly from its own seed', () => {
    const params = initParams({ seed: 6 });
    const a = train({ data, params, learningRate: 0.01, epochs: 3, batchSize: 32, shuffleSeed: 1 });
    const b = train({ data, params, learningRate: 0.01, epochs: 3, batchSize: 32, shuffleSeed: 1 });
    const c = train({ data, params, learningRate: 0.01, epochs: 3, batchSize: 32, shuffleSeed: 2 });
    expect(a.updates).toBe(3 * Math.ceil(300 / 32));
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    expect(Array.from(a.params)).not.toEqual(Array.from(c.params));
    const perSample = train({ data, params, learningRate: 0.001, epochs: 2, batchSize: 1 });
    expect(perSample.updates).toBe(600);
  });

  it('takes N times bigger steps with a summed loss, exactly like the mean loss at N times the rate', () => {
    const small = makeDataset({ n: 8 });
    const params = initParams({ seed: 2 });
    const sum = train({ data: small, params, learningRate: 0.001, epochs: 5, lossForm: 'sum' });
    const mean = train({ data: small, params, learningRate: 0.008, epochs: 5 });
    for (let j = 0; j < 9; j++) expect(sum.params[j]).toBeCloseTo(mean.params[j], 12);
  });

  it('never moves the four parameters of a unit that is dead on every sample', () => {
    const example = fromNamed(WRITEUP_EXAMPLE);
    const minmax = makeDataset({ scaling: 'minmax' });
    const squeezed = { ...minmax, x1: minmax.x1.map((v) => v - 0.5), x2: minmax.x2.map((v) => v - 0.5) };
    const activity = unitActivity(example, squeezed);
    expect(activity.states[0]).toBe('dead');
    const run = train({ data: squeezed, params: example, learningRate: 0.01, epochs: 2000 });
    for (const j of [0, 2, 4, 6]) expect(run.params[j]).toBe(example[j]);
    expect(run.params[8]).not.toBe(example[8]);
  });
});

describe('Trainer', () => {
  it('gives the loss history with the loss after the last epoch: E + 1 values, the last at the current parameters', () => {
    const trainer = new Trainer({ data, params: initParams({ seed: 4 }), learningRate: 0.05 });
    expect(Array.from(trainer.lossHistory())).toEqual([meanSquaredError(trainer.params, data)]);
    trainer.step(30);
    const history = trainer.lossHistory();
    expect(history.length).toBe(31);
    expect(Array.from(history.subarray(0, 30))).toEqual(Array.from(trainer.losses));
    expect(history[30]).toBe(meanSquaredError(trainer.params, data));
    expect(history[30]).toBe(trainer.currentLoss());
    // The loss after e epochs is the loss the next epoch starts from.
    trainer.step(1);
    expect(trainer.losses[30]).toBe(history[30]);
    // A copy: the run going on does not change a history already taken.
    history[0] = -1;
    expect(trainer.lossHistory()[0]).not.toBe(-1);
  });

  it('returns the same history from train() as from the stepwise trainer', () => {
    const params = initParams({ seed: 4 });
    const run = train({ data, params, learningRate: 0.05, epochs: 25 });
    const trainer = new Trainer({ data, params, learningRate: 0.05 });
    trainer.step(25);
    expect(Array.from(run.lossHistory)).toEqual(Array.from(trainer.lossHistory()));
    expect(run.lossHistory[25]).toBe(meanSquaredError(run.params, data));
  });

  it('ends a diverged run’s history with an infinite loss, never NaN', () => {
    const trainer = new Trainer({ data, params: initParams({ preset: 'writeup', seed: 2 }), learningRate: 1000 });
    trainer.step(200);
    expect(trainer.status).toBe('diverged');
    const history = trainer.lossHistory();
    expect(history.length).toBe(trainer.epoch + 1);
    expect(history.some((v) => Number.isNaN(v))).toBe(false);
    expect(trainer.currentLoss()).not.toBeNaN();
  });

  it('keeps its progress read-only: epoch, updates, rate, status and message change only by training', () => {
    const trainer = new Trainer({ data, params: initParams({ seed: 4 }), learningRate: 0.05 });
    const fields = ['epoch', 'updates', 'learningRate', 'status', 'divergedAt', 'message'] as const;
    for (const field of fields) {
      expect(() => Object.assign(trainer, { [field]: 7 })).toThrow(TypeError);
    }
    trainer.step(3);
    expect([trainer.epoch, trainer.updates, trainer.learningRate, trainer.status, trainer.divergedAt, trainer.message]).toEqual([3, 3, 0.05, 'ok', -1, '']);
    trainer.setLearningRate(0.01);
    expect(trainer.learningRate).toBe(0.01);
  });

  it('reads the hidden width from a 17-value start (H = 4) like every other function', () => {
    const params = initParams({ seed: 3, hidden: 4 });
    const trainer = new Trainer({ data, params, learningRate: 0.02 });
    expect(trainer.hidden).toBe(4);
    trainer.step(5);
    const explicit = train({ data, params, learningRate: 0.02, epochs: 5, hidden: 4 });
    expect(Array.from(trainer.params)).toEqual(Array.from(explicit.params));
    expect(() => new Trainer({ data, params: new Float64Array(10), learningRate: 0.02 })).toThrow(/10 numbers fit no network/);
  });

  it('refuses data without a sample count or with columns of different lengths', () => {
    const params = initParams();
    const { x1, x2, y } = data;
    expect(() => new Trainer({ data: { x1, x2, y } as typeof data, params, learningRate: 0.1 })).toThrow(TrainerInputError);
    expect(() => new Trainer({ data: { ...data, y: y.subarray(1) }, params, learningRate: 0.1 })).toThrow(/y has 299/);
  });
});
