import { describe, expect, it } from 'vitest';
import { fitScene, parameterCaption, parameterRows, parityScene } from '../../../src/widgets/training-console/scene';
import { tableEpochs, unitSummary } from '../../../src/experiments/training/report';
import { epochAtX, lossScene, lossTableRows } from '../../../src/widgets/training-console/lossScene';
import { formatLoss, formatR2 } from '../../../src/experiments/format';
import { toSvgString, type SvgNode } from '../../../src/widgets/kit/svg';
import { trainingConsoleSettings } from '../../../src/experiments/training-console/settings';
import { runTo, currentLoss } from '../../../src/experiments/training-console/run';
import { expectNotice } from '../../helpers/notice';

function find(node: SvgNode, predicate: (n: SvgNode) => boolean): SvgNode[] {
  const own = predicate(node) ? [node] : [];
  return [...own, ...(node.children ?? []).flatMap((c) => find(c, predicate))];
}
const byClass = (node: SvgNode, name: string) => find(node, (n) => String(n.attrs?.class ?? '').split(' ').includes(name));
const texts = (node: SvgNode) => find(node, (n) => n.text !== undefined).map((n) => n.text);

const past = Float64Array.from([10, 3, 1, 0.3, 0.1]);

describe('lossScene', () => {
  it('draws the same scene for the same run', () => {
    const a = lossScene({ past, current: 0.05, varY: 1, yScale: 'log' });
    const b = lossScene({ past, current: 0.05, varY: 1, yScale: 'log' });
    expect(toSvgString(a.svg)).toBe(toSvgString(b.svg));
  });

  it('puts equal factors at equal heights on the log axis', () => {
    const scene = lossScene({ past: Float64Array.from([100, 10, 1]), current: 0.1, varY: 1, yScale: 'log' });
    const d = String(byClass(scene.svg, 'tc-loss')[0].attrs?.d);
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(4);
    const gaps = ys.slice(1).map((y, i) => y - ys[i]);
    for (const g of gaps) expect(g).toBeCloseTo(gaps[0], 0);
    expect(texts(scene.svg)).toContain('loss L (log scale)');
  });

  it('draws a straight axis from zero on the linear scale', () => {
    const scene = lossScene({ past, current: 0.05, varY: 1, yScale: 'linear' });
    expect(texts(scene.svg)).toContain('loss L');
    expect(texts(scene.svg)).toContain('0');
  });

  it('always draws the Var(y) baseline with its meaning', () => {
    const scene = lossScene({ past, current: 0.05, varY: 1, yScale: 'log' });
    expect(byClass(scene.svg, 'tc-baseline')).toHaveLength(1);
    expect(texts(scene.svg)).toContain('Var(y) = 1: predict the mean');
  });

  it('names the curve for screen readers with its first and last loss', () => {
    const scene = lossScene({ past, current: 0.05, varY: 1, yScale: 'log' });
    expectNotice(scene.svg.attrs?.['aria-label'], { names: ['loss', 'epoch', 'logarithmic'], uses: ['10 at epoch 0', '0.05 at epoch 5'] });
  });

  it('marks the cursor with the exact epoch and loss', () => {
    const scene = lossScene({ past, current: 0.05, varY: 1, yScale: 'log', cursor: 2 });
    expect(texts(byClass(scene.svg, 'tc-cursor')[0])).toEqual(['epoch 2: 1']);
  });

  it('maps a pointer position back to the nearest epoch, clamped to the run', () => {
    const scene = lossScene({ past: new Float64Array(100).fill(1), current: 1, varY: 1, yScale: 'log' });
    expect(epochAtX(scene, scene.axis.left)).toBe(0);
    expect(epochAtX(scene, scene.axis.right + 50)).toBe(100);
    expect(epochAtX(scene, (scene.axis.left + scene.axis.right) / 2)).toBe(50);
  });

  it('marks a divergence and never prints NaN or Infinity', () => {
    const scene = lossScene({ past: Float64Array.from([1, 1e10, 1e100, 1e300]), current: Infinity, varY: 1, yScale: 'log', divergedAt: 4 });
    const svg = toSvgString(scene.svg);
    expect(svg).toContain('diverged at epoch 4');
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    expect(scene.svg.attrs?.['aria-label']).toMatch(/too large to represent at epoch 4/);
  });

  it('keeps a million-epoch curve to a few hundred points', () => {
    const long = Float64Array.from({ length: 1_000_000 }, (_, i) => 1 / (1 + i));
    const scene = lossScene({ past: long, current: 1e-6, varY: 1, yScale: 'log' });
    const d = String(byClass(scene.svg, 'tc-loss')[0].attrs?.d);
    expect((d.match(/[ML]/g) ?? []).length).toBeLessThan(500);
  });

  it('labels rate changes on the curve', () => {
    const scene = lossScene({ past, current: 0.05, varY: 1, yScale: 'log', rateChanges: [{ epoch: 3, rate: 0.5 }] });
    expect(texts(scene.svg)).toContain('η → 0.5');
  });
});

describe('numbers and tables', () => {
  const run = runTo({ ...trainingConsoleSettings.defaults, epoch: 30 }, 30);

  it('lists all nine parameters with their start, value now, slope and next step', () => {
    const grad = Float64Array.from({ length: 9 }, (_, i) => i - 4);
    const rows = parameterRows(run.start, run.trainer.params, grad, 0.1, 2);
    expect(rows.map((r) => r.name)).toEqual(['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3']);
    expect(rows[0].role).toBe('x1 → h1');
    expect(rows[8].role).toBe('bias of ŷ');
    expect(rows[0].gradient).toBe('−4');
    expect(rows[0].step).toBe('0.4');
    expect(rows[4].step).toBe('0');
  });

  it('names the parameters of wider networks by their connection', () => {
    const H = 3;
    const zeros = new Float64Array(4 * H + 1);
    const rows = parameterRows(zeros, zeros, zeros, 0.1, H);
    expect(rows).toHaveLength(13);
    expect(rows[2].role).toBe('x1 → h3');
    expect(rows[12].role).toBe('bias of ŷ');
  });

  it('never shows NaN: overflowing values are named in words', () => {
    const huge = Float64Array.from({ length: 9 }, () => Infinity);
    const rows = parameterRows(new Float64Array(9), new Float64Array(9), huge, 1, 2);
    expect(rows[0].gradient).toBe('too large');
    expect(formatLoss(Infinity)).toBe('too large to represent');
    expect(formatR2(-Infinity)).toBe('far below 0');
    expect(formatR2(-5e6)).toBe('−5,000,000');
    expect(formatR2(0.94712)).toBe('0.947');
  });

  it('tabulates the loss at 0, 1, 2, 5, 10, 20 … and the current epoch', () => {
    expect(tableEpochs(0)).toEqual([0]);
    expect(tableEpochs(30)).toEqual([0, 1, 2, 5, 10, 20, 30]);
    expect(tableEpochs(100)).toEqual([0, 1, 2, 5, 10, 20, 50, 100]);
    const rows = lossTableRows({ past: run.trainer.losses, current: currentLoss(run), varY: run.varY });
    expect(rows[0][0]).toBe('0');
    expect(rows[rows.length - 1][0]).toBe('30');
  });

  it('captions the parameter table with every parameter of the width shown', () => {
    expectNotice(parameterCaption(2), { names: 'nine parameters' });
    expectNotice(parameterCaption(8), { uses: ['33', 'H = 8'] });
  });

  it('says what each hidden unit does', () => {
    expect(unitSummary(run.data, run.trainer.params, 2)).toMatch(/^h1 on for \d+ of 300 \(a hinge\) · h2 /);
    const dead = Float64Array.from([0, 0, 0, 0, 0, 0, -1, -1, 2]);
    expect(unitSummary(run.data, dead, 2)).toBe('h1 dead (on for no sample) · h2 dead (on for no sample)');
  });

  it('draws the fit and predicted-against-actual without drawing outside the plot when the run blows up', () => {
    const wild = Float64Array.from([1e6, -1e6, 1e6, 1e6, 1e6, 1e6, 0, 0, 0]);
    for (const scene of [fitScene(run.data, wild, 2, 3), parityScene(run.data, wild, 2, 3)]) {
      const svg = toSvgString(scene);
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
      const coords = [...svg.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[2]));
      expect(Math.max(...coords)).toBeLessThan(400);
      expect(Math.min(...coords)).toBeGreaterThan(-80);
    }
  });
});
