// What the autodiff engine's two sweeps cost, counted on the graph itself, for the lesson that
// explains why the backward pass costs a small multiple of the forward pass.
//
// Forward, each operation node does its arithmetic once: + and − one addition, × one
// multiplication, a sum of k values k − 1 additions, a mean k − 1 additions and one division
// (counted with the multiplications), ReLU one comparison; a square is two multiplications, a·a
// and the 2·a it records as its local derivative (the only local derivative that costs anything:
// the others are 1, −1, a copy of the other factor, 1/N, or ReLU′ read off the comparison).
// Backward, each EDGE (a node and one of its parents) is used once: parent.grad += grad × local,
// one multiplication and one addition. Operations have at most two inputs (a sum or mean has one
// per sample, shared out over the samples), so the edges — and the backward work — are a fixed
// multiple of the operations, whatever the size of the network.
import { topologicalOrder, type Value } from './autodiff';
import type { OperationCount } from './operations';

export interface GraphCost {
  /** Operation nodes (everything but the leaves: inputs, targets, parameters). */
  operations: number;
  /** Edges from a node to a parent: the multiply-adds of the backward sweep. */
  edges: number;
  /** Of those, edges into a parameter (the only slopes training uses). */
  edgesToParameters: number;
  /** Edges into inputs and targets: slopes nobody asked for, which libraries skip (requires_grad). */
  edgesToData: number;
  forward: OperationCount;
  backward: OperationCount;
}

/**
 * Counts both sweeps of the graph under `loss`. `isParameter` tells the parameters apart from the
 * other leaves (the data); by default a leaf whose label starts with W, B, w( or b( is one.
 */
export function graphCost(loss: Value, isParameter: (leaf: Value) => boolean = (leaf) => /^(W|B|w\(|b\()/.test(leaf.label)): GraphCost {
  const forward: OperationCount = { multiplications: 0, additions: 0, comparisons: 0 };
  let operations = 0, edges = 0, edgesToParameters = 0, edgesToData = 0;
  for (const node of topologicalOrder(loss)) {
    if (node.parents.length === 0) continue;
    operations += 1;
    edges += node.parents.length;
    for (const parent of node.parents) {
      if (parent.parents.length > 0) continue;
      if (isParameter(parent)) edgesToParameters += 1;
      else edgesToData += 1;
    }
    const k = node.parents.length;
    switch (node.operation) {
      case '+':
      case '−':
        forward.additions += 1;
        break;
      case '×':
      case '×c':
        forward.multiplications += 1;
        break;
      case 'square':
        forward.multiplications += 2;
        break;
      case 'sum':
        forward.additions += k - 1;
        break;
      case 'mean':
        forward.additions += k - 1;
        forward.multiplications += 1;
        break;
      case 'ReLU':
        forward.comparisons += 1;
        break;
    }
  }
  return {
    operations,
    edges,
    edgesToParameters,
    edgesToData,
    forward,
    backward: { multiplications: edges, additions: edges, comparisons: 0 },
  };
}
