// The scenes of lessons 20 and 21's widgets: what each draws and says for a few settings,
// including the ones that go wrong (a rate above the limit, a saddle, a run that diverges).
import { describe, expect, it } from 'vitest';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { optimiserRaceSettings } from '../../../src/experiments/optimiser-race/settings';
import { raceAtOnce } from '../../../src/experiments/optimiser-race/run';
import { raceScene, RACE_COLUMNS } from '../../../src/widgets/optimiser-race/scene';
import { bowlSettings } from '../../../src/experiments/bowl/settings';
import { bowlScene, runBowl } from '../../../src/widgets/bowl/scene';
import { stepsToOnePercent } from '../../../src/experiments/bowl/steps';
import { spectrumSettings } from '../../../src/experiments/spectrum/settings';
import { measuringEpochs, spectrumRunAtOnce } from '../../../src/experiments/spectrum/run';
import { spectrumScene } from '../../../src/widgets/spectrum/scene';

describe('the optimiser race scene', () => {
  const race = raceAtOnce({ ...optimiserRaceSettings.defaults, epochs: 30 });
  it('draws both paths on the slice’s contours and both loss curves with the noise floor', () => {
    const scene = raceScene(race);
    const slice = toSvgString(scene.panels.slice);
    expect(slice).toContain('data-arm="A"');
    expect(slice).toContain('data-arm="B"');
    expect(slice).toContain('class="np-contours"');
    expect(toSvgString(scene.panels.loss)).toContain('noise floor');
    expect(scene.tables.losses[0]).toHaveLength(RACE_COLUMNS.length);
  });

  it('names a diverged optimiser instead of a loss, and keeps the picture finite', () => {
    const limit = race.curvature.gradientDescentLimit;
    const scene = raceScene(raceAtOnce({ ...optimiserRaceSettings.defaults, rateA: 3 * limit, epochs: 2000 }));
    expect(scene.numbers.endA).toMatch(/^diverged at epoch \d/);
    expect(toSvgString(scene.panels.slice)).not.toMatch(/NaN|Infinity/);
  });
});

describe('the bowl scene', () => {
  const D = bowlSettings.defaults;
  it('settles below the limit, blows up above it, and calls a negative curvature a saddle', () => {
    expect(bowlScene(runBowl(D)).state).toBe('settles');
    const above = bowlScene(runBowl({ ...D, learningRate: 1.1 * (2 / D.lambda1) }));
    expect(above.state).toBe('diverges');
    expect(above.numbers.verdict).toMatch(/above the limit/);
    expect(bowlScene(runBowl({ ...D, lambda2: -1 })).state).toBe('saddle');
    expect(toSvgString(bowlScene(runBowl({ ...D, learningRate: 5, steps: 1000 })).panels.bowl)).not.toMatch(/NaN|Infinity/);
  });

  it('labels both axes with their curvature and counts the steps to 1% of the start’s loss', () => {
    const scene = bowlScene(runBowl(D));
    const svg = toSvgString(scene.panels.bowl);
    expect(svg).toContain(`λ1 = ${D.lambda1}`);
    expect(svg).toContain(`λ2 = ${D.lambda2}`);
    expect(stepsToOnePercent([1, 0.5, 0.009, 0.02, 0.005, 0.001])).toBe(4);
    expect(stepsToOnePercent([1, 0.5])).toBe(-1);
  });
});

describe('the spectrum scene', () => {
  it('measures λmax at the start, the end and the epoch shown, and about a hundred epochs between', () => {
    const epochs = measuringEpochs(2000, 137);
    expect(epochs[0]).toBe(0);
    expect(epochs.at(-1)).toBe(2000);
    expect(epochs).toContain(137);
    expect(epochs.length).toBeGreaterThan(50);
    expect(epochs.length).toBeLessThanOrEqual(102);
  });

  it('shows nine eigenvalues of each matrix at the epoch asked for, and says how many are negative', () => {
    const run = spectrumRunAtOnce({ ...spectrumSettings.defaults, epochs: 200, at: 0 });
    const scene = spectrumScene(run);
    expect(scene.tables.eigenvalues).toHaveLength(9);
    expect(Number(scene.numbers.negatives)).toBe([...run.hessian.eigenvalues].filter((v) => v < -1e-9).length);
    expect(toSvgString(scene.panels.spectrum)).toContain('data-points="hessian"');
    expect(toSvgString(scene.panels.lambda)).toContain('2/η');
  });

  it('shows the last finite point of a run that diverges before the epoch asked for', () => {
    const run = spectrumRunAtOnce({ ...spectrumSettings.defaults, learningRate: 5, epochs: 500, at: 400 });
    expect(run.status).toBe('diverged');
    expect(run.at).toBeLessThan(400);
    expect(Number.isFinite(run.hessian.lambdaMax)).toBe(true);
  });
});
