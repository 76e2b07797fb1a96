// Every number lesson 17 ("The computation graph and automatic differentiation") prints, computed
// with the autodiff engine (autodiff.ts, computationGraph.ts) and the backward-sweep widget's model.
// The example is lessons 4 and 6's: the write-up's starting values and the first samples of the
// default data.
import {
  backpropagate221, deepNetworkGraph, graphCost, initDeepParams, makeDataset, networkGraph, operationsPerSample,
  PARAMETER_NAMES, presetParameters, type GraphCost,
} from '../trainer';
import { backwardSweep, type BackwardSweep } from '../experiments/backward-graph/sweep';
import { backwardGraphSettings, graphNodeCount, MAX_GRAPH_SAMPLES } from '../experiments/backward-graph/settings';
import { formatFixed, formatInteger, formatNumber } from '../experiments/format';
import { decimalsShown } from './format';

const data = makeDataset();
const N = data.n;
const start = presetParameters('writeup-example');
const n4 = (v: number) => formatNumber(v);

// ---------- The graph of one sample ----------

const one = backwardSweep({ start: 'writeup-example', samples: 1, step: 0 }, data);
const nodeOf = (sweep: BackwardSweep, label: string, sample: number | null = 0) => {
  const node = sweep.nodes.find((n) => n.label === label && n.sample === (n.label === 'L' || /^[WB]\d$/.test(label) ? null : sample));
  if (!node) throw new Error(`No node ${label} in the graph.`);
  return node;
};
const stepOf = (sweep: BackwardSweep, label: string, sample: number | null = 0) => {
  const node = nodeOf(sweep, label, sample);
  return { number: sweep.steps.findIndex((s) => s.node === node.index) + 1, step: sweep.steps.find((s) => s.node === node.index)! };
};
const kinds = (sweep: BackwardSweep, kind: string) => sweep.nodes.filter((n) => n.kind === kind).length;

const e = nodeOf(one, 'e');
const yhat = nodeOf(one, 'ŷ');
const h1 = nodeOf(one, 'h1');
const z1 = nodeOf(one, 'z1');
const W5 = nodeOf(one, 'W5');
const h2 = nodeOf(one, 'h2');
const eSquared = stepOf(one, 'e²');
const ePass = stepOf(one, 'e');
const hPass = stepOf(one, 'W5·h1');
const h1Pass = stepOf(one, 'h1');
const x1 = stepOf(one, 'x1');
// B3 in the one-sample graph: its only contribution arrives from ŷ long before its own turn.
const b3One = stepOf(one, 'B3', null);
const b3Filled = one.steps.findIndex((s) => s.passes.some((p) => p.parent === b3One.step.node)) + 1;
const x1Contributions = one.steps.flatMap((s) => s.passes.filter((p) => p.parent === x1.step.node).map((p) => p.product));

// ---------- Two samples: paths meet at every parameter ----------

const two = backwardSweep({ start: 'writeup-example', samples: 2, step: 0 }, data);
const b3 = nodeOf(two, 'B3', null);
const b3Contributions = two.steps.flatMap((s) => s.passes.filter((p) => p.parent === b3.index).map((p) => p.product));
const twoErrors = [0, 1].map((i) => nodeOf(two, 'e', i).value);

// ---------- All 300 samples: the engine against lesson 6's hand-written backpropagation ----------

const graph = networkGraph(start, data);
graph.loss.backward();
const byHand = backpropagate221(start, data);
const engine = graph.parameters.map((p) => p.grad);
const identical = engine.filter((g, i) => Object.is(g, byHand.grad[i])).length;

// ---------- What the two sweeps cost ----------

const sampleCost = (hidden: number[]): GraphCost => graphCost(deepNetworkGraph(initDeepParams({ hidden }), hidden, { n: 1, x1: data.x1, x2: data.x2, y: data.y }).loss);
const flops = (c: { multiplications: number; additions: number }) => c.multiplications + c.additions;
const costRow = (hidden: number[]) => {
  const c = sampleCost(hidden);
  const forward = flops(c.forward);
  const backward = flops(c.backward);
  return { network: [2, ...hidden, 1].join('-'), operations: c.operations, forward, backward, ratio: backward / forward, edges: c.edges, data: c.edgesToData, parameters: c.edgesToParameters };
};
const costs = [[2], [8], [2, 2], [8, 8], [16, 16]].map(costRow);
const small = costs[0];
const handCount = operationsPerSample(2);
const deepParameters = initDeepParams({ hidden: [8, 8] }).length;

/** The graph of the write-up's start over its first two samples: its loss, which only the widget computes. */
const WIDGET_ONLY_SAMPLES = 2;
if (WIDGET_ONLY_SAMPLES > MAX_GRAPH_SAMPLES) throw new Error('computation-graph facts: the widget cannot hold that many samples.');
const fourSamples = backwardSweep({ ...backwardGraphSettings.defaults, samples: WIDGET_ONLY_SAMPLES }, data);
const fourLoss = formatNumber(fourSamples.loss);

export const computationGraph = {
  widgetOnly: { samples: WIDGET_ONLY_SAMPLES, nodes: graphNodeCount(WIDGET_ONLY_SAMPLES), loss: fourLoss, decimals: decimalsShown(fourLoss) },
  n: N,
  /** The one-sample graph of the 2-2-1 network. */
  graph: {
    nodes: one.nodes.length,
    parameters: kinds(one, 'parameter'),
    data: kinds(one, 'input') + kinds(one, 'target'),
    operations: kinds(one, 'operation'),
    nodesTwo: graphNodeCount(2),
    nodesThree: graphNodeCount(3),
    perSample: graphNodeCount(2) - graphNodeCount(1),
  },
  /** Sample 1 under the write-up's start, forwards. */
  sample: {
    x1: n4(one.samples[0].x1),
    x2: n4(one.samples[0].x2),
    y: n4(one.samples[0].y),
    z1: n4(z1.value),
    h2: n4(h2.value),
    yhat: n4(yhat.value),
    e: n4(e.value),
    eSquared: n4(e.value * e.value),
    W5: n4(W5.value),
  },
  /** The first steps of the sweep, with the numbers the widget shows. */
  steps: {
    eSquaredStep: eSquared.number,
    twoE: n4(ePass.step.gradient),
    ePassToY: n4(ePass.step.passes[1].product),
    h1Gradient: n4(h1.gradient),
    h1Step: h1Pass.number,
    toZ1: n4(h1Pass.step.passes[0].product),
    hStep: hPass.number,
    W5Gets: n4(hPass.step.passes[0].product),
    x1First: n4(x1Contributions[0]),
    x1Second: n4(x1Contributions[1]),
    x1Total: n4(x1.step.gradient),
    total: one.steps.length,
    b3Filled,
    b3Turn: b3One.number,
  },
  /** B3 with two samples: one contribution per sample, added. */
  meeting: {
    first: n4(b3Contributions[0]),
    second: n4(b3Contributions[1]),
    total: n4(b3.gradient),
    /** (2/2)(e1 + e2), lesson 6's ∂L/∂B3 with N = 2. */
    formula: n4(twoErrors[0] + twoErrors[1]),
    count: b3Contributions.length,
  },
  /** The engine over all N samples against backprop.ts. */
  agreement: {
    identical,
    of: engine.length,
    rows: PARAMETER_NAMES.map((name, i) => ({ name, engine: n4(engine[i]), hand: n4(byHand.grad[i]), same: Object.is(engine[i], byHand.grad[i]) ? 'yes, bit for bit' : 'no' })),
    loss: n4(graph.loss.data),
    nodes: formatInteger(graphNodeCount(N)),
  },
  cost: {
    rows: costs.map((c) => ({ ...c, ratio: formatFixed(c.ratio, 1) })),
    forward: small.forward,
    backward: small.backward,
    edges: small.edges,
    dataEdges: small.data,
    parameterEdges: small.parameters,
    ratio: formatFixed(small.ratio, 1),
    handForward: handCount.forward.multiplications,
    handBackward: handCount.backward.multiplications,
    handRatio: formatFixed(handCount.backward.multiplications / handCount.forward.multiplications, 1),
    deepParameters,
    finiteDifferencePasses: 2 * deepParameters,
    largestRatio: formatFixed(Math.max(...costs.map((c) => c.ratio)), 1),
    smallestRatio: formatFixed(Math.min(...costs.map((c) => c.ratio)), 1),
  },
  /** Unrounded values for tests and exercises. */
  exact: {
    twoE: ePass.step.gradient,
    h1Gradient: h1.gradient,
    b3Contributions,
    b3Total: b3.gradient,
    twoErrors,
    engine,
    byHand: Array.from(byHand.grad),
    costs,
    x1Contributions,
    z1: z1.value,
  },
};
