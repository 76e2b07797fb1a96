// The cost of the autodiff engine's two sweeps, counted on the graph, against a count written down
// from the network's structure (independent of the graph: layer sizes only).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { datasetFromArrays, deepLayout, deepNetworkGraph, graphCost, initDeepParams } from '../../../src/trainer';

/** The count by hand: per sample, layer l has n(l)·n(l−1) products, n(l)·(n(l−1) − 1) additions between them and n(l) bias additions. */
function byHand(sizes: number[], N: number) {
  let products = 0, sums = 0, relus = 0;
  for (let l = 1; l < sizes.length; l++) {
    products += sizes[l] * sizes[l - 1];
    sums += sizes[l] * (sizes[l - 1] - 1) + sizes[l];
    if (l < sizes.length - 1) relus += sizes[l];
  }
  // e = ŷ − y (1 addition), e² (a·a and 2·a), then the mean: N − 1 additions and one division.
  const forward = { multiplications: N * (products + 2) + 1, additions: N * (sums + 1) + N - 1, comparisons: N * relus };
  // Edges: 2 per product and per addition, 1 per ReLU, 2 for e, 1 for e², and N into the mean.
  const edges = N * (2 * products + 2 * sums + relus + 2 + 1) + N;
  // Into parameters: one per product (the weight) and one per bias addition; into data: one per
  // first-layer product (the input) and one per sample for y.
  const weights = sizes.slice(1).reduce((s, n, l) => s + n * sizes[l], 0);
  const biases = sizes.slice(1).reduce((s, n) => s + n, 0);
  return { forward, edges, edgesToParameters: N * (weights + biases), edgesToData: N * (2 * sizes[1] + 1) };
}

describe('graphCost', () => {
  it('counts the forward arithmetic and the backward multiply-adds the network’s structure predicts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 4 }), (hidden, N) => {
        const params = initDeepParams({ hidden, seed: 1 });
        const data = datasetFromArrays(Array.from({ length: N }, (_, i) => i / 3), Array.from({ length: N }, (_, i) => 1 - i), Array.from({ length: N }, () => 0.5));
        const cost = graphCost(deepNetworkGraph(params, hidden, data).loss);
        const expected = byHand(deepLayout(hidden).sizes as number[], N);
        expect(cost.forward).toEqual(expected.forward);
        expect(cost.edges).toBe(expected.edges);
        expect(cost.backward).toEqual({ multiplications: expected.edges, additions: expected.edges, comparisons: 0 });
        expect(cost.edgesToParameters).toBe(expected.edgesToParameters);
        expect(cost.edgesToData).toBe(expected.edgesToData);
      }),
      { numRuns: 30 },
    );
  });

  it('gives the 2-2-1 network on one sample 17 operations and 30 edges', () => {
    const cost = graphCost(deepNetworkGraph(initDeepParams({ hidden: [2] }), [2], datasetFromArrays([1], [2], [3])).loss);
    expect(cost.operations).toBe(17);
    expect(cost.edges).toBe(6 * 2 + 6 * 2 + 2 + 2 + 1 + 1);
  });
});
