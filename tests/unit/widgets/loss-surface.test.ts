import { describe, expect, it } from 'vitest';
import { initParams, lossAndGradient, makeDataset, meanSquaredError } from '../../../src/trainer';
import { ALL_DRAWN, handSetValues, lossSurfaceSettings, type LossSurfaceConfig } from '../../../src/experiments/loss-surface/settings';
import { GRID, gridMinimum, indexOf, slicePoint, startingValues, surfaceRun, surfaceState, surfaceWindow } from '../../../src/experiments/loss-surface/run';
import { lossSurfaceScene, SURFACE_HEIGHT, SURFACE_WIDTH, valuesAt } from '../../../src/widgets/loss-surface/scene';
import { heatScaleOf } from '../../../src/widgets/kit/heatmap';
import { readSharedState } from '../../../src/experiments/link';
import { toSvgString } from '../../../src/widgets/kit/svg';

const data = makeDataset({ n: 60 });

const LOSS_SURFACE_DEFAULTS = lossSurfaceSettings.defaults;
const parseLossSurfaceConfig = lossSurfaceSettings.parse;

describe('the loss surface’s settings', () => {
  it('gives the defaults for an empty source and round-trips a full config', () => {
    expect(parseLossSurfaceConfig({})).toEqual({ config: LOSS_SURFACE_DEFAULTS, notices: [] });
    expect(handSetValues(LOSS_SURFACE_DEFAULTS)).toEqual({});
    const config: LossSurfaceConfig = { ...ALL_DRAWN, x: 'W1', y: 'B3', init: 'writeup', initSeed: 7, W1: 1.5, B3: -2, learningRate: 0.01, epochs: 300, slice: 'start', span: 5 };
    expect(parseLossSurfaceConfig(lossSurfaceSettings.serialise(config))).toEqual({ config, notices: [] });
    expect(handSetValues(config)).toEqual({ W1: 1.5, B3: -2 });
  });

  it('reads parameter names in any case and values with a typographic minus', () => {
    const { config, notices } = parseLossSurfaceConfig({ x: 'w5', y: 'b1', W1: '−0.5' });
    expect(notices).toEqual([]);
    expect(config).toMatchObject({ x: 'W5', y: 'B1', W1: -0.5 });
  });

  it('opens a link from before the schema as it did: the same axes, run and hand-set start', () => {
    // As the widget's "Copy link" wrote it before: every setting, the hand-set values only.
    const old = '?surface.x=B1&surface.y=W5&surface.init=he&surface.initSeed=12&surface.learningRate=0.05&surface.epochs=5000&surface.span=3&surface.slice=end&surface.W5=1.25&surface.B1=-0.4';
    const { config, notices } = parseLossSurfaceConfig(readSharedState(old, 'surface').settings);
    expect(notices).toEqual([]);
    expect(config).toEqual({ ...ALL_DRAWN, x: 'B1', y: 'W5', init: 'he', initSeed: 12, learningRate: 0.05, epochs: 5000, span: 3, slice: 'end', W5: 1.25, B1: -0.4 });
    expect(parseLossSurfaceConfig(readSharedState('?surface.x=W5&surface.y=B3', 'surface').settings).config).toMatchObject({ x: 'W5', y: 'B3' });
  });

  it('explains every garbled setting and keeps the default', () => {
    const { config, notices } = parseLossSurfaceConfig({ x: 'W9', init: 'zeros', slice: 'middle', initSeed: '-1', learningRate: 'Infinity', epochs: '1e308', span: 'NaN', W2: '', colour: 'red' });
    expect(config).toEqual(LOSS_SURFACE_DEFAULTS);
    expect(notices).toHaveLength(9);
    for (const n of notices) expect(n).not.toMatch(/NaN\b(?!”)|undefined/);
  });

  it('refuses the same parameter on both axes', () => {
    const { config, notices } = parseLossSurfaceConfig({ x: 'W3', y: 'W3' });
    expect([config.x, config.y]).toEqual([LOSS_SURFACE_DEFAULTS.x, LOSS_SURFACE_DEFAULTS.y]);
    expect(notices[0]).toMatch(/different parameters/);
  });
});

describe('the surface run', () => {
  const config: LossSurfaceConfig = { ...LOSS_SURFACE_DEFAULTS, W2: 0.3, epochs: 400, x: 'W2', y: 'B3' };

  it('starts from the seeded preset with the hand-set values on top, and keeps snapshots from start to end', () => {
    const start = startingValues(config);
    const drawn = initParams({ preset: 'he', seed: config.initSeed });
    expect(start[indexOf('W2')]).toBe(0.3);
    expect(start[indexOf('W1')]).toBe(drawn[indexOf('W1')]);
    const run = surfaceRun(config, data);
    expect(Array.from(run.path[0])).toEqual(Array.from(start));
    expect(Array.from(run.path.at(-1)!)).toEqual(Array.from(run.end));
    expect(run.pathEpochs.at(-1)).toBe(400);
    expect(run.path.length).toBeLessThanOrEqual(302);
    expect(run.endLoss).toBeCloseTo(meanSquaredError(run.end, data), 12);
  });

  it('frames the slice point with the start and the end of the run inside', () => {
    const run = surfaceRun(config, data);
    const w = surfaceWindow(config, run);
    for (const p of [run.start, run.end]) {
      expect(p[indexOf('W2')]).toBeGreaterThanOrEqual(w.x[0]);
      expect(p[indexOf('W2')]).toBeLessThanOrEqual(w.x[1]);
      expect(p[indexOf('B3')]).toBeGreaterThanOrEqual(w.y[0]);
      expect(p[indexOf('B3')]).toBeLessThanOrEqual(w.y[1]);
    }
    expect((w.x[0] + w.x[1]) / 2).toBeCloseTo(slicePoint(config, run)[indexOf('W2')], 12);
    expect(w.x[1] - w.x[0]).toBeGreaterThanOrEqual(2 * config.span);
  });

  it('fills the grid with the loss of the slice point changed in the two chosen parameters', () => {
    const state = surfaceState(config, data);
    const point = Float64Array.from(state.run.end);
    const c = 17, r = 101;
    point[indexOf('W2')] = state.window.x[0] + (c * (state.window.x[1] - state.window.x[0])) / (GRID - 1);
    point[indexOf('B3')] = state.window.y[0] + (r * (state.window.y[1] - state.window.y[0])) / (GRID - 1);
    expect(state.grid[r * GRID + c]).toBeCloseTo(meanSquaredError(point, data), 10);
    expect(state.gradient[indexOf('B3')]).toBeCloseTo(lossAndGradient(state.run.end, data).grad[indexOf('B3')], 12);
    expect(state.pathLosses).toHaveLength(state.run.path.length);
    expect(state.gridMilliseconds).toBeGreaterThanOrEqual(0);
  });

  it('keeps a window it is given (while the start is dragged)', () => {
    const window = { x: [-1, 1] as [number, number], y: [-2, 2] as [number, number] };
    expect(surfaceState(config, data, window).window).toBe(window);
  });
});

describe('lossSurfaceScene', () => {
  const config: LossSurfaceConfig = { ...LOSS_SURFACE_DEFAULTS, epochs: 300 };
  const state = surfaceState(config, data);
  const scene = lossSurfaceScene({ config, ...state, scale: heatScaleOf(state.grid), image: 'data:image/png;base64,AAAA' });

  it('draws the heat map image, contours, the path, start and end markers, the slice ring and the colour bar', () => {
    const svg = toSvgString(scene.svg);
    for (const part of ['ls-heat', 'ls-contours', 'ls-path', 'ls-start', 'ls-end', 'ls-slice', 'ls-lowest', 'ls-colour-bar', 'Var(y)']) expect(svg).toContain(part);
    expect(svg).toContain('data:image/png;base64,AAAA');
    expect(svg).not.toMatch(/NaN|undefined/);
    expect(svg).toMatch(/<desc>.*lowest loss in this window/);
  });

  it('gives numbers and tables as the text alternative', () => {
    expect(scene.numbers.lowest).not.toBe('');
    expect(scene.numbers.state).toMatch(/h1 .*h2/);
    expect(scene.gridColumns).toHaveLength(8);
    expect(scene.gridRows).toHaveLength(7);
    expect(scene.pathRows.length).toBeGreaterThan(2);
    expect(JSON.stringify(scene)).not.toMatch(/NaN|undefined/);
  });

  it('finds the grid’s lowest value and maps picture points back to parameter values', () => {
    const low = gridMinimum(state.grid);
    expect(low.value).toBe(Math.min(...state.grid));
    const [x0, y0] = valuesAt(state.window, 0, SURFACE_HEIGHT);
    const [x1, y1] = valuesAt(state.window, SURFACE_WIDTH, 0);
    expect([x0, y0, x1, y1].map((v) => Number(v.toFixed(12)))).toEqual([state.window.x[0], state.window.y[0], state.window.x[1], state.window.y[1]].map((v) => Number(v.toFixed(12))));
  });

  it('redraws for another pair of parameters', () => {
    const other = { ...config, x: 'W1' as const, y: 'W3' as const };
    const otherState = surfaceState(other, data);
    const again = lossSurfaceScene({ config: other, ...otherState, scale: heatScaleOf(otherState.grid), image: '' });
    expect(toSvgString(again.svg)).not.toBe(toSvgString(scene.svg));
    expect(again.numbers.x).toBe('W1');
  });
});
