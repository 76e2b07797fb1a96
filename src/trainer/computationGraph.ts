// The network's loss written as a graph of elementary operations, built with the autodiff engine,
// for the lesson that draws it and steps backward through it node by node.
//
// For each sample (x1, x2, y), unit by unit and layer by layer:
//   z = w(x1→h)·x1 + w(x2→h)·x2 + b(h)      (products, then sums, left to right, the bias last)
//   h = ReLU(z)
//   ŷ = w(h1→out)·h1 + w(h2→out)·h2 + … + b(out)
//   e = ŷ − y,   e²
// and over all samples L = mean(e²). Parameters are single nodes shared by every sample, so the
// backward sweep adds one contribution per sample into each of them.
import { topologicalOrder, Value } from './autodiff';
import type { Samples } from './gradient';
import { checkDeepShape, deepLayout, deepParameterName, unitName, weightIndex, biasIndex, type HiddenWidths } from './deepParameters';
import { hiddenWidthOf, type Parameters } from './parameters';
import { TrainerInputError } from './errors';

/** What a node stands for, for drawing. */
export type GraphNodeKind = 'input' | 'target' | 'parameter' | 'operation';

export interface GraphNode {
  value: Value;
  kind: GraphNodeKind;
  /** The sample (0-based) the node belongs to, or null for what every sample shares: the parameters and L. */
  sample: number | null;
}

export interface NetworkGraph {
  /** L = (1/N) Σ (ŷ − y)², the node backward() starts from. */
  loss: Value;
  /** One node per parameter, in the flat vector's layout order (W1 … W6, B1 … B3 for 2-2-1). */
  parameters: Value[];
  /** Every node, each after its parents (walk it from the end for the backward pass). */
  nodes: GraphNode[];
}

/** Samples for the graph: at least one, and only a few — a graph has about 6H + 6 nodes per sample. */
export interface GraphSamples extends Samples {
  n: number;
}

/** The graph of L for the 2-H-1 network on the given samples (H from the parameter vector's length). */
export function networkGraph(params: Parameters, data: GraphSamples): NetworkGraph {
  return deepNetworkGraph(params, [hiddenWidthOf(params)], data);
}

/** The graph of L for a network with the given hidden widths (parameters in deepParameters.ts's layout). */
export function deepNetworkGraph(params: Parameters, hidden: HiddenWidths, data: GraphSamples): NetworkGraph {
  const layout = deepLayout(hidden);
  checkDeepShape(params, layout);
  if (!(data.n >= 1)) throw new TrainerInputError('The graph needs at least one sample.');
  const kinds = new Map<Value, Omit<GraphNode, 'value'>>();
  const mark = (value: Value, kind: GraphNodeKind, sample: number | null) => {
    kinds.set(value, { kind, sample });
    return value;
  };
  const parameters = Array.from(params, (p, i) => mark(new Value(p, deepParameterName(layout, i)), 'parameter', null));
  const squares: Value[] = [];
  for (let i = 0; i < data.n; i++) {
    let input = [mark(new Value(data.x1[i], 'x1'), 'input', i), mark(new Value(data.x2[i], 'x2'), 'input', i)];
    for (let l = 1; l <= layout.layers; l++) {
      const output: Value[] = [];
      for (let to = 0; to < layout.sizes[l]; to++) {
        const products = input.map((h, from) => {
          const w = parameters[weightIndex(layout, l, from, to)];
          return w.mul(h, `${w.label}·${h.label}`);
        });
        const weighted = products.reduce((total, p) => total.add(p, `${total.label} + ${p.label}`));
        const name = unitName(layout, l, to);
        const z = weighted.add(parameters[biasIndex(layout, l, to)], l === layout.layers ? 'ŷ' : `z${name.slice(1)}`);
        output.push(l === layout.layers ? z : z.relu(name));
      }
      input = output;
    }
    const y = mark(new Value(data.y[i], 'y'), 'target', i);
    const square = input[0].sub(y, 'e').square('e²');
    // Everything this sample's e² depends on that is not yet marked is one of its own operations.
    for (const value of topologicalOrder(square)) if (!kinds.has(value)) mark(value, 'operation', i);
    squares.push(square);
  }
  const loss = mark(Value.mean(squares, 'L'), 'operation', null);
  const nodes = topologicalOrder(loss).map((value) => ({ value, ...kinds.get(value)! }));
  return { loss, parameters, nodes };
}

/** One node's step of the backward sweep, as a widget shows it. */
export interface BackwardStep {
  node: Value;
  /** ∂L/∂node: everything the nodes above have passed down to it, already added up. */
  gradient: number;
  /** What it passes to each parent: gradient × local derivative, and the parent's total after adding it. */
  passes: { parent: Value; localDerivative: number; product: number; parentGradient: number }[];
}

/**
 * Runs loss.backward() one node at a time and records every step, output first: the same sweep
 * (the engine's own passGradientToParents), so the recorded numbers are the engine's numbers.
 */
export function backwardSteps(loss: Value): BackwardStep[] {
  const order = topologicalOrder(loss);
  for (const node of order) node.grad = 0;
  loss.grad = 1;
  const steps: BackwardStep[] = [];
  for (let n = order.length - 1; n >= 0; n--) {
    const node = order[n];
    node.passGradientToParents();
    steps.push({
      node,
      gradient: node.grad,
      passes: node.parents.map((parent, i) => ({
        parent,
        localDerivative: node.localDerivatives[i],
        product: node.grad * node.localDerivatives[i],
        parentGradient: parent.grad,
      })),
    });
  }
  return steps;
}
