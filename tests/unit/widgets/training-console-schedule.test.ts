// The console's learning-rate schedule (constant or reduce-on-plateau), its new control groups,
// and the rate it reports: what the playground adds to the training console.
import { describe, expect, it } from 'vitest';
import { describeChanges, PANELS, scheduleSpec, type TrainingConsoleConfig, trainingConsoleSettings } from '../../../src/experiments/training-console/settings';
import { advance, nextRate, rateDuring, rateMarks, runTo, startRun } from '../../../src/experiments/training-console/run';
import { initParams, makeDataset, makeSchedule, train } from '../../../src/trainer';
import { expectNotice } from '../../helpers/notice';

const base: TrainingConsoleConfig = { ...trainingConsoleSettings.defaults, epoch: 0 };
const plateau: TrainingConsoleConfig = { ...base, schedule: 'plateau', learningRate: 0.1, patience: 20, factor: 0.5 };

describe('the console schedule settings', () => {
  it('keeps a constant rate by default, so every existing console trains as before', () => {
    expect(trainingConsoleSettings.defaults.schedule).toBe('constant');
    expect(scheduleSpec(trainingConsoleSettings.defaults)).toEqual({ kind: 'constant' });
  });

  it('reads reduce-on-plateau and every one of its options from a link', () => {
    const { config, notices } = trainingConsoleSettings.parse(
      new URLSearchParams('schedule=plateau&factor=0.25&patience=30&threshold=0.001&thresholdMode=abs&cooldown=5&minLr=0.001&flavour=keras'),
    );
    expect(notices).toEqual([]);
    expect(scheduleSpec(config)).toEqual({ kind: 'plateau', factor: 0.25, patience: 30, threshold: 0.001, thresholdMode: 'abs', cooldown: 5, minLr: 0.001, flavour: 'keras' });
  });

  it('accepts the names people use for the two schedules', () => {
    const schedule = (text: string) => {
      const read = trainingConsoleSettings.fields.schedule.read(text);
      return read.ok ? read.value : null;
    };
    expect(['plateau', 'reduce-on-plateau', 'ReduceLROnPlateau', ' PLATEAU '].map(schedule)).toEqual(['plateau', 'plateau', 'plateau', 'plateau']);
    expect(['constant', 'fixed', 'none'].map(schedule)).toEqual(['constant', 'constant', 'constant']);
    expect(schedule('cosine')).toBeNull();
  });

  it('refuses bad schedule settings with a notice naming them, keeping the defaults', () => {
    const cases: [string, string, RegExp][] = [
      ['schedule', 'cosine', /schedule.*“cosine”/i],
      ['factor', '1', /factor must be below 1/],
      ['factor', '0', /factor must be above 0/],
      ['factor', 'NaN', /factor/i],
      ['patience', '-3', /Patience/],
      ['patience', '2.5', /Patience/],
      ['cooldown', 'Infinity', /Cooldown/],
      ['threshold', '1e308', /threshold/i],
      ['minLr', '', /min_lr/],
      ['thresholdMode', 'sideways', /threshold mode/i],
      ['flavour', 'jax', /counting.*jax/i],
    ];
    for (const [key, text, message] of cases) {
      const { config, notices } = trainingConsoleSettings.parse({ [key]: text });
      expect(notices, `${key}=${text}`).toHaveLength(1);
      expect(notices[0]).toMatch(message);
      expect(config[key as keyof TrainingConsoleConfig]).toEqual(trainingConsoleSettings.defaults[key as keyof TrainingConsoleConfig]);
    }
  });

  it('falls back to the absolute mode when Keras is asked to compare relatively', () => {
    const { config, notices } = trainingConsoleSettings.parse({ flavour: 'keras', thresholdMode: 'rel' });
    expect(config.thresholdMode).toBe('abs');
    expectNotice(notices[0], { names: 'Keras', says: /absolute/ });
  });

  it('round-trips the schedule through a link', () => {
    const config: TrainingConsoleConfig = { ...plateau, threshold: 0.0003, cooldown: 7, minLr: 0.0005, flavour: 'keras', thresholdMode: 'abs' };
    expect(trainingConsoleSettings.parse(trainingConsoleSettings.serialise(config))).toEqual({ config, notices: [] });
  });

  it('offers the new control groups as panels, in the console’s order', () => {
    expect(PANELS).toEqual(expect.arrayContaining(['data', 'schedule', 'start']));
    expect(trainingConsoleSettings.parse({ panels: 'start,schedule,loss,data' }).config.panels).toEqual(['loss', 'data', 'schedule', 'start']);
  });

  it('names schedule changes and cleared exact values in words', () => {
    expectNotice(describeChanges(base, { ...base, schedule: 'plateau', patience: 50 }), { names: ['schedule', 'patience'], uses: ['reduce on plateau', '50'] });
    expectNotice(describeChanges({ ...base, start: [1, 2, 3, 4, 5, 6, 7, 8, 9] }, base), { names: 'starting values', says: /none|preset/ });
  });
});

describe('a console run with a schedule', () => {
  it('trains exactly as the trainer does with the same reduce-on-plateau schedule', () => {
    const run = runTo(plateau, 600);
    const direct = train({
      data: makeDataset(),
      params: initParams({ preset: 'he', seed: 1 }),
      learningRate: 0.1,
      epochs: 600,
      schedule: makeSchedule(scheduleSpec(plateau)),
    });
    expect(Array.from(run.trainer.params)).toEqual(Array.from(direct.params));
    expect(Array.from(run.trainer.learningRates)).toEqual(Array.from(direct.learningRates));
  });

  it('replays a scheduled run exactly, so stepping back and forward meets the same numbers', () => {
    const whole = runTo(plateau, 500);
    const pieces = startRun(plateau);
    for (const n of [7, 100, 1, 250, 142]) advance(pieces, n);
    expect(Array.from(pieces.trainer.params)).toEqual(Array.from(whole.trainer.params));
    expect(rateMarks(pieces)).toEqual(rateMarks(whole));
  });

  it('marks each cut of the schedule with the rate it set, and the reader’s own changes, in epoch order', () => {
    const run = runTo({ ...plateau, rateChanges: [{ epoch: 3, rate: 0.2 }] }, 2000);
    const marks = rateMarks(run);
    expect(marks[0]).toEqual({ epoch: 3, rate: 0.2 });
    expect(run.trainer.cuts.length).toBeGreaterThan(0);
    for (const cut of run.trainer.cuts.filter((e) => e <= run.trainer.epoch)) {
      expect(marks).toContainEqual({ epoch: cut, rate: rateDuring(run, cut) });
    }
    expect(marks.map((m) => m.epoch)).toEqual([...marks.map((m) => m.epoch)].sort((a, b) => a - b));
    // After each cut the rate is the one before it times the factor.
    const cut = run.trainer.cuts[0];
    expect(rateDuring(run, cut)).toBeCloseTo(rateDuring(run, cut - 1) * 0.5, 12);
  });

  it('reports the rate the next epoch will use: the reader’s pending change, the starting rate, or the schedule’s', () => {
    const run = startRun(plateau);
    expect(nextRate(run)).toBe(0.1);
    advance(run, 2000);
    expect(nextRate(run)).toBe(run.trainer.learningRate);
    expect(nextRate(run)).toBeLessThan(0.1);
    const changed = runTo({ ...base, rateChanges: [{ epoch: 10, rate: 0.3 }] }, 10);
    expect(nextRate(changed)).toBe(0.3);
  });

  it('uses a rate changed before the first epoch from that first epoch on', () => {
    const config = { ...base };
    const run = startRun(config);
    config.learningRate = 0.5; // what the console does when η is changed at epoch 0
    advance(run, 3);
    expect(Array.from(run.trainer.learningRates)).toEqual([0.5, 0.5, 0.5]);
  });
});
