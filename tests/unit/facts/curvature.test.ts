// Lesson 21's claims, each checked against an independent computation: the bowl's factors and
// steps by stepping the bowl by hand, the best rate's factor against the closed form, the linear
// model's Hessian against central differences of its loss, and the network's two matrices at the
// start and after training as the prose describes them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { curvatureFacts as f, EXERCISE_BOWL, linearBowl, BOWL_DEFAULTS } from '../../../src/facts/curvature';
import { makeDataset } from '../../../src/trainer';

const lesson = readFileSync(new URL('../../../content/lessons/21-curvature.mdx', import.meta.url), 'utf8');
const { exact } = f;

/** Gradient descent on ½θᵀHθ stepped by hand in the bowl's own axes: the parts multiply by 1 − ηλ. */
function stepsByHand(l1: number, l2: number, rate: number, start: [number, number], angle: number): number {
  const c = Math.cos(angle), s = Math.sin(angle);
  let a = c * start[0] + s * start[1], b = -s * start[0] + c * start[1];
  const loss = () => 0.5 * (l1 * a * a + l2 * b * b);
  const target = 0.01 * loss();
  for (let t = 0; t < 10_000; t++) {
    if (loss() < target) return t;
    a *= 1 - rate * l1;
    b *= 1 - rate * l2;
  }
  return -1;
}

describe('lesson 21: the bowl', () => {
  const D = BOWL_DEFAULTS;
  const angle = (D.angle * Math.PI) / 180;
  it('takes the steps the lesson names, as stepping the two axes by hand does', () => {
    expect(exact.defaultSteps).toBe(stepsByHand(D.lambda1, D.lambda2, D.learningRate, [D.startX, D.startY], angle));
    expect(exact.bestSteps).toBe(stepsByHand(D.lambda1, D.lambda2, 2 / (D.lambda1 + D.lambda2), [D.startX, D.startY], angle));
    expect(exact.narrowSteps).toBe(stepsByHand(50, 1, 2 / 51, [D.startX, D.startY], angle));
    expect(exact.roundSteps).toBe(1);
    expect(lesson).toContain('{f.bowl.round.steps} step:');
  });

  it('zig-zags on the steep axis and creeps on the flat one at the default rate, below the limit', () => {
    expect(1 - D.learningRate * D.lambda1).toBeLessThan(0);
    expect(1 - D.learningRate * D.lambda2).toBeGreaterThan(0);
    expect(D.learningRate).toBeLessThan(2 / D.lambda1);
    expect(exact.narrowSteps).toBeGreaterThan(3 * exact.bestSteps);
  });

  it('gives exercise answers that agree with the closed forms', () => {
    expect(EXERCISE_BOWL.limit).toBeCloseTo(2 / 12, 12);
    const kappa = EXERCISE_BOWL.lambda1 / EXERCISE_BOWL.lambda2;
    expect(EXERCISE_BOWL.bestFactor).toBeCloseTo((kappa - 1) / (kappa + 1), 12);
  });
});

describe('lesson 21: standardised inputs', () => {
  it('builds the straight line’s Hessian as central differences of its loss say', () => {
    const data = makeDataset({ n: 20 });
    const H = linearBowl(data.raw.x1, data.raw.x2);
    const lossAt = (p: number[]) => {
      let s = 0;
      for (let i = 0; i < data.n; i++) s += (p[0] * data.raw.x1[i] + p[1] * data.raw.x2[i] + p[2] - data.raw.y[i]) ** 2;
      return s / data.n;
    };
    const h = 1e-3, base = [0.3, -0.2, 0.1];
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        const at = (dr: number, dc: number) => lossAt(base.map((v, k) => v + (k === r ? dr : 0) + (k === c ? dc : 0)));
        const second = (at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4 * h * h);
        expect(H[r * 3 + c]).toBeCloseTo(second, 4);
      }
    }
  });

  it('makes the bowl nearly round: κ falls from above 10 to below 1.5', () => {
    expect(exact.kappaRaw).toBeGreaterThan(10);
    expect(exact.kappaScaled).toBeLessThan(1.5);
  });
});

describe('lesson 21: the network', () => {
  it('at the He start: the Hessian has negative eigenvalues and a larger λmax than Gauss–Newton, which has none', () => {
    const { hessian, gaussNewton } = exact.start;
    expect([...hessian.eigenvalues].filter((v) => v < -1e-9).length).toBeGreaterThanOrEqual(1);
    expect(hessian.lambdaMax).toBeGreaterThan(gaussNewton.lambdaMax);
    expect(gaussNewton.lambdaMin).toBeGreaterThan(-1e-9);
  });

  it('after training: the two λmax agree to four figures and the lowest eigenvalue is practically zero', () => {
    const { hessian, gaussNewton } = exact.end;
    expect(Math.abs(hessian.lambdaMax / gaussNewton.lambdaMax - 1)).toBeLessThan(1e-4);
    expect(Math.abs(hessian.lambdaMin)).toBeLessThan(1e-3);
  });

  it('keeps λmax well below 2/η along the run', () => {
    expect(exact.largestAlong).toBeLessThan(0.75 * (2 / 0.05));
  });
});
