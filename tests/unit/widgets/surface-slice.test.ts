import { describe, expect, it } from 'vitest';
import { initParams, lossAndGradient, makeDataset, meanSquaredError, parameterCount } from '../../../src/trainer';
import { SURFACE_SLICE_DEFAULTS, parseRole, roleAt, roleIndex, roleOptions, roleToken, sliceAxes, surfaceSliceSettings, type SurfaceSliceConfig } from '../../../src/experiments/surface-slice/settings';
import { SLICE_GRID, sliceMinimum, slicePixels, sliceScene, sliceState } from '../../../src/widgets/surface-slice/scene';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { viridis } from '../../../src/widgets/kit/heatmap';

const data = makeDataset({ n: 60 });

describe('parameters named by their role', () => {
  it('names the course’s nine as W1…B3 and keeps those names for the same roles at any width', () => {
    expect(Array.from({ length: 9 }, (_, i) => roleToken(roleAt(i, 2)))).toEqual(['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3']);
    // W5 is h1 → ŷ and B3 the output bias whatever the width.
    expect(roleIndex(parseRole('W5')!, 8)).toBe(16);
    expect(roleIndex(parseRole('B3')!, 8)).toBe(32);
    expect(roleIndex(parseRole('W2')!, 1)).toBe(-1);
  });

  it('round-trips every parameter of every width through its link name', () => {
    for (const H of [1, 2, 3, 8, 16]) {
      for (let i = 0; i < parameterCount(H); i++) {
        const token = roleToken(roleAt(i, H));
        expect(roleIndex(parseRole(token)!, H), `${token} at H = ${H}`).toBe(i);
      }
      expect(roleOptions(H)).toHaveLength(parameterCount(H));
    }
  });

  it('reads names in any case and refuses what is not a parameter', () => {
    expect(parseRole(' x2H5 ')).toEqual({ kind: 'x2', unit: 5 });
    expect(parseRole('h12y')).toEqual({ kind: 'out', unit: 12 });
    expect(parseRole('bh3')).toEqual({ kind: 'bias', unit: 3 });
    for (const bad of ['W9', 'x3h1', 'h0y', 'h17y', 'bh', '', '<b>']) expect(parseRole(bad), bad).toBeNull();
  });
});

describe('parseSurfaceSliceConfig', () => {
  it('gives the defaults for nothing and round-trips a config', () => {
    expect(surfaceSliceSettings.parse({})).toEqual({ config: SURFACE_SLICE_DEFAULTS, notices: [] });
    const config: SurfaceSliceConfig = { x: { kind: 'x2', unit: 6 }, y: { kind: 'outBias', unit: 0 }, span: 0.25 };
    expect(surfaceSliceSettings.parse(surfaceSliceSettings.serialise(config))).toEqual({ config, notices: [] });
  });

  it('explains every garbled setting and keeps the default', () => {
    const { config, notices } = surfaceSliceSettings.parse({ x: 'W9', y: '', span: '-1', colour: 'red' });
    expect(config).toEqual(SURFACE_SLICE_DEFAULTS);
    expect(notices).toHaveLength(4);
    for (const span of ['NaN', 'Infinity', '1e308', '0', 'abc']) expect(surfaceSliceSettings.parse({ span }).notices, span).toHaveLength(1);
  });

  it('refuses the same parameter on both axes', () => {
    const { config, notices } = surfaceSliceSettings.parse({ x: 'W1', y: 'w1' });
    expect([config.x, config.y]).toEqual([SURFACE_SLICE_DEFAULTS.x, SURFACE_SLICE_DEFAULTS.y]);
    expect(notices[0]).toMatch(/different parameters/);
  });

  it('falls back to the defaults, with a notice, for a unit the network does not have', () => {
    const config: SurfaceSliceConfig = { ...SURFACE_SLICE_DEFAULTS, x: { kind: 'out', unit: 5 } };
    expect(sliceAxes(config, 8)).toEqual({ x: 20, y: 24, notices: [] });
    const small = sliceAxes(config, 3);
    expect([small.x, small.y]).toEqual([roleIndex(SURFACE_SLICE_DEFAULTS.x, 3), roleIndex(SURFACE_SLICE_DEFAULTS.y, 3)]);
    expect(small.notices[0]).toMatch(/3 hidden units has no h5y/);
    // Two axes never land on the same parameter.
    const clash = sliceAxes({ ...SURFACE_SLICE_DEFAULTS, x: { kind: 'x1', unit: 9 }, y: SURFACE_SLICE_DEFAULTS.x }, 2);
    expect(clash.x).not.toBe(clash.y);
  });
});

describe('the slice', () => {
  const params = initParams({ preset: 'he', seed: 3 });

  it('is the trainer’s loss on the grid, with the current point at its centre', () => {
    const state = sliceState({ params, data, hidden: 2, x: 4, y: 6, span: 1.5 });
    const centre = ((SLICE_GRID - 1) / 2) * SLICE_GRID + (SLICE_GRID - 1) / 2;
    expect(state.grid[centre]).toBeCloseTo(meanSquaredError(params, data), 12);
    expect(state.loss).toBe(meanSquaredError(params, data));
    const corner = Float64Array.from(params);
    corner[4] += 1.5;
    corner[6] -= 1.5;
    expect(state.grid[SLICE_GRID - 1]).toBeCloseTo(meanSquaredError(corner, data), 12);
    expect(Array.from(state.gradient)).toEqual(Array.from(lossAndGradient(params, data).grad));
  });

  it('works for any width', () => {
    const wide = initParams({ preset: 'he', seed: 1, hidden: 8 });
    const state = sliceState({ params: wide, data, hidden: 8, x: 0, y: 32, span: 1 });
    expect(sliceMinimum(state.grid).value).toBeLessThanOrEqual(state.loss);
    const scene = sliceScene(state, 'data:,');
    expect(scene.numbers.now).toMatch(/^w\(x1→h1\) = .*, b\(out\) = /);
    expect(scene.numbers.others).toBe('31');
  });

  it('draws the heat map, the current point, the step’s direction and the lowest point, and says so in words', () => {
    const state = sliceState({ params, data, hidden: 2, x: 4, y: 5, span: 2 });
    const scene = sliceScene(state, 'data:image/png;base64,AA');
    const svg = toSvgString(scene.svg);
    for (const part of ['ss-heat', 'ss-contours', 'ss-step', 'ss-lowest', 'ss-now', 'ss-colour-bar', 'Var(y)']) expect(svg).toContain(part);
    expect(svg).toMatch(/<desc[^>]*>A heat map of the loss over W5/);
    expect(scene.tableRows).toHaveLength(5);
    expect(scene.tableRows[2][3]).toBe(scene.numbers.loss);
  });

  it('names a loss too large to represent in words and paints it with the top colour, never as a valley', () => {
    const huge = Float64Array.from(params);
    huge[4] = 1e200;
    const state = sliceState({ params: huge, data, hidden: 2, x: 4, y: 5, span: 1 });
    const scene = sliceScene(state, 'data:,');
    expect(JSON.stringify(scene.numbers) + JSON.stringify(scene.tableRows)).not.toMatch(/NaN|undefined/);
    const pixels = slicePixels(state);
    // Every cell overflows: all painted with the top (brightest) colour, none with the dark, lowest end.
    expect([pixels[0], pixels[1], pixels[2]]).toEqual(viridis(1));
    expect(pixels[4 * (SLICE_GRID * SLICE_GRID - 1)]).toBe(pixels[0]);
  });
});
