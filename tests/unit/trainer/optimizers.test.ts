import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  adam, checkOptimizerSpec, gradientDescent, initParams, lossAndGradient, makeDataset, makeOptimizer, makeRandom, momentum,
  nesterov, rmsprop, train, TrainerInputError, uniform, type Optimizer, type OptimizerSpec,
} from '../../../src/trainer';

// ---------- Reference implementations, written plainly from the formulas ----------

interface Reference {
  step(theta: number[], g: number[], rate: number): void;
}

/** Heavy ball in the Sutskever form: u ← β·u − η·g, θ ← θ + u (u = −η·b of torch's form; the same while η is fixed). */
function referenceHeavyBall(beta: number): Reference {
  let u: number[] | null = null;
  return {
    step(theta, g, rate) {
      u = u === null ? g.map((gj) => -rate * gj) : u.map((uj, j) => beta * uj - rate * g[j]);
      theta.forEach((_, j) => (theta[j] += u![j]));
    },
  };
}

/** torch.optim.SGD's documented algorithm, line by line (momentum μ, dampening τ, nesterov). */
function referenceTorchSgd(mu: number, tau: number, useNesterov: boolean): Reference {
  let b: number[] = [];
  let t = 0;
  return {
    step(theta, g, rate) {
      t += 1;
      b = t > 1 ? b.map((bj, j) => mu * bj + (1 - tau) * g[j]) : [...g];
      const d = useNesterov ? g.map((gj, j) => gj + mu * b[j]) : b;
      theta.forEach((_, j) => (theta[j] -= rate * d[j]));
    },
  };
}

function referenceRmsprop(alpha: number, eps: number): Reference {
  let v: number[] = [];
  return {
    step(theta, g, rate) {
      v = g.map((gj, j) => alpha * (v[j] ?? 0) + (1 - alpha) * gj ** 2);
      theta.forEach((_, j) => (theta[j] -= (rate * g[j]) / (Math.sqrt(v[j]) + eps)));
    },
  };
}

/** Adam as Kingma & Ba write it: bias-corrected m̂ and v̂, then θ ← θ − η·m̂/(√v̂ + ε). */
function referenceAdam(beta1: number, beta2: number, eps: number): Reference {
  let m: number[] = [], v: number[] = [];
  let t = 0;
  return {
    step(theta, g, rate) {
      t += 1;
      m = g.map((gj, j) => beta1 * (m[j] ?? 0) + (1 - beta1) * gj);
      v = g.map((gj, j) => beta2 * (v[j] ?? 0) + (1 - beta2) * gj ** 2);
      const mHat = m.map((mj) => mj / (1 - Math.pow(beta1, t)));
      const vHat = v.map((vj) => vj / (1 - Math.pow(beta2, t)));
      theta.forEach((_, j) => (theta[j] -= (rate * mHat[j]) / (Math.sqrt(vHat[j]) + eps)));
    },
  };
}

/**
 * A random quadratic bowl L = ½ Σ a_j θ_j² + c·θ (gradient a_j θ_j + c_j), a start and a rate small
 * enough to stay inside it: both implementations walk the same 40 steps and must agree.
 */
const bowl = fc.record({ seed: fc.integer(), size: fc.integer({ min: 1, max: 9 }) }).map(({ seed, size }) => {
  const random = makeRandom(`bowl:${seed}`);
  return {
    a: Array.from({ length: size }, () => uniform(random, 0.1, 10)),
    c: Array.from({ length: size }, () => uniform(random, -1, 1)),
    start: Array.from({ length: size }, () => uniform(random, -3, 3)),
    rate: uniform(random, 0.001, 0.05),
    coefficient: uniform(random, 0, 0.99),
    coefficient2: uniform(random, 0.9, 0.9999),
  };
});

function walk(optimizer: Optimizer, reference: Reference, b: { a: number[]; c: number[]; start: number[]; rate: number }): void {
  const theta = Float64Array.from(b.start), expected = [...b.start];
  const gradientAt = (x: ArrayLike<number>) => b.a.map((aj, j) => aj * x[j] + b.c[j]);
  for (let t = 0; t < 40; t++) {
    optimizer.step(theta, Float64Array.from(gradientAt(theta)), b.rate);
    reference.step(expected, gradientAt(expected), b.rate);
  }
  expected.forEach((e, j) => expect(Math.abs(theta[j] - e)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(e))));
}

describe('the optimizers against plain reference implementations on random bowls', () => {
  it('gradient descent', () => {
    fc.assert(fc.property(bowl, (b) => walk(gradientDescent(), referenceTorchSgd(0, 0, false), b)));
  });
  it('heavy-ball momentum, against the Sutskever form', () => {
    fc.assert(fc.property(bowl, (b) => walk(momentum({ beta: b.coefficient }), referenceHeavyBall(b.coefficient), b)));
  });
  it('momentum with dampening, against torch’s documented algorithm', () => {
    fc.assert(fc.property(bowl, (b) => walk(momentum({ beta: 0.9, dampening: b.coefficient }), referenceTorchSgd(0.9, b.coefficient, false), b)));
  });
  it('Nesterov momentum', () => {
    fc.assert(fc.property(bowl, (b) => walk(nesterov({ beta: b.coefficient }), referenceTorchSgd(b.coefficient, 0, true), b)));
  });
  it('RMSProp', () => {
    fc.assert(fc.property(bowl, (b) => walk(rmsprop({ alpha: b.coefficient2 }), referenceRmsprop(b.coefficient2, 1e-8), b)));
  });
  it('Adam, against the bias-corrected m̂ / (√v̂ + ε) form', () => {
    fc.assert(
      fc.property(bowl, (b) => walk(adam({ beta1: b.coefficient, beta2: b.coefficient2 }), referenceAdam(b.coefficient, b.coefficient2, 1e-8), b)),
    );
  });
});

describe('adam', () => {
  it('takes the first three steps worked by hand (gradients 2, 1, −1 from θ = 1, η = 0.1, PyTorch’s defaults)', () => {
    // t = 1: m = 0.1·2 = 0.2, v = 0.001·4 = 0.004; m̂ = 0.2/0.1 = 2, √v̂ = √(0.004/0.001) = 2
    //        θ = 1 − 0.1·2/(2 + 1e-8) = 0.9000000005 (to 10 digits)
    // t = 2: m = 0.9·0.2 + 0.1·1 = 0.28, v = 0.999·0.004 + 0.001·1 = 0.004996
    //        m̂ = 0.28/0.19 = 1.4736842105…, v̂ = 0.004996/0.001999 = 2.4992496248…, √v̂ = 1.5809015228…
    //        θ = 0.9000000005 − 0.1·1.4736842105/1.5809015328 = 0.8067820372085098
    // t = 3: m = 0.9·0.28 − 0.1 = 0.152, v = 0.999·0.004996 + 0.001 = 0.005991004
    //        m̂ = 0.152/0.271 = 0.5608856089…, v̂ = 0.005991004/0.002997001 = 1.9989996667…, √v̂ = 1.4138598469…
    //        θ = 0.8067820372 − 0.1·0.5608856089/1.4138598569 = 0.7671115135621859
    const optimizer = adam();
    const theta = Float64Array.of(1);
    const after: number[] = [];
    for (const g of [2, 1, -1]) {
      optimizer.step(theta, Float64Array.of(g), 0.1);
      after.push(theta[0]);
    }
    expect(after[0]).toBeCloseTo(0.9000000004999999975, 14);
    expect(after[1]).toBeCloseTo(0.8067820372085097587, 14);
    expect(after[2]).toBeCloseTo(0.7671115135621858998, 14);
  });

  it('moves every parameter by about η on its first step, whatever the size of its gradient', () => {
    const theta = Float64Array.of(0, 0, 0);
    adam().step(theta, Float64Array.of(0.5, -50, 7e4), 0.01);
    expect(Array.from(theta)).toEqual([-0.01, 0.01, -0.01].map((v) => expect.closeTo(v, 9)));
  });

  it('adds ε to the bias-corrected √v: a first step of η·g/(|g| + ε), short of η for a tiny gradient', () => {
    const theta = Float64Array.of(0);
    adam().step(theta, Float64Array.of(1e-6), 0.01);
    expect(theta[0]).toBeCloseTo((-0.01 * 1e-6) / (1e-6 + 1e-8), 15); // 0.99·η, not η
  });
});

describe('momentum and RMSProp', () => {
  it('reduce to plain gradient descent, bit for bit, when β = 0', () => {
    const g = Float64Array.of(0.3, -2, 5e-3);
    const plain = Float64Array.of(1, 2, 3), heavy = Float64Array.of(1, 2, 3);
    const gd = gradientDescent(), ball = momentum({ beta: 0 });
    for (let t = 0; t < 5; t++) {
      gd.step(plain, g, 0.1);
      ball.step(heavy, g, 0.1);
    }
    expect(Array.from(heavy)).toEqual(Array.from(plain));
  });

  it('RMSProp’s first step is η·g/(√(1 − α)·|g| + ε): about ten times η for α = 0.99', () => {
    const theta = Float64Array.of(0);
    rmsprop().step(theta, Float64Array.of(4), 0.01);
    expect(theta[0]).toBeCloseTo((-0.01 * 4) / (Math.sqrt(0.01) * 4 + 1e-8), 15);
    expect(theta[0]).toBeCloseTo(-0.1, 7);
  });
});

describe('makeOptimizer and checkOptimizerSpec', () => {
  it('build each kind from plain data, plain gradient descent when none is given', () => {
    expect(makeOptimizer(undefined).kind).toBe('gradient-descent');
    for (const kind of ['gradient-descent', 'momentum', 'nesterov', 'rmsprop', 'adam'] as const) expect(makeOptimizer({ kind }).kind).toBe(kind);
  });

  it('refuse settings no library would take, in words', () => {
    const bad: unknown[] = [
      { kind: 'adam', beta1: 1 },
      { kind: 'adam', beta2: -0.1 },
      { kind: 'adam', eps: NaN },
      { kind: 'rmsprop', alpha: 1.5 },
      { kind: 'momentum', beta: 'lots' },
      { kind: 'nesterov', beta: 0 },
      { kind: 'sgd' },
      null,
    ];
    for (const spec of bad) {
      const problems = checkOptimizerSpec(spec as OptimizerSpec);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]).not.toMatch(/undefined|NaN/);
      expect(() => makeOptimizer(spec as OptimizerSpec)).toThrow(TrainerInputError);
    }
    expect(() => momentum({ nesterov: true, dampening: 0.5 })).toThrow(/dampening/);
  });
});

describe('the trainer with an optimizer', () => {
  const data = makeDataset({ n: 60 });
  const params = initParams({ seed: 3 });
  const SPECS: OptimizerSpec[] = [{ kind: 'momentum' }, { kind: 'nesterov', beta: 0.5 }, { kind: 'rmsprop' }, { kind: 'adam' }];

  it('gives exactly the old runs when the optimizer is plain gradient descent (full batch, mini-batch, summed loss)', () => {
    for (const extra of [{}, { batchSize: 7, shuffleSeed: 4 }, { lossForm: 'sum' as const, batchSize: 10 }]) {
      const before = train({ data, params, learningRate: 0.002, epochs: 200, ...extra });
      const after = train({ data, params, learningRate: 0.002, epochs: 200, ...extra, optimizer: { kind: 'gradient-descent' } });
      expect(Array.from(after.params)).toEqual(Array.from(before.params));
      expect(Array.from(after.losses)).toEqual(Array.from(before.losses));
    }
  });

  it('matches a loop of lossAndGradient and the reference Adam, epoch by epoch', () => {
    const run = train({ data, params, learningRate: 0.01, epochs: 50, optimizer: { kind: 'adam' } });
    const theta = Array.from(params);
    const reference = referenceAdam(0.9, 0.999, 1e-8);
    for (let epoch = 0; epoch < 50; epoch++) {
      const { loss, grad } = lossAndGradient(Float64Array.from(theta), data);
      expect(run.losses[epoch]).toBeCloseTo(loss, 12);
      reference.step(theta, Array.from(grad), 0.01);
    }
    theta.forEach((t, j) => expect(run.params[j]).toBeCloseTo(t, 12));
  });

  it('repeats every run bit for bit from the same seeds', () => {
    for (const optimizer of SPECS) {
      const config = { data, params, learningRate: 0.01, epochs: 30, batchSize: 8, shuffleSeed: 2, optimizer };
      expect(Array.from(train(config).params)).toEqual(Array.from(train(config).params));
    }
  });

  it('keeps each run’s state to itself: two trainers from one spec take the same steps', () => {
    const spec: OptimizerSpec = { kind: 'adam' };
    const first = train({ data, params, learningRate: 0.01, epochs: 20, optimizer: spec });
    train({ data, params, learningRate: 0.5, epochs: 7, optimizer: spec });
    expect(Array.from(train({ data, params, learningRate: 0.01, epochs: 20, optimizer: spec }).params)).toEqual(Array.from(first.params));
  });

  it('feeds the summed loss’s gradient to momentum: η on Σe² is η·m on the mean', () => {
    const summed = train({ data, params, learningRate: 0.001, epochs: 40, batchSize: 10, lossForm: 'sum', optimizer: { kind: 'momentum' } });
    const mean = train({ data, params, learningRate: 0.01, epochs: 40, batchSize: 10, optimizer: { kind: 'momentum' } });
    summed.params.forEach((p, j) => expect(p).toBeCloseTo(mean.params[j], 10));
  });

  it('refuses a bad optimizer with a message and stops a diverging run cleanly', () => {
    expect(() => train({ data, params, learningRate: 0.01, epochs: 1, optimizer: { kind: 'adam', beta1: 2 } })).toThrow(/β1/);
    const wild = train({ data, params: initParams({ preset: 'writeup', seed: 1 }), learningRate: 10, epochs: 2000, optimizer: { kind: 'momentum', beta: 0.99 } });
    expect(wild.status).toBe('diverged');
    expect(wild.params.every(Number.isFinite)).toBe(true);
  });
});
