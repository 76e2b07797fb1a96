import { describe, expect, it } from 'vitest';
import { forward, initParams, makeDataset, meanSquaredError, PARAMETER_NAMES } from '../../../src/trainer';
import { allSamples, FORWARD_STEPS, passNumbers, samplePass, STEP_COUNT } from '../../../src/experiments/forward-pass/pass';
import { forwardPassScene, numbersAtStep, stepMessage, tableWindow, TABLE_ROWS } from '../../../src/widgets/forward-pass/scene';
import { fillText, slotKeys, UNKNOWN } from '../../../src/experiments/formulaTemplate';
import { toSvgString } from '../../../src/widgets/kit/svg';

const data = makeDataset();
const params = initParams({ preset: 'writeup-example' });
const num = (s: string) => Number(s.replace(/\u2212/g, '-').replace(/,/g, ''));

describe('forward-pass scene', () => {
  it('fills every slot of the six formulas, and the filled formulas are true of forward()', () => {
    const pass = samplePass(params, data, 3);
    const numbers = passNumbers(params, pass);
    for (const step of FORWARD_STEPS) for (const key of [...slotKeys(step.tex), ...slotKeys(step.text)]) expect(numbers[key], key).toBeDefined();
    const exact = forward(params, data.x1[3], data.x2[3], 2);
    expect(num(numbers.z1)).toBeCloseTo(exact.z[0], 3);
    expect(num(numbers.h2)).toBeCloseTo(exact.h[1], 3);
    expect(num(numbers.yhat)).toBeCloseTo(exact.yhat, 3);
    expect(num(numbers.e)).toBeCloseTo(exact.yhat - data.y[3], 3);
    expect(fillText(FORWARD_STEPS[0].text, numbers)).toBe(`z1 = W1·x1 + W3·x2 + B1 = (−0.46)·(${numbers.x1}) + (8.47)·(${numbers.x2}) + (−4.44) = ${numbers.z1}`);
  });

  it('shows a question mark for what later steps compute, and everything after the last step', () => {
    const all = passNumbers(params, samplePass(params, data, 0));
    const none = numbersAtStep(all, 0);
    for (const key of ['z1', 'h1', 'z2', 'h2', 'yhat', 'e', 'e2']) expect(none[key]).toBe(UNKNOWN);
    expect(none.W1).toBe(all.W1);
    expect(none.x1).toBe(all.x1);
    const two = numbersAtStep(all, 2);
    expect([two.z1, two.h1, two.z2]).toEqual([all.z1, all.h1, UNKNOWN]);
    expect(numbersAtStep(all, STEP_COUNT)).toEqual(all);
  });

  it('says in words what each step did, with on/off and too high/low', () => {
    const pass = samplePass(params, data, 0);
    const all = passNumbers(params, pass);
    expect(stepMessage(pass, 0, all)).toMatch(/^Sample 1: x1 = −0\.6891, .*Press Step/);
    expect(stepMessage(pass, 2, all)).toMatch(/Step 2 of 6: h1 = 0\.000\. .*unit 1 is off/);
    expect(stepMessage(pass, 4, all)).toMatch(/unit 2 is on/);
    expect(stepMessage(pass, 6, all)).toMatch(/too high by 27\.662/);
  });

  it('keeps the table window inside the data and marks the current row', () => {
    expect(tableWindow(params, data, 0).map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(tableWindow(params, data, 299).map((r) => r.index).at(-1)).toBe(299);
    const middle = tableWindow(params, data, 100);
    expect(middle).toHaveLength(TABLE_ROWS);
    expect(middle.filter((r) => r.current).map((r) => r.index)).toEqual([100]);
  });

  it('computes the loss of all samples as the trainer does, and counts units on', () => {
    const every = allSamples(params, data);
    expect(every.loss).toBeCloseTo(meanSquaredError(params, data), 10);
    expect(every.yhat).toHaveLength(data.n);
    expect(every.r2).toBeCloseTo(1 - every.loss / every.varY, 12);
  });

  it('draws the predictions with the current sample ringed, and never prints NaN', () => {
    const scene = forwardPassScene(params, data, 41, 6);
    const svg = toSvgString(scene.chart);
    expect(svg).toContain('data-index="41"');
    expect(svg).toContain('sample 42');
    const huge = Float64Array.from(PARAMETER_NAMES, () => 10);
    const text = JSON.stringify(forwardPassScene(huge, data, 0, 6));
    expect(text).not.toMatch(/NaN|undefined/);
  });
});
