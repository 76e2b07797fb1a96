// Lesson 4's printed numbers against the trainer's forward(), and its prose's claims.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { forwardPass as f } from '../../../src/facts/forward-pass';
import { forward, makeDataset, meanSquaredError, variance, W5 } from '../../../src/trainer';
import { presetParameters } from '../../../src/trainer/presets';
import { forwardPassSettings } from '../../../src/experiments/forward-pass/settings';

const FORWARD_PASS_DEFAULTS = forwardPassSettings.defaults;

const lesson = readFileSync(new URL('../../../content/lessons/04-the-forward-pass.mdx', import.meta.url), 'utf8');
const data = makeDataset();
/** A printed number (true minus sign, thousands commas) as a number. */
const num = (s: string) => Number(s.replace(/\u2212/g, '-').replace(/,/g, ''));
const R = 0.5 * 10 ** -f.decimals.result;

describe('lesson 4: the worked sample', () => {
  const { params } = f.exact;
  const i = f.sample.number - 1;
  const pass = forward(params, data.x1[i], data.x2[i], 2);

  it('prints the values forward() computes, rounded', () => {
    const close = (printed: string, exact: number, decimals = f.decimals.result) => expect(Math.abs(num(printed) - exact)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
    close(f.sample.x1, data.x1[i], f.decimals.input);
    close(f.sample.x2, data.x2[i], f.decimals.input);
    close(f.sample.y, data.y[i], f.decimals.input);
    close(f.sample.z1, pass.z[0]);
    close(f.sample.h1, pass.h[0]);
    close(f.sample.z2, pass.z[1]);
    close(f.sample.h2, pass.h[1]);
    close(f.sample.yhat, pass.yhat);
    close(f.sample.e, pass.yhat - data.y[i]);
    close(f.sample.e2, (pass.yhat - data.y[i]) ** 2);
    for (const [name, value] of Object.entries(f.params)) expect(num(value)).toBe(params[['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3'].indexOf(name)]);
  });

  it('has printed products a reader can check by multiplying the printed factors', () => {
    const s = f.sample, p = f.params;
    const products: [string, string, string][] = [
      [p.W1, s.x1, s.W1x1], [p.W3, s.x2, s.W3x2], [p.W2, s.x1, s.W2x1], [p.W4, s.x2, s.W4x2], [p.W5, s.h1, s.W5h1], [p.W6, s.h2, s.W6h2],
    ];
    // The factors are rounded too, so allow their rounding times the other factor's size.
    for (const [a, b, ab] of products) expect(Math.abs(num(a) * num(b) - num(ab))).toBeLessThanOrEqual(R + 0.5e-4 * Math.abs(num(a)) + R * Math.abs(num(a)) + 1e-9);
  });

  it('has sums of printed pieces that match the printed totals up to the rounding the prose warns of', () => {
    const s = f.sample, p = f.params;
    const sums: [string[], string][] = [
      [[s.W1x1, s.W3x2, p.B1], s.z1],
      [[s.W2x1, s.W4x2, p.B2], s.z2],
      [[s.W5h1, s.W6h2, p.B3], s.yhat],
    ];
    for (const [pieces, total] of sums) expect(Math.abs(pieces.reduce((t, x) => t + num(x), 0) - num(total))).toBeLessThanOrEqual(3 * R);
    expect(Math.abs(num(s.yhat) - num(s.y) - num(s.e))).toBeLessThanOrEqual(2 * R + 0.5e-4);
  });

  it('says unit 1 is off and unit 2 is on for this sample, and the prediction is far outside the targets', () => {
    expect(pass.z[0]).toBeLessThan(0);
    expect(pass.h[0]).toBe(0);
    expect(pass.z[1]).toBeGreaterThan(0);
    expect(f.sample.unit1On).toBe(false);
    expect(f.sample.unit2On).toBe(true);
    expect(Math.abs(pass.yhat)).toBeGreaterThan(Math.max(...data.y.map(Math.abs)));
  });

  it('is the forward-pass widget’s starting point, as the prose says', () => {
    expect(FORWARD_PASS_DEFAULTS.start).toBe('writeup-example');
    expect(FORWARD_PASS_DEFAULTS.sample).toBe(f.sample.number);
  });
});

describe('lesson 4: all samples', () => {
  it('prints the loss, Var(y) and R² of the write-up start on the default data', () => {
    const L = meanSquaredError(f.exact.params, data);
    expect(f.exact.loss).toBeCloseTo(L, 10);
    expect(num(f.all.loss)).toBeCloseTo(L, 1);
    expect(num(f.all.varY)).toBeCloseTo(variance(data.y), 3);
    expect(num(f.all.r2)).toBeCloseTo(1 - L / variance(data.y), 1);
    expect(num(f.all.r2)).toBeLessThan(0);
  });

  it('lists table rows that are forward() of those samples', () => {
    for (const row of f.table) {
      const i = row.number - 1;
      const p = forward(f.exact.params, data.x1[i], data.x2[i], 2);
      expect(num(row.yhat)).toBeCloseTo(p.yhat, 3);
      expect(num(row.z1)).toBeCloseTo(p.z[0], 3);
      expect(num(row.e)).toBeCloseTo(p.yhat - data.y[i], 3);
    }
    expect(f.table.at(-1)!.number).toBe(data.n);
  });

  it('counts the units’ on-samples and the multiplications', () => {
    let on1 = 0, on2 = 0;
    for (let i = 0; i < data.n; i++) {
      const { z } = forward(f.exact.params, data.x1[i], data.x2[i], 2);
      on1 += z[0] > 0 ? 1 : 0;
      on2 += z[1] > 0 ? 1 : 0;
    }
    expect([f.all.on1, f.all.on2]).toEqual([on1, on2]);
    expect(num(f.count.totalMultiplications)).toBe(6 * data.n);
  });
});

describe('lesson 4: try this', () => {
  it('has a sample with both units on, where W5 matters, while on sample 1 it does not', () => {
    expect(f.bothOn).not.toBeNull();
    const i = f.bothOn! - 1;
    const p = forward(f.exact.params, data.x1[i], data.x2[i], 2);
    expect(p.z[0]).toBeGreaterThan(0);
    expect(p.z[1]).toBeGreaterThan(0);
    const changed = Float64Array.from(f.exact.params);
    changed[W5] = 3;
    expect(forward(changed, data.x1[0], data.x2[0], 2).yhat).toBe(forward(f.exact.params, data.x1[0], data.x2[0], 2).yhat);
    expect(forward(changed, data.x1[i], data.x2[i], 2).yhat).not.toBe(p.yhat);
  });

  it('gives the exercise’s z2 as worked from the printed numbers, within rounding of the exact z2', () => {
    const { x1, x2, z2, exactZ2 } = f.bothOnPass;
    const p = f.params;
    expect(z2).toBeCloseTo(num(p.W2) * num(x1) + num(p.W4) * num(x2) + num(p.B2), 12);
    expect(Math.abs(z2 - exactZ2)).toBeLessThan(0.01);
    expect(f.bothOnPass.number).toBe(f.bothOn);
  });

  it('has a dead-unit start whose h1 is 0 on every sample', () => {
    const dead = presetParameters('dead-unit');
    for (let i = 0; i < data.n; i++) expect(forward(dead, data.x1[i], data.x2[i], 2).h[0]).toBe(0);
  });
});
