// The extreme-starts widget: its run and what its scene shows (its settings: experiments/extreme-starts-settings.test.ts).
import { describe, expect, it } from 'vitest';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { extremeStartsSettings, type ExtremeStartsConfig } from '../../../src/experiments/extreme-starts/settings';
import { extremeData, extremeRun, FIRST_STEPS } from '../../../src/experiments/extreme-starts/run';
import { divergenceAdvice, extremeScene, formatScaled, rateComparison, stepRows, STEP_COLUMNS } from '../../../src/widgets/extreme-starts/scene';
import { expectNotice } from '../../helpers/notice';

const config = (over: Partial<ExtremeStartsConfig> = {}): ExtremeStartsConfig => ({ ...extremeStartsSettings.defaults, epochs: 300, ...over });
const everything = (scene: ReturnType<typeof extremeScene>) =>
  [...Object.values(scene.panels).map(toSvgString), ...Object.values(scene.numbers), ...scene.tables.steps.flat()].join(' ');

describe('extremeRun', () => {
  it('moves nothing but B3 (by rounding only) from all zeros on standardised data', () => {
    const run = extremeRun(config());
    expect(run.steps).toHaveLength(FIRST_STEPS);
    for (const step of run.steps) for (let j = 0; j < 8; j++) expect(step[j]).toBe(0);
    expect(run.steps[0][8]).toBeLessThan(1e-15);
    expect(Math.abs(run.losses[run.epochs] - run.varY)).toBeLessThan(1e-12);
  });

  it('moves B3 to the mean from all zeros on min-max data', () => {
    const run = extremeRun(config({ scaling: 'minmax', epochs: 3000 }));
    expect(run.steps[0][8]).toBeGreaterThan(1e-3);
    expect(Math.abs(run.losses[run.epochs] - run.varY)).toBeLessThan(1e-12);
    expect(run.data).toBe(extremeData('minmax'));
  });

  it('diverges from weights in the millions at η = 0.01, with the steps it managed listed', () => {
    const run = extremeRun(config({ start: 'huge-weights' }));
    expect(run.status).toBe('diverged');
    expect(run.divergedAt).toBe(3);
    expect(run.steps).toHaveLength(3);
    expect(run.stableRate).toBeLessThan(1e-13);
    expect(run.losses[run.epochs]).toBe(Infinity);
  });

  it('stays finite from the same start at half the stable rate', () => {
    const first = extremeRun(config({ start: 'huge-weights', epochs: 1 }));
    const run = extremeRun(config({ start: 'huge-weights', learningRate: first.stableRate / 2, epochs: 500 }));
    expect(run.status).toBe('ok');
  });

  it('ends with both units dead from very large biases', () => {
    const run = extremeRun(config({ start: 'large-biases', epochs: 3000 }));
    expect(run.unitsNow.states).toEqual(['dead', 'dead']);
    expect(Math.abs(run.losses[run.epochs] - run.varY)).toBeLessThan(1e-12);
  });
});

describe('extremeScene', () => {
  it('flags a divergence in words and on the curve, and never prints NaN, undefined or Infinity', () => {
    const scene = extremeScene(extremeRun(config({ start: 'huge-weights' })));
    expect(scene.numbers.outcome).toMatch(/^Diverged at epoch 3/);
    expect(scene.numbers.loss).toBe('too large to represent');
    expect(toSvgString(scene.panels.loss)).toMatch(/diverged at epoch 3/);
    expect(toSvgString(scene.panels.meter)).toMatch(/far below/);
    expect(scene.numbers.ratio).toMatch(/unstable at the start/);
    expect(everything(scene)).not.toMatch(/NaN|undefined|Infinity/);
    // The fourth step never happened.
    expect(scene.tables.steps.every((row) => row[row.length - 1] === '—')).toBe(true);
  });

  it('says what helps after a divergence, leaving out what a teacher has locked', () => {
    const run = extremeRun(config({ start: 'huge-weights' }));
    const free = divergenceAdvice(run, () => false);
    expectNotice(free, { names: ['epoch 3', '2/λmax'], says: /diverged/, uses: formatScaled(run.stableRate) });
    expect(free).toMatch(/milder start/);
    expect(free).not.toMatch(/step back|reset/i);
    const rateLocked = divergenceAdvice(run, (name) => name === 'learningRate');
    expect(rateLocked).not.toMatch(/learning rate|2\/λmax/);
    expect(rateLocked).toMatch(/milder start/);
    const bothLocked = divergenceAdvice(run, () => true);
    expect(bothLocked).toMatch(/diverged at epoch 3/);
    expect(bothLocked).not.toMatch(/learning rate|start\b/);
  });

  it('says when both units are dead and the run can only learn the mean', () => {
    const scene = extremeScene(extremeRun(config({ start: 'large-biases', epochs: 3000 })));
    expect(scene.numbers.outcome).toMatch(/Both hidden units are dead/);
    expect(scene.numbers.unit1Now).toMatch(/^dead/);
    expect(scene.numbers.r2).toBe('0.000');
    expect(everything(scene)).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('lists every parameter with its start and the first steps', () => {
    const rows = stepRows(extremeRun(config({ start: 'he' })));
    expect(rows.map((r) => r[0])).toEqual(['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3']);
    rows.forEach((r) => expect(r).toHaveLength(STEP_COLUMNS.length));
  });

  it('writes huge and tiny numbers as powers of ten and ordinary ones plainly', () => {
    expect(formatScaled(3.6e26)).toBe('3.6 × 10²⁶');
    expect(formatScaled(1e-14)).toBe('10⁻¹⁴');
    expect(formatScaled(0.0488)).toBe('0.0488');
    expect(formatScaled(0)).toBe('0');
    expectNotice(rateComparison(0.01, 1e-14), { names: '2/λmax', says: /unstable/, uses: '10¹²' });
    expectNotice(rateComparison(0.01, 1), { names: '2/λmax', says: /\bstable/, uses: '0.01' });
  });
});
