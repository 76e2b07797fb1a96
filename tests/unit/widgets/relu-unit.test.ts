import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/trainer/data';
import { RELU_UNIT_PRESETS, reluUnitSettings } from '../../../src/experiments/relu-unit/settings';
import { biasThrough, preActivations } from '../../../src/experiments/relu-unit/unit';
import { affineText, reluUnitScene, SAMPLE_COLUMNS } from '../../../src/widgets/relu-unit/scene';

const RELU_UNIT_DEFAULTS = reluUnitSettings.defaults;
import { toSvgString, type SvgNode } from '../../../src/widgets/kit/svg';

const data = makeDataset();

function find(node: SvgNode, predicate: (n: SvgNode) => boolean): SvgNode[] {
  const own = predicate(node) ? [node] : [];
  return [...own, ...(node.children ?? []).flatMap((c) => find(c, predicate))];
}

describe('reluUnitScene', () => {
  it('counts the samples where z1 > 0 and calls the unit a hinge when some are on and some off', () => {
    const scene = reluUnitScene(data, RELU_UNIT_PRESETS.hinge.values);
    const on = data.x1.filter((v) => v > 0).length;
    expect(scene.numbers.on).toBe(String(on));
    expect(scene.numbers.off).toBe(String(data.n - on));
    expect(scene.state).toBe('hinge');
    expect(scene.numbers.kink).toBe('1.00·x1 + 0.00·x2 + 0.00 = 0');
  });

  it('warns about a dead unit and notes an always-on one', () => {
    const dead = reluUnitScene(data, RELU_UNIT_PRESETS.dead.values);
    expect(dead.state).toBe('dead');
    expect(dead.numbers.on).toBe('0');
    expect(dead.stateMessage).toMatch(/^Dead unit: z1 ≤ 0 for all 300 samples/);
    expect(dead.numbers.kink).toBe('1.00·x1 + 0.00·x2 − 2.50 = 0');
    expect(reluUnitScene(data, { W1: 1, W3: 0, B1: -5 }).numbers.kink).toMatch(/outside the picture/);
    const always = reluUnitScene(data, RELU_UNIT_PRESETS['always-on'].values);
    expect(always.state).toBe('linear');
    expect(always.stateMessage).toMatch(/On for all 300 samples/);
  });

  it('marks on samples as diamonds and off samples as circles, in two colours, on both panels', () => {
    const scene = reluUnitScene(data, RELU_UNIT_DEFAULTS);
    for (const panel of [scene.panels.plane, scene.panels.relu]) {
      const on = find(panel, (n) => n.attrs?.['data-points'] === 'on')[0];
      const off = find(panel, (n) => n.attrs?.['data-points'] === 'off')[0];
      expect(on.attrs?.fill).not.toBe(off.attrs?.fill);
      expect(String(on.attrs?.d)).toMatch(/L/); // diamonds are drawn with straight edges
      expect(String(off.attrs?.d)).toMatch(/A3,3/); // circles with arcs
      expect(String(on.attrs?.d).match(/M/g)).toHaveLength(Number(scene.numbers.on));
    }
    const ticks = find(scene.panels.relu, (n) => n.attrs?.['data-ticks'] !== undefined);
    expect(ticks.map((t) => String(t.attrs?.d).match(/M/g)?.length).reduce((a, b) => a! + b!, 0)).toBe(data.n);
  });

  it('shades the on side and draws the kink line with the (W1, W3) arrow only when the line crosses the view', () => {
    const hinge = reluUnitScene(data, RELU_UNIT_PRESETS.hinge.values).panels.plane;
    expect(find(hinge, (n) => n.attrs?.class === 'np-active-region')).toHaveLength(1);
    expect(find(hinge, (n) => n.attrs?.class === 'np-kink-line')).toHaveLength(1);
    expect(find(hinge, (n) => n.attrs?.class === 'np-weight-arrow')).toHaveLength(1);
    const flat = reluUnitScene(data, { W1: 0, W3: 0, B1: -1 });
    expect(find(flat.panels.plane, (n) => n.attrs?.class === 'np-active-region')).toHaveLength(0);
    expect(find(flat.panels.plane, (n) => n.attrs?.class === 'np-kink-line')).toHaveLength(0);
    expect(flat.numbers.kink).toBe('none: with W1 = W3 = 0, z1 is the constant −1.00');
    expect(flat.state).toBe('dead');
  });

  it('shows no negative h1 tick labels in the ReLU panel', () => {
    const relu = reluUnitScene(data, RELU_UNIT_DEFAULTS).panels.relu;
    const labels = find(relu, (n) => n.tag === 'text' && n.attrs?.['text-anchor'] === 'end' && n.attrs?.dy === '0.32em').map((n) => n.text ?? '');
    expect(labels.some((t) => t.startsWith('−'))).toBe(false);
  });

  it('writes the unit with its signs folded in, and z1 as the trainer would', () => {
    expect(affineText({ W1: 1, W3: -0.5, B1: 0.25 })).toBe('1.00·x1 − 0.50·x2 + 0.25');
    const z = preActivations(data, { W1: 2, W3: -1, B1: 0.5 });
    expect(z[7]).toBeCloseTo(2 * data.x1[7] - data.x2[7] + 0.5, 14);
  });

  it('lists the first samples for the table and never prints NaN, undefined or Infinity, even at the extremes', () => {
    const scene = reluUnitScene(data, RELU_UNIT_DEFAULTS);
    expect(scene.tables.samples).toHaveLength(12);
    expect(scene.tables.samples[0]).toHaveLength(SAMPLE_COLUMNS.length);
    for (const config of [{ W1: 10, W3: -10, B1: 10 }, { W1: 0, W3: 0, B1: 0 }, { W1: -10, W3: -10, B1: -10 }]) {
      const s = reluUnitScene(data, config);
      const text = [toSvgString(s.panels.plane), toSvgString(s.panels.relu), ...Object.values(s.numbers), s.stateMessage, ...s.tables.samples.flat()].join(' ');
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it('is the same scene for the same unit', () => {
    expect(toSvgString(reluUnitScene(data, RELU_UNIT_DEFAULTS).panels.plane)).toBe(toSvgString(reluUnitScene(data, { ...RELU_UNIT_DEFAULTS }).panels.plane));
  });
});

describe('dragging the kink line', () => {
  it('turns a viewBox position of the plane panel back into (x1, x2)', async () => {
    const { planePointAt, PANEL_WIDTH, PANEL_HEIGHT } = await import('../../../src/widgets/relu-unit/scene');
    // The plot's corners (margins 56/14 left/right, 52/44 top/bottom) are the view's corners.
    expect(planePointAt(56, 52)).toEqual([-3, 3]);
    expect(planePointAt(PANEL_WIDTH - 14, PANEL_HEIGHT - 44)).toEqual([3, -3]);
    const [x1, x2] = planePointAt((56 + PANEL_WIDTH - 14) / 2, (52 + PANEL_HEIGHT - 44) / 2);
    expect(x1).toBeCloseTo(0, 12);
    expect(x2).toBeCloseTo(0, 12);
  });

  it('slides the line through the pointer by setting B1, keeping the weights', async () => {
    expect(biasThrough({ W1: 1, W3: 0, B1: 0 }, [0.5, 2])).toBe(-0.5);
    expect(biasThrough({ W1: 1, W3: 0.5, B1: 0 }, [1, -1])).toBe(-0.5);
    expect(biasThrough({ W1: 10, W3: 10, B1: 0 }, [3, 3])).toBe(-10);
    expect(biasThrough({ W1: 0, W3: 0, B1: 1 }, [1, 1])).toBeNull();
    expect(Object.is(biasThrough({ W1: 1, W3: 0, B1: 0 }, [0, 0]), 0)).toBe(true);
  });
});
