// The symmetry widget: its run and what its scene draws (its settings: experiments/symmetry-settings.test.ts).
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/trainer';
import { unitsIdentical } from '../../../src/trainer/symmetry';
import { toSvgString, type SvgNode } from '../../../src/widgets/kit/svg';
import { symmetrySettings, type SymmetryConfig } from '../../../src/experiments/symmetry/settings';
import { firstBelow, isTiedRunOf, paramsAt, symmetricStart, symmetryPairSteps, symmetryRun } from '../../../src/experiments/symmetry/run';
import { runToEnd } from '../../../src/experiments/steps';
import { gapSeries, symmetryScene, tableRows, TABLE_COLUMNS } from '../../../src/widgets/symmetry/scene';
import { expectNotice } from '../../helpers/notice';

const data = makeDataset({ n: 80 });
const levels = { oneUnit: 0.6, twoUnits: 0.04 };
const config = (over: Partial<SymmetryConfig> = {}): SymmetryConfig => ({ ...symmetrySettings.defaults, epochs: 200, ...over });

function find(node: SvgNode, predicate: (n: SvgNode) => boolean): SvgNode[] {
  return [...(predicate(node) ? [node] : []), ...(node.children ?? []).flatMap((c) => find(c, predicate))];
}

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

  it('trains the tied run beside a nudged one, or reuses the one given', () => {
    const nudged = config({ epsilon: 0.1, nudge: 'B1' });
    const pair = runToEnd(symmetryPairSteps(nudged, data));
    expect(pair.tied).not.toBeNull();
    expect(isTiedRunOf(pair.tied!, nudged)).toBe(true);
    expect(pair.tied!.losses).toEqual(symmetryRun(config(), data).losses);
    expect(runToEnd(symmetryPairSteps({ ...nudged, epsilon: 0.2 }, data, pair.tied)).tied).toBe(pair.tied);
    expect(isTiedRunOf(pair.tied!, { ...nudged, learningRate: 0.01 })).toBe(false);
    expect(runToEnd(symmetryPairSteps(config(), data)).tied).toBeNull();
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
    const text = [...Object.values(scene.panels).map(toSvgString), ...Object.values(scene.numbers), ...scene.tables.rows.flat()].join(' ');
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('lists the parameters of both units and the loss in the table', () => {
    const rows = tableRows(symmetryRun(config({ epochs: 10 }), data));
    expect(rows.map((r) => r[0])).toEqual(['0', '1', '2', '5', '10']);
    rows.forEach((r) => expect(r).toHaveLength(TABLE_COLUMNS.length));
    expect(rows[1][1]).toBe(rows[1][2]);
  });
});
