// What the backward-flow stepper shows after `step` steps, from nine parameters, the data and a
// sample: the network diagram with the path the error has taken so far marked (a ring on each
// node it has reached, a heavy outline on each connection it has crossed, told by shape as well as
// colour), the five steps' formulas with this sample's numbers (a step not yet taken shows '?'),
// this sample's share of each partial derivative, and a sentence for the step just taken. Pure.
import type { Dataset } from '../../trainer/data';
import { PARAMETER_NAMES, type ParameterName, type Parameters } from '../../trainer/parameters';
import { BACKWARD_STEP_COUNT, sampleFlow, termsKnown, type SampleFlow } from '../../experiments/backward-flow/flow';
import { formatFixed, formatInteger } from '../../experiments/format';
import { EDGES, NODE_POSITIONS, networkDiagramScene, type NodeName } from '../kit/networkDiagram';
import { COLOURS } from '../kit/palette';
import { h, type SvgNode } from '../kit/svg';

const UNKNOWN = '?';
const n4 = (v: number) => formatFixed(v, 4);
const n2 = (v: number) => formatFixed(v, 2);

/** Where the error is after each step: the nodes it has reached and the connections it has crossed. */
const REACHED: readonly { nodes: NodeName[]; edges: ParameterName[] }[] = [
  { nodes: [], edges: [] },
  { nodes: ['yhat'], edges: [] },
  { nodes: ['yhat'], edges: ['W5', 'W6'] },
  { nodes: ['yhat', 'h1', 'h2'], edges: ['W5', 'W6'] },
  { nodes: ['yhat', 'h1', 'h2'], edges: ['W5', 'W6'] },
  { nodes: ['yhat', 'h1', 'h2', 'x1', 'x2'], edges: ['W5', 'W6', 'W1', 'W2', 'W3', 'W4'] },
];

function overlay(step: number): SvgNode {
  const { nodes, edges } = REACHED[Math.max(0, Math.min(BACKWARD_STEP_COUNT, step))]!;
  const lines = EDGES.filter((e) => edges.includes(e.name)).map((e) => {
    const [ax, ay] = NODE_POSITIONS[e.from], [bx, by] = NODE_POSITIONS[e.to];
    return h('line', { 'data-reached': e.name, x1: ax, y1: ay, x2: bx, y2: by, stroke: COLOURS.orange, 'stroke-width': 3, 'stroke-dasharray': '2 3', 'stroke-linecap': 'round' });
  });
  const rings = nodes.map((name) => {
    const [x, y] = NODE_POSITIONS[name];
    return h('circle', { 'data-reached': name, cx: x, cy: y, r: 28, fill: 'none', stroke: COLOURS.orange, 'stroke-width': 4 });
  });
  return h('g', { class: 'bf-reached', 'aria-hidden': 'true' }, [...lines, ...rings]);
}

/** The diagram with the error's path so far drawn over it. */
export function backwardDiagram(params: Parameters, step: number): SvgNode {
  const base = networkDiagramScene(params);
  return { ...base, children: [...(base.children ?? []), overlay(step)] };
}

/** Each step's line with this sample's numbers (the formulas of lesson 6, one sample's share). */
export function stepLines(flow: SampleFlow, n: number): string[] {
  const on = (gate: number, unit: 1 | 2) => (gate === 1 ? `unit ${unit} is on, so ReLU′(z${unit}) = 1` : `unit ${unit} is off (z${unit} = ${n2(unit === 1 ? flow.z1 : flow.z2)}), so ReLU′(z${unit}) = 0 and nothing passes`);
  return [
    `∂L/∂ŷ = (2/N)·e = (2/${formatInteger(n)}) × ${n4(flow.e)} = ${n4(flow.dYhat)}`,
    `B3: ${n4(flow.dYhat)};  W5: ∂L/∂ŷ × h1 = ${n4(flow.dYhat)} × ${n4(flow.h1)} = ${n4(flow.terms.W5)};  W6: ∂L/∂ŷ × h2 = ${n4(flow.terms.W6)}`,
    `∂L/∂h1 = ∂L/∂ŷ × W5 = ${n4(flow.dH1)};  ∂L/∂h2 = ∂L/∂ŷ × W6 = ${n4(flow.dH2)}`,
    `${on(flow.gate1, 1)}: ∂L/∂z1 = ${n4(flow.dZ1)};  ${on(flow.gate2, 2)}: ∂L/∂z2 = ${n4(flow.dZ2)}`,
    `W1 = ∂L/∂z1 × x1 = ${n4(flow.terms.W1)}, W3 = ∂L/∂z1 × x2 = ${n4(flow.terms.W3)}, B1 = ${n4(flow.terms.B1)};  W2 = ${n4(flow.terms.W2)}, W4 = ${n4(flow.terms.W4)}, B2 = ${n4(flow.terms.B2)}`,
  ];
}

export interface BackwardFlowScene {
  diagram: SvgNode;
  /** The five steps' lines; those not yet taken are '?'. */
  lines: string[];
  /** Rows of the table: parameter, this sample's share ('—' until the error reaches it). */
  rows: string[][];
  /** A sentence for the step just taken. */
  message: string;
}

export function backwardFlowScene(params: Parameters, data: Dataset, index: number, step: number): BackwardFlowScene {
  const flow = sampleFlow(params, data, index);
  const all = stepLines(flow, data.n);
  const known = new Set(termsKnown(step));
  const sample = `Sample ${formatInteger(index + 1)}`;
  const message =
    step <= 0
      ? `${sample}: the forward pass gives ŷ = ${n4(flow.yhat)} against y = ${n4(flow.y)}, an error e = ${n4(flow.e)}. Step to send it backwards.`
      : `Step ${step} of ${BACKWARD_STEP_COUNT}: ${all[step - 1]}.`;
  return {
    diagram: backwardDiagram(params, step),
    lines: all.map((line, k) => (k < step ? line : UNKNOWN)),
    rows: PARAMETER_NAMES.map((name) => [name, known.has(name) ? n4(flow.terms[name]) : '—']),
    message,
  };
}
