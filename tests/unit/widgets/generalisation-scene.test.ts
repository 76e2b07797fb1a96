import { describe, expect, it } from 'vitest';
import { generalisationSettings } from '../../../src/experiments/generalisation/settings';
import { runGeneralisation, trueTargets } from '../../../src/experiments/generalisation/run';
import { generalisationScene, LOSS_COLUMNS } from '../../../src/widgets/generalisation/scene';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { targetFunction } from '../../../src/trainer';

const quick = { ...generalisationSettings.defaults, epochs: 600 };
const run = runGeneralisation(quick);

describe('the generalisation scene', () => {
  it('draws both losses, the noise floor and early stopping’s epoch, with words for each', () => {
    const scene = generalisationScene(run);
    const svg = toSvgString(scene.panels.loss);
    expect(svg).toContain('noise floor');
    expect(svg).toContain('best held-out');
    expect(svg).toMatch(new RegExp(`<desc>[^<]*marks epoch ${run.bestEpoch},`));
    expect(svg.match(/class="np-series"/g)).toHaveLength(2);
    expect(svg).toMatch(/<desc>[^<]*held-out samples it never sees/);
  });

  it('places every sample of both parts on the fit panel, and moves them when the fit is taken at the best epoch', () => {
    const end = toSvgString(generalisationScene(run, 'end').panels.fit);
    const best = toSvgString(generalisationScene(run, 'best').panels.fit);
    expect(end).toContain('data-points="train"');
    expect(end).toContain('data-points="test"');
    expect(best).not.toBe(end);
  });

  it('puts each sample at its noise-free value x1² + x2 in the training part’s units', () => {
    const truth = trueTargets(run.split.test);
    const s = run.split.test.scaling.y;
    expect(truth[0]).toBeCloseTo((targetFunction(run.split.test.raw.x1[0], run.split.test.raw.x2[0]) - s.shift) / s.scale, 12);
  });

  it('says when the training loss is below the floor, and lists the losses at selected epochs', () => {
    const scene = generalisationScene(run);
    expect(scene.state).toBe(run.trainLosses[run.trainLosses.length - 1] < run.floor ? 'memorising' : 'ok');
    expect(scene.tables.losses[0]).toHaveLength(LOSS_COLUMNS.length);
    expect(scene.tables.losses[0][0]).toBe('0');
    expect(scene.tables.losses.at(-1)![0]).toBe('600');
  });

  it('names a diverged run in words, never as a number that is not one', () => {
    const diverged = runGeneralisation({ ...quick, learningRate: 10, epochs: 200 });
    const scene = generalisationScene(diverged);
    expect(diverged.status).toBe('diverged');
    expect(scene.state).toBe('diverged');
    expect(Object.values(scene.numbers).join(' ')).not.toMatch(/NaN|undefined/);
    expect(scene.numbers.verdict).toMatch(/smaller learning rate/);
  });
});
