// Lesson 9's prose makes claims about its computed numbers; these tests keep each one true
// against the trainer.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { localMinima as f, PLATEAU_SEED, SURFACE_VIEW, SWEEP_BUDGET, TRAP_RATES } from '../../../src/facts/local-minima';
import {
  wilsonInterval,
  classifyEndState,
  findPlateau,
  lossAndGradient,
  toyDescent,
  toyGradient,
  TOY_GLOBAL_MINIMUM,
  TOY_HUMP,
  TOY_LOCAL_MINIMUM,
  unitActivity,
  W1,
  W2,
  W3,
  W4,
} from '../../../src/trainer';
import { settledAfter, toyLandscapeSettings } from '../../../src/experiments/toy-landscape/settings';

const TOY_LANDSCAPE_DEFAULTS = toyLandscapeSettings.defaults;
import { basinGallerySettings } from '../../../src/experiments/basin-gallery/settings';
const BASIN_GALLERY_DEFAULTS = basinGallerySettings.defaults;
import { trainingConsoleSettings } from '../../../src/experiments/training-console/settings';
import { GRID, indexOf } from '../../../src/experiments/loss-surface/run';

const lesson = readFileSync(new URL('../../../content/lessons/09-local-minima.mdx', import.meta.url), 'utf8');
const num = (s: string) => Number(s.replace(/−/g, '-').replace(/,/g, ''));
const { exact } = f;
const data = exact.data;

describe('lesson 9, the toy landscape', () => {
  const runs = exact.toyRuns;

  it('has the deep minimum left, the shallow one right and the hump between, as printed', () => {
    expect(num(f.toy.global)).toBeLessThan(num(f.toy.hump));
    expect(num(f.toy.hump)).toBeLessThan(num(f.toy.local));
    expect(num(f.toy.globalLoss)).toBeLessThan(num(f.toy.localLoss));
    expect(num(f.toy.humpLoss)).toBeGreaterThan(num(f.toy.localLoss));
  });

  it('creeps into the shallow basin from x = 2 with η = 0.01, the widget’s default run', () => {
    expect(runs.small.outcome).toBe('local minimum');
    expect(TOY_LANDSCAPE_DEFAULTS).toMatchObject({ start: runs.small.start, learningRate: runs.small.rate });
    const shown = toyDescent(TOY_LANDSCAPE_DEFAULTS.start, TOY_LANDSCAPE_DEFAULTS.learningRate, TOY_LANDSCAPE_DEFAULTS.steps);
    expect(shown.outcome).toBe('local minimum');
    expect(settledAfter(shown.path)).toBe(num(f.toy.runs.small.settledAfter));
    // Creeping: every step stays on the right of the hump.
    for (const x of runs.small.path) expect(x).toBeGreaterThan(TOY_HUMP);
  });

  it('jumps over the hump into the deep basin with η = 0.1, and the other way from x = −2.2', () => {
    expect(runs.larger.path[1]).toBeLessThan(TOY_HUMP);
    expect(runs.larger.outcome).toBe('global minimum');
    expect(runs.fromTheLeft.path[0]).toBeLessThan(TOY_GLOBAL_MINIMUM);
    expect(runs.fromTheLeft.path[1]).toBeGreaterThan(TOY_HUMP);
    expect(runs.fromTheLeft.outcome).toBe('local minimum');
    expect(runs.fromTheLeft.rate).toBe(runs.larger.rate);
  });

  it('diverges with η = 0.25 within the printed number of steps, each step overshooting further', () => {
    const run = runs.tooLarge;
    expect(run.outcome).toBe('diverged');
    expect(run.path.length - 1).toBe(num(f.toy.runs.tooLarge.steps));
    for (let k = 2; k < run.path.length; k++) expect(Math.abs(run.path[k] - TOY_LOCAL_MINIMUM)).toBeGreaterThan(Math.abs(run.path[k - 1] - TOY_LOCAL_MINIMUM));
  });

  it('works the exercise: the first step from x = 2 with η = 0.1 is 2 − 0.1 · 21', () => {
    expect(toyGradient(2)).toBe(21);
    expect(runs.larger.path[1]).toBeCloseTo(2 - 0.1 * 21, 12);
    expect(f.toy.runs.larger.firstStep).toBe('−0.10');
  });
});

describe('lesson 9, the saddle at zero', () => {
  it('keeps the all-zero network at Var(y): only B3 has a slope, and it is (all but) zero', () => {
    const { grad } = lossAndGradient(exact.zeros, data);
    expect(Array.from(grad.slice(0, 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(Math.abs(grad[8])).toBeLessThan(1e-12);
    for (const loss of exact.zeroRun.losses) expect(loss).toBeCloseTo(exact.varY, 12);
    expect(f.saddle.loss).toBe('1.000');
  });

  it('is not a minimum: nudging B1 and W5 lets the same descent go well below Var(y)', () => {
    const losses = exact.nudgedRun.losses;
    expect(losses[0]).toBeCloseTo(exact.varY, 3);
    expect(losses[losses.length - 1]).toBeLessThan(0.7 * exact.varY);
  });
});

describe('lesson 9, the gallery of end states', () => {
  const s = exact.states;
  const all = exact.gallery;

  it('is the gallery widget’s default, at the console’s learning rate', () => {
    expect(all).toHaveLength(BASIN_GALLERY_DEFAULTS.runs);
    expect(BASIN_GALLERY_DEFAULTS.learningRate).toBe(trainingConsoleSettings.defaults.learningRate);
    expect(BASIN_GALLERY_DEFAULTS.preset).toBe('he');
    expect(all.every((r) => r.status === 'ok')).toBe(true);
  });

  it('counts every run in exactly one of the four printed states', () => {
    expect(s.twoHinges.runs + s.hingeLinear.runs + s.hingeDead.runs + s.bothDead.runs).toBe(all.length);
    expect(s.linearDead.runs + s.twoLinear.runs).toBe(0);
    expect(s.bothDead.runs).toBe(0);
  });

  it('has two hinges at the lowest loss of all, the V across x1, and ten two-hinge runs bent the wrong way', () => {
    const best = Math.min(...all.map((r) => r.finalLoss));
    expect(f.gallery.goodLoss).toBe(best.toPrecision(3));
    expect(exact.goodTwoHinges.length + exact.poorTwoHinges.length).toBe(s.twoHinges.runs);
    for (const run of exact.goodTwoHinges) {
      const p = run.details!.params;
      expect(p[W1] * p[W2]).toBeLessThan(0); // one unit faces each side of the parabola
      expect(run.rSquared).toBeGreaterThan(0.96);
    }
    for (const run of exact.poorTwoHinges) {
      const p = run.details!.params;
      const sameSide = p[W1] * p[W2] > 0;
      const alongX2 = Math.abs(p[W1]) < Math.abs(p[W3]) && Math.abs(p[W2]) < Math.abs(p[W4]);
      expect(sameSide || alongX2, `seed ${run.seed}`).toBe(true);
      expect(run.finalLoss).toBeGreaterThan(0.6);
      expect(run.finalLoss).toBeLessThan(0.7);
    }
  });

  it('ranks the states as the prose does: two hinges < hinge + linear < hinge + dead < Var(y)', () => {
    const good = Math.max(...exact.goodTwoHinges.map((r) => r.finalLoss));
    expect(good).toBeLessThan(Math.min(...s.hingeLinear.losses));
    expect(Math.max(...s.hingeLinear.losses)).toBeLessThan(Math.min(...s.hingeDead.losses));
    expect(Math.max(...s.hingeDead.losses)).toBeLessThan(exact.varY);
    // "About a third of the pattern learned."
    expect(num(f.gallery.states.hingeDead.medianR2)).toBeGreaterThan(0.25);
    expect(num(f.gallery.states.hingeDead.medianR2)).toBeLessThan(0.4);
  });

  it('prints gradient sizes that separate resting runs from the plateau', () => {
    expect(exact.atRest.length).toBe(num(f.gallery.atRest));
    const smallest = Math.min(...exact.atRest.map((r) => r.details!.gradientNorm));
    expect(smallest).toBeLessThan(1e-14);
    expect(exact.goodTwoHinges[0].details!.gradientNorm).toBeLessThan(1e-12);
    expect(exact.plateauMiddleNorm).toBeGreaterThan(1e-4);
    // "Millions of times smaller."
    expect(exact.plateauMiddleNorm / exact.goodTwoHinges[0].details!.gradientNorm).toBeGreaterThan(1e6);
  });
});

describe('lesson 9, the dead-unit trap', () => {
  const [h2W1, h2W3, h2W5, h2B] = exact.deadParams;

  it('is unit h2 of seed 30’s end, whose four parameters are the ones the printed formulas name', () => {
    expect(exact.deadUnit).toBe(1);
    expect(f.trap.unit).toBe('h2');
    expect([h2W1, h2W3, h2W5, h2B]).toEqual([1, 3, 5, 7]); // W2, W4, W6, B2
    expect(unitActivity(exact.trapEnd, data).activeCounts[1]).toBe(0);
    expect(num(f.trap.r2)).toBeCloseTo(1 - exact.trapRun.finalLoss / exact.varY, 2);
  });

  it('gives those four exactly zero partial derivatives and the other five small non-zero ones', () => {
    const g = exact.trapGradient;
    for (const j of exact.deadParams) expect(g[j]).toBe(0);
    for (let j = 0; j < 9; j++) if (!exact.deadParams.includes(j)) expect(g[j]).not.toBe(0);
    expect(Math.max(...Array.from(g).map(Math.abs))).toBeLessThan(1e-6);
  });

  it('keeps them bit-for-bit at every learning rate, even when the rest blows up at η = 100', () => {
    // The prose types these four rates in a formula.
    expect([...TRAP_RATES]).toEqual([0.001, 0.05, 1, 100]);
    expect(exact.trapContinued.map((c) => c.rate)).toEqual([...TRAP_RATES]);
    for (const c of exact.trapContinued) {
      expect(c.unchanged).toBe(true);
      expect(c.state).toBe('dead');
      expect(c.moved).toBe(true);
    }
    expect(exact.trapContinued.at(-1)!.status).toBe('diverged');
    expect(exact.trapContinued.slice(0, -1).every((c) => c.status === 'ok')).toBe(true);
  });

  it('shows on the slice a flat band where h2 is dead and a lower point where it is alive, with zero slopes at the end', () => {
    const { surface, surfaceLowest } = exact;
    expect(SURFACE_VIEW).toMatchObject({ x: 'B2', y: 'W6', slice: 'end', initSeed: Number(f.trap.seed) });
    expect(surface.run.endLoss).toBeCloseTo(exact.trapRun.finalLoss, 3);
    // The left edge (lowest B2): the same loss for every W6.
    const column = Array.from({ length: GRID }, (_, r) => surface.grid[r * GRID]);
    for (const v of column) expect(v).toBeCloseTo(column[0], 12);
    expect(surfaceLowest.value).toBeLessThan(surface.run.endLoss);
    const at = Float64Array.from(surface.run.end);
    at[indexOf('B2')] = num(f.surface.lowestX);
    at[indexOf('W6')] = num(f.surface.lowestY);
    expect(classifyEndState(at, data).units[1]).not.toBe('dead');
    expect(num(f.surface.lowestX)).toBeGreaterThan(surface.run.end[indexOf('B2')]);
    expect(surface.gradient[indexOf('B2')]).toBe(0);
    expect(surface.gradient[indexOf('W6')]).toBe(0);
  });
});

describe('lesson 9, a plateau that ends', () => {
  it('sits within 1% for over two thousand epochs, then halves, ending with two hinges', () => {
    const p = findPlateau(exact.plateauLosses)!;
    expect(p).toEqual(exact.plateau);
    expect(p.end - p.start).toBeGreaterThan(2000);
    expect(f.plateau.seed).toBe(String(PLATEAU_SEED));
    expect(exact.plateauEnd.state).toBe('two hinges');
    expect(exact.plateauEnd.rSquared).toBeGreaterThan(0.96);
    expect(exact.plateauLosses[p.droppedAt]).toBeLessThan(0.5 * p.level);
  });

  it('waits at about the level of the dead-unit runs', () => {
    expect(Math.abs(exact.plateau.level - Math.max(...exact.states.hingeDead.losses))).toBeLessThan(0.01);
  });
});

describe('lesson 9, learning rate against dead units', () => {
  const rows = exact.sweep;

  it('gives every rate the same budget η × epochs, three thousand epochs at 0.01 and thirty at 1', () => {
    for (const r of rows) expect(Math.round(r.rate * r.epochs)).toBe(SWEEP_BUDGET);
    expect(rows[0]).toMatchObject({ rate: 0.01, epochs: 3000 });
    expect(rows.at(-1)).toMatchObject({ rate: 1, epochs: 30 });
  });

  it('traps the very same starts at 0.01 and 0.03, and more runs at every larger rate', () => {
    expect(f.rates.sameSeedsAt001And003).toBe(true);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].withDead + rows[i].diverged).toBeGreaterThanOrEqual(rows[i - 1].withDead + rows[i - 1].diverged);
      expect(rows[i].deadShare).toBeGreaterThanOrEqual(rows[i - 1].deadShare);
    }
    expect(rows.at(-1)!.deadShare).toBeGreaterThan(0.8);
  });

  it('rescues almost none and traps many, seed by seed against η = 0.01', () => {
    const at03 = exact.paired(0.3), at1 = exact.paired(1);
    expect(at03.rescued).toBeLessThanOrEqual(2);
    expect(at03.trapped).toBeGreaterThan(10 * Math.max(1, at03.rescued));
    expect(at03.healthy + rows[0].withDead).toBe(100);
    expect(at1.trapped + at1.diverged).toBeGreaterThan(at03.trapped);
    expect(f.rates.rows[3].rate).toBe('0.3'); // the exercise's row
  });
});

describe('lesson 9, the prose', () => {

  it('embeds the console at the plateau seed and the surface at the trap', () => {
    expect(lesson).toContain('initSeed={PLATEAU_SEED}');
    expect(lesson).toContain('<BasinGallery consoleKey="minima" />');
    expect(lesson).toContain('shareKey="minima"');
    expect(lesson).toContain('initSeed={SURFACE_VIEW.initSeed}');
  });
});

describe('lesson 9: counts over random starts carry their intervals', () => {
  it('prints, for every end state and every rate, the Wilson interval of the count it states', () => {
    const n = f.exact.gallery.length;
    expect(n).toBeGreaterThanOrEqual(100);
    for (const state of Object.values(f.gallery.states)) {
      const w = wilsonInterval(Number(state.runs), n);
      expect(state.interval).toBe(`${Math.round(w.low * n)}–${Math.round(w.high * n)}`);
    }
    for (const row of f.rates.rows) {
      const w = wilsonInterval(Number(row.diverged), Number(f.rates.seeds));
      expect(row.divergedInterval).toBe(`${Math.round(w.low * 100)}–${Math.round(w.high * 100)}`);
    }
  });
});
