// Lesson 16's prose makes claims about its counts; these tests keep them true, and check that the
// derivation it prints (the backward table, the formulas in H) matches the trainer's own counts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { countingTheWork as f, printed } from '../../../src/facts/counting-the-work';
import { flopsPerEpoch, operationsPerEpoch, operationsPerSample, operationsPerUpdate } from '../../../src/trainer';

const lesson = readFileSync(new URL('../../../content/lessons/16-counting-the-work.mdx', import.meta.url), 'utf8');
const x = f.exact;

describe('lesson 16: the derivation on the page', () => {
  it('prints a backward table whose columns add up to the trainer’s backward counts', () => {
    const section = lesson.slice(lesson.indexOf('## One sample, backwards'), lesson.indexOf('## The update'));
    const rows = section.split('\n').filter((l) => l.startsWith('|') && !l.startsWith('|---') && !l.startsWith('| step'));
    const cells = rows.map((r) => r.split('|').slice(1, -1).map((c) => c.trim()));
    expect(cells).toHaveLength(6);
    const column = (i: number) => cells.reduce((n, c) => n + Number(c[i]), 0);
    expect(column(2)).toBe(operationsPerSample(2).backward.multiplications);
    expect(column(3)).toBe(operationsPerSample(2).backward.additions);
  });

  it('prints formulas in H that give the trainer’s counts for every width', () => {
    for (let h = 1; h <= 16; h++) {
      const s = operationsPerSample(h);
      expect([s.forward.multiplications, s.forward.additions]).toEqual([printed.forwardMul(h), printed.forwardAdd(h)]);
      expect([s.loss.multiplications, s.loss.additions]).toEqual([printed.lossMul(), printed.lossAdd()]);
      expect([s.backward.multiplications, s.backward.additions]).toEqual([printed.backwardMul(h), printed.backwardAdd(h)]);
      expect(operationsPerUpdate(h).multiplications).toBe(printed.updateMul(h));
      for (const n of [1, 300, 3000]) expect(printed.epoch(n, h)).toBe(flopsPerEpoch(n, h));
    }
    for (const text of ['3H', '5H + 1', '4H + 1', 'N\\,(15H + 5) + 2\\,(4H + 1)', 'N\\,(H + 1) + 3A']) expect(lesson).toContain(text);
  });

  it('gives the masked formula the counter’s count at the counted start', () => {
    expect(printed.maskedBackwardMul(f.n, 2, x.activePairs)).toBe(x.countedMasked.perSample.backward.multiplications);
    expect(x.masked.backward.multiplications).toBe(x.countedMasked.perSample.backward.multiplications);
  });
});

describe('lesson 16: the claims about the counts', () => {
  it('finds the counter tallying exactly the table of one epoch, and the same update as the trainer', () => {
    expect(f.counter.agrees).toBe(true);
    expect(x.counted.perSample).toEqual({ forward: x.epoch.forward, loss: x.epoch.loss, backward: x.epoch.backward });
    expect(x.counted.update).toEqual(x.epoch.update);
  });

  it('has the backward pass under twice the forward pass, and the largest share of the work', () => {
    const s = operationsPerSample(2);
    expect(s.backward.multiplications / s.forward.multiplications).toBeLessThan(2);
    const e = operationsPerEpoch(300, 2);
    const flops = (p: keyof typeof e) => e[p].multiplications + e[p].additions;
    expect(flops('backward')).toBeGreaterThan(flops('forward'));
    expect(flops('update') / x.flopsEpoch).toBeLessThan(0.01);
  });

  it('grows in proportion to N, and about in proportion to H', () => {
    const ratioN = flopsPerEpoch(3000, 2) / flopsPerEpoch(300, 2);
    expect(ratioN).toBeGreaterThan(9.9);
    expect(ratioN).toBeLessThan(10);
    const ratioH = flopsPerEpoch(300, 16) / flopsPerEpoch(300, 8);
    expect(ratioH).toBeGreaterThan(1.9);
    expect(ratioH).toBeLessThan(2);
    x.growth.slice(1).forEach((g, i) => expect(g.perEpoch[0]).toBeGreaterThan(x.growth[i].perEpoch[0]));
  });

  it('saves multiplications with the switch: at least the N·H by ReLU′, and more where units are off', () => {
    expect(x.activePairs).toBeLessThan(f.n * 2);
    expect(x.masked.backward.multiplications).toBeLessThan(x.epoch.backward.multiplications - f.n * 2);
    expect(operationsPerSample(2, true).backward.multiplications).toBe(operationsPerSample(2).backward.multiplications - 2);
  });

  it('answers the exercises from the trainer’s formulas', () => {
    expect(x.backwardMulEpoch).toBe(300 * operationsPerSample(2).backward.multiplications);
    expect(x.flops16).toBe(printed.epoch(300, 16));
  });
});

