import { describe, expect, it } from 'vitest';
import { classifyEndState, initParams, lossTrace, makeDataset, runSweep, SWEEP_TRACE_POINTS, train } from '../../../src/trainer';

describe('runSweep with details', () => {
  const data = makeDataset({ n: 60 });

  it('reports each run’s final parameters, end state, gradient norm and loss trace, as train() and classifyEndState() give them', () => {
    const [plain] = runSweep({ data, preset: 'he', seeds: [2], epochs: 300, learningRate: 0.05 });
    expect(plain.details).toBeUndefined();
    const [run] = runSweep({ data, preset: 'he', seeds: [2], epochs: 300, learningRate: 0.05, details: true });
    const alone = train({ data, params: initParams({ preset: 'he', seed: 2 }), learningRate: 0.05, epochs: 300 });
    const end = classifyEndState(alone.params, data);
    expect(run.details!.params).toEqual(Array.from(alone.params));
    expect(run.details!.state).toBe(end.state);
    expect(run.details!.activeCounts).toEqual(end.activeCounts);
    expect(run.details!.gradientNorm).toBe(end.gradientNorm);
    expect(run.details!.trace).toHaveLength(SWEEP_TRACE_POINTS);
    expect(run.details!.trace[0]).toBe(alone.losses[0]);
    expect(run.details!.trace.at(-1)).toBe(alone.losses[299]);
    expect(run.finalLoss).toBe(plain.finalLoss);
  });
});

describe('lossTrace', () => {
  it('keeps the first and last loss and evenly spaced ones between', () => {
    const losses = Float64Array.from({ length: 101 }, (_, i) => i);
    expect(lossTrace(losses, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(lossTrace([3, 2], 5)).toEqual([3, 2]);
    expect(lossTrace([], 5)).toEqual([]);
  });
});
