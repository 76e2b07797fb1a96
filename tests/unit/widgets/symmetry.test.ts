// The symmetry widget: its settings, its run and what its scene draws.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeDataset } from '../../../src/trainer';
import { unitsIdentical } from '../../../src/trainer/symmetry';
import { toSvgString, type SvgNode } from '../../../src/widgets/kit/svg';
import {
  parseSymmetryConfig,
  serializeSymmetryConfig,
  SYMMETRY_DEFAULTS,
  SYMMETRY_KEYS,
  type SymmetryConfig,
} from '../../../src/widgets/symmetry/config';
import { firstBelow, paramsAt, symmetricStart, symmetryRun } from '../../../src/widgets/symmetry/run';
import { gapSeries, symmetryScene, tableRows, TABLE_COLUMNS } from '../../../src/widgets/symmetry/scene';
import { expectNotice } from '../../helpers/notice';

const data = makeDataset({ n: 80 });
const levels = { oneUnit: 0.6, twoUnits: 0.04 };
const config = (over: Partial<SymmetryConfig> = {}): SymmetryConfig => ({ ...SYMMETRY_DEFAULTS, epochs: 200, ...over });

function find(node: SvgNode, predicate: (n: SvgNode) => boolean): SvgNode[] {
  return [...(predicate(node) ? [node] : []), ...(node.children ?? []).flatMap((c) => find(c, predicate))];
}

describe('parseSymmetryConfig', () => {
  it('gives the defaults, with no notices, for an empty source', () => {
    expect(parseSymmetryConfig({})).toEqual({ config: SYMMETRY_DEFAULTS, notices: [] });
  });

  it('reads every setting from a link', () => {
    const { config: c, notices } = parseSymmetryConfig(new URLSearchParams('start=weights2-biases0&nudge=w3&epsilon=-0.3&learningRate=0.01&epochs=500'));
    expect(notices).toEqual([]);
    expect(c).toEqual({ start: 'weights2-biases0', nudge: 'W3', epsilon: -0.3, learningRate: 0.01, epochs: 500 });
  });

  it('ignores garbled and unknown settings with a notice each, keeping the defaults', () => {
    const { config: c, notices } = parseSymmetryConfig({ start: 'zeros', nudge: 'W2', epsilon: '2', learningRate: 'NaN', epochs: '1.5', colour: 'red' });
    expect(c).toEqual(SYMMETRY_DEFAULTS);
    expect(notices).toHaveLength(6);
    expect(notices.join(' ')).toMatch(/start “zeros”.*W1, W3, W5, B1.*at most 1.*actual number.*whole number.*unknown setting “colour”/);
  });

  it('round-trips through serialize and parse, so a link restores the same run', () => {
    fc.assert(
      fc.property(
        fc.record({
          start: fc.constantFrom('weights0-biases2' as const, 'weights2-biases0' as const),
          nudge: fc.constantFrom('W1' as const, 'W3' as const, 'W5' as const, 'B1' as const),
          epsilon: fc.double({ min: -1, max: 1, noNaN: true }),
          learningRate: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
          epochs: fc.integer({ min: 1, max: 20_000 }),
        }),
        (c) => {
          const back = parseSymmetryConfig(serializeSymmetryConfig(c));
          expect(back.notices).toEqual([]);
          expect(back.config).toEqual({ ...c, epsilon: Object.is(c.epsilon, -0) ? 0 : c.epsilon });
        },
      ),
    );
    expect([...serializeSymmetryConfig(SYMMETRY_DEFAULTS).keys()]).toEqual(SYMMETRY_KEYS);
  });
});

describe('symmetryRun', () => {
  it('starts from the preset with ε added to the chosen parameter of unit 1 only', () => {
    expect(Array.from(symmetricStart({ start: 'weights0-biases2', nudge: 'B1', epsilon: 0.5 }))).toEqual([0, 0, 0, 0, 0, 0, 2.5, 2, 2]);
    expect(Array.from(symmetricStart({ start: 'weights2-biases0', nudge: 'W5', epsilon: -1 }))).toEqual([2, 2, 2, 2, 1, 2, 0, 0, 0]);
  });

  it('keeps every epoch’s parameters, and finds tied units identical after every epoch', () => {
    const run = symmetryRun(config(), data);
    expect(run.epochs).toBe(200);
    expect(run.losses).toHaveLength(201);
    expect(run.firstDifferent).toBe(-1);
    for (let e = 0; e <= run.epochs; e++) expect(unitsIdentical(paramsAt(run, e))).toBe(true);
    expect(Array.from(gapSeries(run)).every((g) => g === 0)).toBe(true);
  });

  it('reports when a nudge makes the units differ', () => {
    const run = symmetryRun(config({ epsilon: 1e-3, nudge: 'W3' }), data);
    expect(run.firstDifferent).toBe(0);
    expect(gapSeries(run)[0]).toBeCloseTo(1e-3, 12);
  });

  it('stops early and says so when the run diverges', () => {
    const run = symmetryRun(config({ start: 'weights2-biases0', learningRate: 0.5, epochs: 2000 }), data);
    expect(run.status).toBe('diverged');
    expect(run.epochs).toBeLessThan(2000);
    expect(run.message).toMatch(/diverged/);
  });

  it('finds the first epoch below a level', () => {
    expect(firstBelow([3, 2, 1, 0.5], 1.5)).toBe(2);
    expect(firstBelow([3, 2], 1)).toBe(-1);
  });
});

describe('symmetryScene', () => {
  it('draws four panels and says in words that tied units are identical', () => {
    const scene = symmetryScene(symmetryRun(config(), data), levels, null);
    expect(Object.keys(scene.panels)).toEqual(['loss', 'traces', 'gap', 'activations']);
    expect(scene.numbers.identical).toMatch(/^yes, bit for bit, after every one of the 200 epochs/);
    expectNotice(scene.numbers.nudge, { names: 'W1', says: /no nudge/, uses: '0' });
    expect(scene.numbers.gap).toBe('0 (exactly)');
    expect(toSvgString(scene.panels.gap)).toMatch(/0 exactly/);
    expect(toSvgString(scene.panels.activations)).toMatch(/all 80 points lie on the diagonal/);
    // Unit 2's dashed trace is drawn exactly on top of unit 1's band.
    for (const pair of find(scene.panels.traces, (n) => n.attrs?.class === 'sy-pair')) {
      const [one, two] = pair.children!;
      expect(two.attrs?.d).toBe(one.attrs?.d);
    }
  });

  it('shows a nudged run beside the tied one, with the gap and where the traces part', () => {
    const run = symmetryRun(config({ start: 'weights2-biases0', epsilon: 0.3, nudge: 'W3' }), data);
    const tied = symmetryRun(config({ start: 'weights2-biases0' }), data);
    const scene = symmetryScene(run, levels, tied);
    expect(scene.numbers.identical).toMatch(/^no/);
    expect(scene.numbers.nudge).toBe('W3 + 0.3: W3 ≠ W4 at the start');
    expect(scene.numbers.gap).not.toBe('0 (exactly)');
    expect(find(scene.panels.loss, (n) => n.attrs?.class === 'np-series')).toHaveLength(2);
    const pairs = find(scene.panels.traces, (n) => n.attrs?.class === 'sy-pair');
    expect(pairs.some((p) => p.children![0].attrs?.d !== p.children![1].attrs?.d)).toBe(true);
  });

  it('never prints NaN, undefined or Infinity, even for a diverged run', () => {
    const run = symmetryRun(config({ start: 'weights2-biases0', learningRate: 0.5, epochs: 2000 }), data);
    const scene = symmetryScene(run, levels, null);
    const text = [...Object.values(scene.panels).map(toSvgString), ...Object.values(scene.numbers), ...scene.rows.flat()].join(' ');
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('lists the parameters of both units and the loss in the table', () => {
    const rows = tableRows(symmetryRun(config({ epochs: 10 }), data));
    expect(rows.map((r) => r[0])).toEqual(['0', '1', '2', '5', '10']);
    rows.forEach((r) => expect(r).toHaveLength(TABLE_COLUMNS.length));
    expect(rows[1][1]).toBe(rows[1][2]);
  });
});
