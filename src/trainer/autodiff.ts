// Reverse-mode automatic differentiation: how PyTorch's autograd and TensorFlow's GradientTape find
// gradients nobody derived by hand, small enough to read in one sitting (after micrograd's engine.py).
//
// Computing with Values records a graph: every Value remembers the Values it was made from and the
// LOCAL derivative of its operation with respect to each of them, written beside the operation
// below. backward() then visits the graph from the output back to the inputs and applies the chain
// rule once per edge:
//   parent.grad += node.grad · ∂node/∂parent
// The += is the point: a Value used in several places (B3 reaches the loss through every sample)
// collects one contribution from each, and the sum is its gradient.
import { relu, reluPrime } from './activation';

export class Value {
  /** ∂(output)/∂(this node), filled in by the output's backward(); 0 before. */
  grad = 0;

  constructor(
    /** The number this node holds (computed in the forward pass). */
    readonly data: number,
    /** A name for drawing: 'W5', 'z1', 'ŷ'. */
    public label = '',
    /** The Values this one was computed from (none for a leaf: an input or a parameter). */
    readonly parents: readonly Value[] = [],
    /** ∂(this)/∂(parent) for each parent, at the forward pass's numbers. */
    readonly localDerivatives: readonly number[] = [],
    /** The operation that made it: '+', '−', '×', '×c', 'square', 'ReLU', 'sum', 'mean'; '' for a leaf. */
    readonly operation = '',
  ) {}

  /** a + b.   ∂/∂a = 1, ∂/∂b = 1 */
  add(b: Value, label = ''): Value {
    return new Value(this.data + b.data, label, [this, b], [1, 1], '+');
  }

  /** a − b.   ∂/∂a = 1, ∂/∂b = −1 */
  sub(b: Value, label = ''): Value {
    return new Value(this.data - b.data, label, [this, b], [1, -1], '−');
  }

  /** a · b.   ∂/∂a = b, ∂/∂b = a */
  mul(b: Value, label = ''): Value {
    return new Value(this.data * b.data, label, [this, b], [b.data, this.data], '×');
  }

  /** c · a for a constant c.   ∂/∂a = c */
  scale(c: number, label = ''): Value {
    return new Value(c * this.data, label, [this], [c], '×c');
  }

  /** a².   ∂/∂a = 2a */
  square(label = ''): Value {
    return new Value(this.data * this.data, label, [this], [2 * this.data], 'square');
  }

  /** ReLU(a) = max(0, a).   ∂/∂a = ReLU'(a): 1 where a > 0, else 0 (also at the kink a = 0) */
  relu(label = ''): Value {
    return new Value(relu(this.data), label, [this], [reluPrime(this.data)], 'ReLU');
  }

  /** Σ values.   ∂/∂(each) = 1 */
  static sum(values: readonly Value[], label = ''): Value {
    let total = 0;
    for (const v of values) total += v.data;
    return new Value(total, label, values, values.map(() => 1), 'sum');
  }

  /** (1/n) Σ values.   ∂/∂(each) = 1/n */
  static mean(values: readonly Value[], label = ''): Value {
    let total = 0;
    for (const v of values) total += v.data;
    const n = values.length;
    return new Value(total / n, label, values, values.map(() => 1 / n), 'mean');
  }

  /** One step of the backward sweep: each parent gets this node's gradient times the local derivative. */
  passGradientToParents(): void {
    for (let i = 0; i < this.parents.length; i++) {
      this.parents[i].grad += this.grad * this.localDerivatives[i];
    }
  }

  /**
   * Fills in node.grad = ∂(this)/∂(node) for every node this one depends on. Every gradient is set
   * to 0 first, so calling it twice gives the same numbers, not twice them.
   */
  backward(): void {
    const order = topologicalOrder(this);
    for (const node of order) node.grad = 0;
    this.grad = 1; // ∂(this)/∂(this)
    // From the output down: a node passes its gradient on only after every node that uses it has
    // added its contribution, which the reversed topological order guarantees.
    for (let n = order.length - 1; n >= 0; n--) order[n].passGradientToParents();
  }
}

/**
 * Every node `output` depends on, each listed after all of its parents (depth first from the
 * output). Parents are visited last to first, so that the backward sweep — which walks this list
 * from the end — meets the first sample before the second and unit 1 before unit 2, and adds the
 * contributions to a shared node in the order a person (and backprop.ts) adds them.
 */
export function topologicalOrder(output: Value): Value[] {
  const order: Value[] = [];
  const visited = new Set<Value>();
  const visit = (node: Value): void => {
    if (visited.has(node)) return;
    visited.add(node);
    for (let i = node.parents.length - 1; i >= 0; i--) visit(node.parents[i]);
    order.push(node);
  };
  visit(output);
  return order;
}
