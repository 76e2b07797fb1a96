// The backward sweep of the 2-2-1 network's loss over a few samples, recorded node by node with the
// autodiff engine's own backwardSteps, and the state of every node after any number of steps: what
// the widget of lesson 17 draws. Nodes are numbered in topological order (each after its parents).
import { backwardSteps, networkGraph, type GraphNodeKind } from '../../trainer/computationGraph';
import { presetParameters } from '../../trainer/presets';
import type { Dataset } from '../../trainer/data';
import type { Value } from '../../trainer/autodiff';
import { graphNodeCount, type BackwardGraphConfig } from './settings';

export interface SweepNode {
  /** Position in the topological order. */
  index: number;
  /** The engine's label: 'W5', 'W1·x1', 'z1', 'h1', 'ŷ', 'e²', 'L'. */
  label: string;
  /** '+', '−', '×', 'square', 'ReLU', 'mean', or '' for a leaf. */
  operation: string;
  kind: GraphNodeKind;
  /** 0-based sample, or null for the parameters and L. */
  sample: number | null;
  /** The number the forward pass put in it. */
  value: number;
  /** Indices of the nodes it was computed from, and ∂(node)/∂(parent) for each. */
  parents: number[];
  localDerivatives: number[];
  /** ∂L/∂node once the sweep is over. */
  gradient: number;
}

export interface SweepPass {
  parent: number;
  localDerivative: number;
  /** gradient × local derivative: what this step adds to the parent. */
  product: number;
  /** The parent's gradient after adding it. */
  parentTotal: number;
  /** How many contributions the parent has received, this one included. */
  contribution: number;
}

export interface SweepStep {
  node: number;
  /** ∂L/∂node, complete when the node's turn comes. */
  gradient: number;
  passes: SweepPass[];
}

export interface BackwardSweep {
  nodes: SweepNode[];
  /** steps[k] is the (k + 1)-th node to pass its gradient on: L first. */
  steps: SweepStep[];
  /** The node of each parameter, W1 … B3. */
  parameters: number[];
  /** The samples drawn (already scaled, as the network sees them). */
  samples: { x1: number; x2: number; y: number }[];
  /** L over those samples. */
  loss: number;
}

/** The graph of L over the first `samples` samples of `data` for the config's start, swept backwards. */
export function backwardSweep(config: BackwardGraphConfig, data: Dataset): BackwardSweep {
  const params = presetParameters(config.start);
  const n = Math.min(config.samples, data.n);
  const picked = { n, x1: data.x1.subarray(0, n), x2: data.x2.subarray(0, n), y: data.y.subarray(0, n) };
  const graph = networkGraph(params, picked);
  const indexOf = new Map<Value, number>(graph.nodes.map((node, i) => [node.value, i]));
  const recorded = backwardSteps(graph.loss);
  const received = new Array<number>(graph.nodes.length).fill(0);
  const steps = recorded.map((step): SweepStep => ({
    node: indexOf.get(step.node)!,
    gradient: step.gradient,
    passes: step.passes.map((pass) => {
      const parent = indexOf.get(pass.parent)!;
      received[parent] += 1;
      return { parent, localDerivative: pass.localDerivative, product: pass.product, parentTotal: pass.parentGradient, contribution: received[parent] };
    }),
  }));
  const nodes = graph.nodes.map(({ value, kind, sample }, index): SweepNode => ({
    index,
    label: value.label,
    operation: value.operation,
    kind,
    sample,
    value: value.data,
    parents: value.parents.map((p) => indexOf.get(p)!),
    localDerivatives: [...value.localDerivatives],
    gradient: value.grad,
  }));
  if (nodes.length !== graphNodeCount(n)) throw new Error(`The 2-2-1 graph over ${n} samples should have ${graphNodeCount(n)} nodes, not ${nodes.length}.`);
  return {
    nodes,
    steps,
    parameters: graph.parameters.map((p) => indexOf.get(p)!),
    samples: Array.from({ length: n }, (_, i) => ({ x1: picked.x1[i], x2: picked.x2[i], y: picked.y[i] })),
    loss: graph.loss.data,
  };
}

export interface SweepState {
  /** The gradient each node holds after `step` steps (the sum of what has reached it so far). */
  gradient: Float64Array;
  /** How many contributions have reached each node. */
  received: Int32Array;
  /** Whether each node has had its turn (passed its gradient on). */
  swept: boolean[];
  /** The step shown: null before the first (only ∂L/∂L = 1 is known). */
  current: SweepStep | null;
}

/** Every node's state after the first `step` steps of the sweep (0 … nodes). */
export function stateAfter(sweep: BackwardSweep, step: number): SweepState {
  const count = sweep.nodes.length;
  const done = Math.max(0, Math.min(step, sweep.steps.length));
  const gradient = new Float64Array(count), received = new Int32Array(count);
  const swept = new Array<boolean>(count).fill(false);
  gradient[count - 1] = 1; // L is last in topological order; ∂L/∂L = 1 before anything happens
  for (let k = 0; k < done; k++) {
    const s = sweep.steps[k];
    swept[s.node] = true;
    for (const pass of s.passes) {
      gradient[pass.parent] = pass.parentTotal;
      received[pass.parent] = pass.contribution;
    }
  }
  return { gradient, received, swept, current: done > 0 ? sweep.steps[done - 1] : null };
}
