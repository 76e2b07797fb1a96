import { describe, expect, it } from 'vitest';
import { makeDataset, type Scaling } from '../../../src/trainer/data';
import { linearFit, rSquared, variance } from '../../../src/trainer/loss';
import { dataExplorerScene, numbersOf, SAMPLE_COLUMNS, targetCurves } from '../../../src/widgets/data-explorer/scene';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { expectNotice } from '../../helpers/notice';

describe('dataExplorerScene', () => {
  it('builds the same scene for the same data set', () => {
    const a = dataExplorerScene(makeDataset({ n: 50, seed: 3 }));
    const b = dataExplorerScene(makeDataset({ n: 50, seed: 3 }));
    expect(toSvgString(a.panels.x1)).toBe(toSvgString(b.panels.x1));
    expect(a.numbers).toEqual(b.numbers);
  });

  it('names both panels for screen readers with the sample count and the scaling', () => {
    const scene = dataExplorerScene(makeDataset({ n: 1234, scaling: 'minmax' }));
    expectNotice(scene.panels.x1.attrs?.['aria-label'], { names: ['x1', 'min–max'], uses: '1,234' });
    expectNotice(scene.panels.x2.attrs?.['aria-label'], { names: ['x2', 'min–max'], uses: '1,234' });
  });

  it('shows Var(y) as 1 under z-score, and the plane fit with its R²', () => {
    const data = makeDataset({});
    const numbers = numbersOf(data);
    expect(numbers.varY).toBe('1');
    const fit = linearFit(data);
    expect(Number(numbers.linearR2)).toBeCloseTo(rSquared(fit.loss, variance(data.y)), 3);
    expect(numbers['fit.c']).toBe('0');
  });

  it('shows the raw statistics and the shift and scale of each variable', () => {
    const numbers = numbersOf(makeDataset({ scaling: 'none' }));
    expect(numbers['y.shift']).toBe('0');
    expect(numbers['y.scale']).toBe('1');
    expect(Object.keys(numbers)).toEqual(expect.arrayContaining(['x1.mean', 'x1.std', 'x2.min', 'y.max', 'varY', 'linearLoss', 'linearR2']));
  });

  it('lists the first samples raw and scaled for the table alternative', () => {
    const scene = dataExplorerScene(makeDataset({ n: 5 }));
    expect(scene.tables.samples).toHaveLength(5);
    expect(scene.tables.samples[0]).toHaveLength(SAMPLE_COLUMNS.length);
    expectNotice(scene.numbers.sampleCaption, { names: ['all', 'raw', 'z-score'], uses: '5' });
    expect(dataExplorerScene(makeDataset({ n: 300 })).numbers.sampleCaption).toMatch(/^The first 12 of 300 samples/);
  });

  it('never writes NaN or undefined, even for one sample or zero-width ranges', () => {
    for (const scaling of ['zscore', 'minmax', 'none'] as Scaling[]) {
      for (const options of [{ n: 1 }, { n: 20, x1Range: [2, 2] as [number, number], x2Range: [0, 0] as [number, number], noiseRange: [0, 0] as [number, number] }]) {
        const scene = dataExplorerScene(makeDataset({ ...options, scaling }));
        const text = [toSvgString(scene.panels.x1), toSvgString(scene.panels.x2), ...Object.values(scene.numbers), ...scene.tables.samples.flat()].join(' ');
        expect(text).not.toMatch(/NaN|undefined|Infinity/);
      }
    }
  });
});

describe('targetCurves', () => {
  it('draws the parabola at the mean of x2 and the line at x1 = 0, through the scaling', () => {
    const data = makeDataset({ scaling: 'none', noiseRange: [0, 0] });
    const curves = targetCurves(data);
    const mid = curves.x1.x.length >> 1;
    const x1 = curves.x1.x[mid];
    expect(curves.x1.y[mid]).toBeCloseTo(x1 * x1 + data.scaling.x2.mean, 10);
    expect(curves.x2.y).toEqual(curves.x2.x);
  });

  it('maps the target into z-score units the same way as the data', () => {
    const data = makeDataset({ noiseRange: [0, 0], n: 2000 });
    const { x1 } = targetCurves(data);
    // With no noise every point lies on x1² + x2; at the mean of x2 the curve is the conditional mean of the cloud.
    const s = data.scaling;
    const raw = (u: number) => u * s.x1.scale + s.x1.shift;
    const expected = (u: number) => (raw(u) ** 2 + s.x2.mean - s.y.shift) / s.y.scale;
    x1.x.forEach((u, i) => expect(x1.y[i]).toBeCloseTo(expected(u), 10));
  });
});
