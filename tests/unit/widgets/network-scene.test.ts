import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/trainer/data';
import { meanSquaredError } from '../../../src/trainer/loss';
import { fromNamed } from '../../../src/trainer/parameters';
import { toNamed } from '../../../src/trainer/parameters';
import { presetParameters } from '../../../src/trainer/presets';
import { networkSettings, type NetworkConfig } from '../../../src/experiments/network/settings';
import { kinksAlong, networkScene, outputRange, SAMPLE_COLUMNS } from '../../../src/widgets/network/scene';
import { toSvgString, type SvgNode } from '../../../src/widgets/kit/svg';

const data = makeDataset();
const NETWORK_DEFAULTS = networkSettings.defaults;
const config = (over: Partial<NetworkConfig> = {}, rest: Partial<NetworkConfig> = {}): NetworkConfig => ({ ...NETWORK_DEFAULTS, ...rest, ...over });

function find(node: SvgNode, predicate: (n: SvgNode) => boolean): SvgNode[] {
  const own = predicate(node) ? [node] : [];
  return [...own, ...(node.children ?? []).flatMap((c) => find(c, predicate))];
}
const prediction = (panel: SvgNode) => String(find(panel, (n) => n.attrs?.class === 'np-prediction')[0].attrs?.d);

describe('networkScene', () => {
  it('shows the loss beside Var(y), R² and the best plane', () => {
    const scene = networkScene(data, config());
    const loss = meanSquaredError(fromNamed(NETWORK_DEFAULTS), data);
    expect(Number(scene.numbers.loss)).toBeCloseTo(loss, 4);
    expect(scene.numbers.varY).toBe('1');
    expect(Number(scene.numbers.r2)).toBeCloseTo(1 - loss, 3);
    expect(Number(scene.numbers.planeR2)).toBeGreaterThan(0.3);
    expect(scene.numbers.unit1).toMatch(/^a hinge, on for \d+ of 300$/);
  });

  it('changes the drawn fit, the diagram and the loss when W5 changes', () => {
    const before = networkScene(data, config());
    const after = networkScene(data, config({ W5: 2 }));
    expect(prediction(after.panels.alongX1)).not.toBe(prediction(before.panels.alongX1));
    expect(toSvgString(after.panels.diagram)).not.toBe(toSvgString(before.panels.diagram));
    expect(after.numbers.loss).not.toBe(before.numbers.loss);
  });

  it('moves the slice, its nearby samples and its heading with the slice position', () => {
    const a = networkScene(data, config({}, { sliceX2: -1.5 }));
    const b = networkScene(data, config({}, { sliceX2: 1.5 }));
    expect(a.panels.alongX1.attrs?.['aria-label']).toMatch(/x2 held at −1.50/);
    const near = (s: SvgNode) => String(find(s, (n) => n.attrs?.['data-points'] === 'near')[0]?.attrs?.d);
    expect(near(a.panels.alongX1)).not.toBe(near(b.panels.alongX1));
    expect(prediction(a.panels.alongX1)).not.toBe(prediction(b.panels.alongX1));
    expect(toSvgString(a.panels.alongX2)).toBe(toSvgString(b.panels.alongX2));
  });

  it('marks the hidden units’ kinks along each slice, sharing one mark where they meet', () => {
    const params = fromNamed(NETWORK_DEFAULTS);
    // Hand-made V at x2 = c: z1 = 1.6·x1 + 0.6·c = 0 → x1 = −0.375·c, z2 → +0.375·c.
    expect(kinksAlong(params, 'x1', 1)).toEqual([-0.375, 0.375].map((v) => expect.closeTo(v, 12)));
    expect(kinksAlong(fromNamed({ ...NETWORK_DEFAULTS, W1: 0 }), 'x1', 1)[0]).toBeNull();
    const at0 = networkScene(data, config());
    expect(find(at0.panels.alongX1, (n) => n.tag === 'text' && n.text?.includes('kink') === true).map((n) => n.text)).toEqual(['h1, h2 kinks']);
    const apart = networkScene(data, config({}, { sliceX2: 2 }));
    expect(find(apart.panels.alongX1, (n) => n.tag === 'text' && n.text?.includes('kink') === true).map((n) => n.text)).toEqual(['h1 kink', 'h2 kink']);
  });

  it('keeps a prediction that leaves the picture inside the plot, and says so', () => {
    const wild = networkScene(data, config({ W5: 10, W1: 10 }));
    expect(find(wild.panels.alongX1, (n) => n.text === 'ŷ leaves the picture')).toHaveLength(1);
    const [lo, hi] = outputRange(data);
    expect(lo).toBeLessThan(Math.min(...data.y));
    expect(hi).toBeGreaterThan(Math.max(...data.y));
  });

  it('lists samples through the network for the table, and never prints NaN, undefined or Infinity', () => {
    for (const params of [toNamed(presetParameters('writeup-example')), toNamed(presetParameters('he', { seed: 5, decimals: 4 })), { ...NETWORK_DEFAULTS, W5: 10, B3: -10 }]) {
      const scene = networkScene(data, { ...NETWORK_DEFAULTS, ...params });
      expect(scene.samples).toHaveLength(12);
      expect(scene.samples[0]).toHaveLength(SAMPLE_COLUMNS.length);
      const text = [...Object.values(scene.panels).map(toSvgString), ...Object.values(scene.numbers), ...scene.samples.flat()].join(' ');
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it('marks dead and always-on units in the diagram', () => {
    const scene = networkScene(data, config({ B1: -10, B2: 10 }));
    expect(scene.states).toEqual(['dead', 'linear']);
    expect(scene.numbers.unit1).toMatch(/^dead/);
    expect(find(scene.panels.diagram, (n) => n.attrs?.['data-state'] === 'dead')).toHaveLength(1);
  });
});
