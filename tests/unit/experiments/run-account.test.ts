// "What happened?": runs built to contain each event, and the account checked against what the
// trainer and independent computations say happened.
import { describe, expect, it } from 'vitest';
import { accountRun, killingSteps, EVENT_LESSONS, type RunEvent } from '../../../src/experiments/run-account/account';
import { describeEvent } from '../../../src/experiments/run-account/describe';
import { datasetFromArrays, makeSchedule, hessianSpectrum, initParams, lossAndGradient, makeDataset, train, unitActivity, B1, W1, W3, W5 } from '../../../src/trainer';
import { Trainer } from '../../../src/trainer/train';

const data = makeDataset();
const ofKind = <K extends RunEvent['kind']>(events: RunEvent[], kind: K) => events.filter((e): e is Extract<RunEvent, { kind: K }> => e.kind === kind);

describe('the account of a run', () => {
  it('names the epoch and the parameter whose step killed a unit, after which its partials are exactly 0', () => {
    // Unit 1 is on for every sample (z = 0.05), the output is far above every target, and x1 + x2
    // sums to 0 over the samples with equal errors: only B1's step (not W1's or W3's) can move it.
    const tiny = datasetFromArrays([-1, 0, 1], [1, 0, -1], [0, 0, 0]);
    const params = Float64Array.from([0.1, 1, 0.1, 0, 5, 0, 0.05, 0, 10]);
    const account = accountRun({ data: tiny, params, hidden: 2, learningRate: 0.1, epochs: 3 });
    const [death] = ofKind(account.events, 'unit-died');
    expect(death).toMatchObject({ epoch: 0, unit: 1, causes: ['B1'], alone: true });
    const after = train({ data: tiny, params, learningRate: 0.1, epochs: 1 }).params;
    expect(after[W1]).toBe(params[W1]);
    expect(after[B1]).toBeLessThan(0);
    const grad = lossAndGradient(after, tiny).grad;
    for (const j of [W1, W3, B1, W5]) expect(grad[j]).toBe(0);
  });

  it('finds the write-up start whose first step kills a unit, as the unit states before and after say', () => {
    const params = initParams({ preset: 'writeup', seed: 62 });
    const account = accountRun({ data, params, hidden: 2, learningRate: 0.03, epochs: 50 });
    const deaths = ofKind(account.events, 'unit-died');
    expect(deaths).toHaveLength(1);
    const before = unitActivity(params, data).states, after = unitActivity(train({ data, params, learningRate: 0.03, epochs: 1 }).params, data).states;
    expect(before[deaths[0].unit - 1]).not.toBe('dead');
    expect(after[deaths[0].unit - 1]).toBe('dead');
    expect(deaths[0].causes.length).toBeGreaterThan(0);
  });

  it('with mini-batches, names the update within the epoch after which the unit stayed dead, as a replay of every update says', () => {
    // A He start whose unit 2 dies part-way through the first epoch (update 25 of 30 today).
    const params = initParams({ preset: 'he', seed: 30 });
    const setup = { data, params, hidden: 2, learningRate: 0.03, epochs: 20, batchSize: 10, shuffleSeed: 3 };
    const deaths = ofKind(accountRun(setup).events, 'unit-died');
    expect(deaths.length).toBeGreaterThan(0);
    const death = deaths[0];
    expect(death.update?.of).toBe(Math.ceil(data.n / 10));
    expect(death.update!.at).toBeGreaterThan(1);
    // The oracle: every update's parameters from a separate trainer, and the unit's state over all samples.
    const after: Float64Array[] = [];
    const trainer = new Trainer({ ...setup, onUpdate: (p) => after.push(Float64Array.from(p)) });
    trainer.step(death.epoch + 1);
    const perEpoch = death.update!.of;
    const index = death.epoch * perEpoch + death.update!.at - 1;
    const state = (p: Float64Array) => unitActivity(p, data).states[death.unit - 1];
    expect(state(index === 0 ? params : after[index - 1])).not.toBe('dead');
    for (let k = index; k < after.length; k++) expect(state(after[k])).toBe('dead');
  });

  it('says a run diverged with a rate above 2/λmax of the exact Hessian where the loss began to grow', () => {
    const params = initParams({ preset: 'he', seed: 1 });
    const account = accountRun({ data, params, hidden: 2, learningRate: 1, epochs: 500 });
    const [diverged] = ofKind(account.events, 'diverged');
    expect(account.status).toBe('diverged');
    expect(diverged.growingFrom).toBe(0);
    expect(diverged.limit).toBe(hessianSpectrum(params, data, 2).stableLearningRate);
    expect(diverged.rate).toBeGreaterThan(diverged.limit);
    expect(diverged.epoch).toBe(train({ data, params, learningRate: 1, epochs: 500 }).divergedAt);
  });

  it('follows the reader’s own rate changes: a rate raised at epoch 20 diverges from there', () => {
    const params = initParams({ preset: 'he', seed: 1 });
    const account = accountRun({ data, params, hidden: 2, learningRate: 0.01, epochs: 500, rateChanges: [{ epoch: 20, rate: 10 }] });
    const [diverged] = ofKind(account.events, 'diverged');
    expect(diverged.growingFrom).toBeGreaterThanOrEqual(20);
    expect(diverged.rate).toBe(10);
    expect(account.losses[19]).toBe(train({ data, params, learningRate: 0.01, epochs: 19 }).lossHistory[19]);
  });

  it('lists a schedule’s rate cuts at the epochs the trainer reports', () => {
    const spec = { kind: 'plateau' as const, patience: 10, factor: 0.5 };
    const setup = { data, params: initParams({ preset: 'he', seed: 1 }), learningRate: 0.05, epochs: 2000 };
    const account = accountRun({ ...setup, hidden: 2, schedule: spec });
    const cuts = ofKind(account.events, 'rate-cut');
    expect(cuts.length).toBeGreaterThan(0);
    expect(cuts.map((e) => e.epoch)).toEqual([...train({ ...setup, schedule: makeSchedule(spec) }).cuts]);
    for (const cut of cuts) expect(cut.to).toBe(cut.from * 0.5);
  });

  it('reports twins for a symmetric start and none for a random one', () => {
    const twins = accountRun({ data, params: initParams({ preset: 'weights2-biases0' }), hidden: 2, learningRate: 0.01, epochs: 200 });
    expect(ofKind(twins.events, 'twins')).toEqual([{ kind: 'twins', units: [1, 2] }]);
    const random = accountRun({ data, params: initParams({ preset: 'he', seed: 1 }), hidden: 2, learningRate: 0.01, epochs: 200 });
    expect(ofKind(random.events, 'twins')).toEqual([]);
  });

  it('finds lesson 9’s plateau (He seed 168): flat to 1% between its ends, then a drop below half its level', () => {
    const account = accountRun({ data, params: initParams({ preset: 'he', seed: 168 }), hidden: 2, learningRate: 0.05, epochs: 5000 });
    const [plateau] = ofKind(account.events, 'plateau');
    expect(plateau.to - plateau.from).toBeGreaterThanOrEqual(250);
    for (let e = plateau.from; e <= plateau.to; e++) expect(Math.abs(account.losses[e] - plateau.level)).toBeLessThan(0.01 * plateau.level);
    expect(Math.min(...account.losses.subarray(plateau.to))).toBeLessThan(0.5 * plateau.level);
  });

  it('links every kind of event to a lesson', () => {
    for (const lesson of Object.values(EVENT_LESSONS)) expect(lesson).toMatch(/^\d\d-[a-z-]+$/);
  });

  it('names no cause when the unit’s own parameters did not move', () => {
    const tiny = datasetFromArrays([1, 2], [1, 2], [0, 0]);
    const before = Float64Array.from([1, 0, 1, 0, 1, 0, -1, 0, 0]);
    expect(killingSteps(before, before, tiny, 2, 0)).toEqual({ causes: [], alone: false });
  });
});

describe('the account in words', () => {
  it('names the update within the epoch when the run used mini-batches, and only then', () => {
    const base = { kind: 'unit-died' as const, epoch: 4, unit: 2, causes: ['W4'], alone: true };
    expect(describeEvent({ ...base, update: { at: 25, of: 30 } }).text).toMatch(/^Epoch 4, update 25 of 30\b/);
    expect(describeEvent(base).text).toMatch(/^Epoch 4: /);
    expect(describeEvent(base).text).not.toMatch(/update/);
  });
});
