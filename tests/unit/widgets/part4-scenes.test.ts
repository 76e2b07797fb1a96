// The scenes and models of Part IV's widgets: the backward sweep replayed step by step, the matrix
// entries against the readable backpropagation, and the deeper network's training run.
import { describe, expect, it } from 'vitest';
import { backwardSweep, stateAfter } from '../../../src/experiments/backward-graph/sweep';
import { backwardGraphScene, graphLayout, GRAPH_WIDTH, NODE_H, NODE_W } from '../../../src/widgets/backward-graph/scene';
import { entryTerms, matrixFormRun } from '../../../src/experiments/matrix-form/entries';
import { matrixFormScene } from '../../../src/widgets/matrix-form/scene';
import { deepNetworkRunSteps, runDeepNetwork } from '../../../src/experiments/deep-network/run';
import { deepNetworkScene } from '../../../src/widgets/deep-network/scene';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { deepModel, initDeepParams, makeDataset, networkGraph, presetParameters, train } from '../../../src/trainer';

const data = makeDataset();

describe('the backward sweep, step by step', () => {
  for (const samples of [1, 2, 3]) {
    it(`ends, with ${samples} sample(s), with every node swept and the engine's own gradients`, () => {
      const sweep = backwardSweep({ start: 'he', samples, step: 0 }, data);
      const end = stateAfter(sweep, sweep.steps.length);
      expect(end.swept.every(Boolean)).toBe(true);
      const graph = networkGraph(presetParameters('he'), { n: samples, x1: data.x1, x2: data.x2, y: data.y });
      graph.loss.backward();
      expect(sweep.parameters.map((p) => end.gradient[p])).toEqual(graph.parameters.map((p) => p.grad));
    });
  }

  it('knows only ∂L/∂L = 1 before the first step, and each step adds what it passes to its parents', () => {
    const sweep = backwardSweep({ start: 'writeup-example', samples: 2, step: 0 }, data);
    const before = stateAfter(sweep, 0);
    expect(before.current).toBeNull();
    expect(before.gradient.filter((g) => g !== 0)).toEqual(Float64Array.of(1));
    for (let k = 1; k <= sweep.steps.length; k++) {
      const previous = stateAfter(sweep, k - 1), now = stateAfter(sweep, k);
      for (const pass of sweep.steps[k - 1].passes) {
        expect(now.gradient[pass.parent]).toBe(previous.gradient[pass.parent] + pass.product);
        expect(now.received[pass.parent]).toBe(previous.received[pass.parent] + 1);
      }
    }
  });

  it('lays every node inside the picture, none overlapping another', () => {
    for (const samples of [1, 2, 3]) {
      const sweep = backwardSweep({ start: 'writeup-example', samples, step: 0 }, data);
      const { x, y, height } = graphLayout(sweep);
      const boxes = x.map((left, i) => ({ left, top: y[i], right: left + NODE_W, bottom: y[i] + NODE_H }));
      for (const b of boxes) expect(b.left >= 0 && b.top >= 0 && b.right <= GRAPH_WIDTH && b.bottom <= height).toBe(true);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, `${i} and ${j}`).toBe(true);
        }
      }
    }
  });

  it('prints z1 of the write-up’s example as −9.000, its four figures, not as a round −9', () => {
    const sweep = backwardSweep({ start: 'writeup-example', samples: 1, step: 0 }, data);
    const z1 = sweep.nodes.find((n) => n.label === 'z1')!;
    expect(z1.value).not.toBe(-9);
    const scene = backwardGraphScene(sweep, 0);
    expect(toSvgString(scene.panels.graph)).toContain('>−9.000<');
    expect(scene.tables.steps.find((row) => row[1] === 'z1')?.[2]).toBe('−9.000');
  });

  it('says where contributions meet, and clamps a step past the end', () => {
    const sweep = backwardSweep({ start: 'writeup-example', samples: 2, step: 0 }, data);
    const meeting = sweep.steps.findIndex((s) => s.passes.some((p) => p.contribution === 2));
    expect(backwardGraphScene(sweep, meeting + 1).numbers.say).toMatch(/second contribution/);
    const end = backwardGraphScene(sweep, 999);
    expect(end.step).toBe(48);
    expect(end.numbers.parameters).not.toMatch(/\?/);
    expect(backwardGraphScene(sweep, 0).numbers.parameters).toMatch(/W1 \?/);
    expect(end.tables.steps).toHaveLength(48);
  });

  it('draws the same scene for the same step, and a different one for the next', () => {
    const sweep = backwardSweep({ start: 'writeup-example', samples: 1, step: 0 }, data);
    const svg = (s: number) => toSvgString(backwardGraphScene(sweep, s).panels.graph);
    expect(svg(5)).toBe(svg(5));
    expect(svg(6)).not.toBe(svg(5));
  });
});

describe('the matrix form, entry by entry', () => {
  for (const [network, h1, h2] of [['2-H-1', 2, 2], ['2-H-H-1', 2, 2], ['2-H-H-1', 3, 5], ['2-H-1', 7, 2]] as const) {
    it(`adds each entry's per-sample terms to the matrix product's entry and the readable partial, bit for bit (${network}, ${h1}, ${h2})`, () => {
      const run = matrixFormRun({ network, h1, h2, start: 'he', seed: 3, entry: 1 }, data);
      for (let i = 0; i < run.layout.parameterCount; i++) {
        const e = entryTerms(run, i);
        expect(e.sum).toBe(e.matrixValue);
        expect(e.matrixValue).toBe(e.readableValue);
      }
      expect(matrixFormScene(run, 1).tables.entries.every((row) => row[5] === 'identical')).toBe(true);
    });
  }

  it('names W3 as entry W¹[1, 2], the weight from x2 to h1, with zero terms where unit 1 is off', () => {
    const run = matrixFormRun({ network: '2-H-1', h1: 2, h2: 2, start: 'writeup-example', seed: 1, entry: 3 }, data);
    const scene = matrixFormScene(run, 3);
    expect(scene.numbers.address).toBe('W¹[1, 2]');
    expect(scene.numbers.meaning).toBe('the weight from x2 to h1');
    const off = run.forward.Z[0].filter((z) => z[0] <= 0).length;
    expect(scene.numbers.zeros).toBe(`${off} of 300`);
  });

  it('draws every entry of 2-8-8-1 once in each panel, picks one, and leaves the values of an 8-column matrix to its tooltips and the line under it', () => {
    const run = matrixFormRun({ network: '2-H-H-1', h1: 8, h2: 8, start: 'he', seed: 1, entry: 1 }, data);
    // W²[3, 5]: the weight from h¹₅ to h²₃, inside the compact 8 × 8 matrix.
    const entry = 16 + 4 * 8 + 2 + 1;
    const scene = matrixFormScene(run, entry);
    expect(scene.numbers.address).toBe('W²[3, 5]');
    for (const panel of [scene.panels.weights, scene.panels.partials]) {
      const svg = toSvgString(panel);
      expect(svg.match(/data-entry="/g)).toHaveLength(105);
      expect(svg.match(/data-picked="true"/g)).toHaveLength(1);
      expect(svg).toContain(`viewBox="0 0 360 ${scene.height}"`);
      const compact = panel.children!.find((n) => n.attrs?.['data-matrix']?.toString().endsWith('W2'));
      expect(compact?.children?.every((cell) => cell.children?.every((c) => c.tag !== 'text'))).toBe(true);
    }
    expect(toSvgString(scene.panels.partials)).toContain(`∂L/∂W²[3, 5] = ${scene.numbers.matrixValue}`);
    expect(toSvgString(scene.panels.weights)).toContain(`W²[3, 5] = ${scene.numbers.value}`);
  });

  it('keeps a value far wider than its cell inside it', () => {
    const run = matrixFormRun({ network: '2-H-1', h1: 2, h2: 2, start: 'writeup-example', seed: 1, entry: 1 }, data);
    run.params[0] = -123456.7;
    const svg = toSvgString(matrixFormScene(run, 1).panels.weights);
    expect(svg).toMatch(/textLength="60"[^>]*>−123,000</);
  });
});

describe('the deeper network’s run', () => {
  const config = { widths: [2, 2], against: [3], learningRate: 0.05, initSeed: 2, epochs: 120 };

  it('trains both networks from the same seed, as train() does, in slices or in one go', () => {
    const result = runDeepNetwork(config, data);
    const direct = train({ data, params: initDeepParams({ hidden: [2, 2], seed: 2 }), learningRate: 0.05, epochs: 120, model: deepModel([2, 2]) });
    expect(result.runs[0].losses).toEqual(direct.lossHistory);
    // One hidden layer goes through the 2-H-1 passes: the same numbers as the general pass.
    const general = train({ data, params: initDeepParams({ hidden: [3], seed: 2 }), learningRate: 0.05, epochs: 120, model: deepModel([3]) });
    expect(result.runs[1].losses).toEqual(general.lossHistory);
    const steps = deepNetworkRunSteps(config, data);
    let next = steps.next();
    let pauses = 0;
    while (!next.done) {
      pauses++;
      next = steps.next();
    }
    expect(pauses).toBeGreaterThan(2);
    expect(next.value.runs.map((r) => r.finalLoss)).toEqual(result.runs.map((r) => r.finalLoss));
  });

  it('shows a dash for the comparison when there is none, and the parameter counts', () => {
    const one = deepNetworkScene(runDeepNetwork({ ...config, against: null }, data));
    expect(one.numbers['b.loss']).toBe('—');
    expect(one.numbers['a.parameters']).toBe('15');
    expect(deepNetworkScene(runDeepNetwork(config, data)).numbers['b.parameters']).toBe('13');
  });

  it('stops a run that diverges and says so, without a NaN anywhere', () => {
    const scene = deepNetworkScene(runDeepNetwork({ ...config, widths: [8, 8], learningRate: 10 }, data));
    expect(scene.numbers['a.status']).toMatch(/diverged/);
    expect(JSON.stringify(scene)).not.toMatch(/NaN/);
  });
});
