// The dead-units widget: its run and what its scene shows (its settings: experiments/dead-units-settings.test.ts).
import { describe, expect, it } from 'vitest';
import { deadUnitsSettings } from '../../../src/experiments/dead-units/settings';
import { deadUnitsData, deadUnitsRunSteps, runDeadUnits } from '../../../src/experiments/dead-units/run';
import { activityRows, deadUnitsScene, listNames, tableRows, unitStory } from '../../../src/widgets/dead-units/scene';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { expectNotice } from '../../helpers/notice';

const DEAD_UNITS_DEFAULTS = deadUnitsSettings.defaults;

describe('runDeadUnits', () => {
  it('keeps a count of on-samples per unit for every epoch and finds where a unit died', () => {
    const run = runDeadUnits({ ...DEAD_UNITS_DEFAULTS, scaling: 'zscore', epochs: 100 });
    expect(run.active[0]).toHaveLength(101);
    expect(run.losses).toHaveLength(101);
    expect(run.deadFrom[0]).toBeGreaterThan(0);
    expect(run.active[0][run.deadFrom[0] - 1]).toBeGreaterThan(0);
    expect(run.active[0][run.deadFrom[0]]).toBe(0);
    expect(run.deadFrom[1]).toBe(-1);
  });

  it('gives the same run in slices as at once', () => {
    const config = { ...DEAD_UNITS_DEFAULTS, scaling: 'zscore' as const, epochs: 1200 };
    const steps = deadUnitsRunSteps(config, deadUnitsData('zscore'), 500);
    const epochs: number[] = [];
    // One epoch first, then the pieces the slice scheduler asks for (here 300 epochs each).
    let step = steps.next();
    for (; !step.done; step = steps.next(300)) epochs.push(step.value);
    expect(epochs).toEqual([1, 301, 601, 901]);
    const whole = runDeadUnits(config);
    expect(step.value.losses).toEqual(whole.losses);
    expect(step.value.active).toEqual(whole.active);
  });

  it('uses the squeezed data set for x ÷ range', () => {
    const data = deadUnitsData('squeezed');
    expect(Math.min(...data.x1)).toBe(-0.5);
  });

  it('stops at a divergence and keeps the last finite parameters', () => {
    const run = runDeadUnits({ ...DEAD_UNITS_DEFAULTS, scaling: 'none' });
    expect(run.status).toBe('diverged');
    expect(run.epochs).toBeLessThan(DEAD_UNITS_DEFAULTS.epochs);
    expect(run.final.every(Number.isFinite)).toBe(true);
    expect(deadUnitsScene(run, 'none').numbers.outcome).toMatch(/^The run diverged after \d+ epochs.*smaller learning rate/);
    // A teacher's locked rate is not suggested.
    expect(deadUnitsScene(run, 'none', false).numbers.outcome).not.toMatch(/learning rate/);
    expect(deadUnitsScene(runDeadUnits({ ...DEAD_UNITS_DEFAULTS, epochs: 10 }), 'squeezed').numbers.outcome).toBe('Trained for all 10 epochs.');
  });
});

describe('the dead-units scene', () => {
  const run = runDeadUnits(DEAD_UNITS_DEFAULTS);
  const scene = deadUnitsScene(run, 'squeezed');

  it('marks unit 1’s four rows unchanged (exactly), names B3 the largest change and B1, which keeps unit 1 off, the one that matters most', () => {
    const rows = tableRows(run);
    expect(rows.filter((r) => r.unchanged).map((r) => r.name)).toEqual(['W1', 'W3', 'W5', 'B1']);
    expect(rows.filter((r) => r.unchanged).every((r) => r.moved === 'unchanged (exactly)' && r.change === '0')).toBe(true);
    expect(rows.filter((r) => ['W1', 'W3', 'W5'].includes(r.name)).every((r) => r.zeroed === '0')).toBe(true);
    expect(rows.find((r) => r.largest)?.name).toBe('B3');
    expect(rows.find((r) => r.mostImportant)?.name).toBe('B1');
    expectNotice(scene.numbers.important, { names: ['B1', 'h1'], says: /dead/ });
    expect(scene.numbers.important).toMatch(/\d+ samples/); // how many samples h1 would be on for
    expectNotice(scene.numbers.unchanged, { names: ['W1', 'W3', 'W5', 'B1'], says: /not change|unchanged/ });
    for (const moved of ['W2', 'W4', 'W6', 'B2', 'B3']) expect(scene.numbers.unchanged).not.toContain(moved);
    expect(scene.numbers.largest).toMatch(/^The largest change: B3 \(\+3\.0/);
  });

  it('tells each unit’s story', () => {
    expect(unitStory(run, 0)).toMatch(/^h1 is off for all 300 samples from the start/);
    expect(unitStory(run, 1)).toMatch(/^h2 is on for \d+ of 300 samples at the end/);
    const later = runDeadUnits({ ...DEAD_UNITS_DEFAULTS, scaling: 'zscore' });
    expect(unitStory(later, 0)).toMatch(/^h1 was on for 110 of 300 samples at the start, moved, and from epoch \d+ is off/);
  });

  it('lists names in prose', () => {
    expect(listNames(['W1'])).toBe('W1');
    expect(listNames(['W1', 'W3', 'B1'])).toBe('W1, W3 and B1');
  });

  it('draws both planes and the activity chart, with the dead unit’s region off the data', () => {
    const start = toSvgString(scene.panels.start);
    expect(start).toContain('dz-kink-h1');
    expect(start).toContain('dz-kink-h2');
    expect(start).toContain('h1 on for 0 of 300 samples');
    expect(toSvgString(scene.panels.activity)).toContain('How many samples each unit is on');
  });

  it('gives a text table at checkpoint epochs', () => {
    const rows = activityRows(run);
    expect(rows[0][1]).toBe('0');
    expect(rows.map((r) => r[0])).toEqual(['0', '1', '2', '5', '10', '20', '50', '100', '200', '500', '1,000', '2,000']);
  });

  it('never prints NaN or undefined, even for a diverged run', () => {
    const diverged = runDeadUnits({ ...DEAD_UNITS_DEFAULTS, scaling: 'none', learningRate: 10 });
    const s = deadUnitsScene(diverged, 'none');
    const text = [JSON.stringify(s.rows), JSON.stringify(s.numbers), toSvgString(s.panels.start), toSvgString(s.panels.end), toSvgString(s.panels.activity), JSON.stringify(activityRows(diverged))].join(' ');
    expect(text).not.toMatch(/NaN|undefined/);
  });
});
