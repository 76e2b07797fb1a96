// The teacher's guide says what each experiment link shows; these tests replay every link with
// the trainer and check each of those statements.
import { describe, expect, it } from 'vitest';
import { describeOutcome, experimentFacts, guideFacts, linkOutcome, type LinkOutcome } from '../../../src/facts/experiments';
import { lossAndGradient, lossWithoutUnit, meanSquaredError, unitActivity } from '../../../src/trainer';
import { trainingConsoleSettings } from '../../../src/experiments/training-console/settings';
import { runTo, startRun } from '../../../src/experiments/training-console/run';

const facts = (id: string) => {
  const found = experimentFacts.find((f) => f.experiment.id === id);
  if (!found) throw new Error(`no experiment ${id}`);
  return found;
};
const outcome = (id: string, label: string): LinkOutcome => {
  const f = facts(id);
  return f.outcomes[f.experiment.links.findIndex((l) => l.label === label)];
};
const lossAt = (o: LinkOutcome, epoch: number) => o.milestones.find((m) => m.epoch === epoch)!.loss;
const runOf = (id: string, label: string) => {
  const link = facts(id).experiment.links.find((l) => l.label === label)!;
  return trainingConsoleSettings.parse(link.settings as Record<string, string>).config;
};

describe('every experiment link', () => {
  const all = experimentFacts.flatMap((f) => f.experiment.links.map((link, i) => ({ name: `${f.experiment.id}: ${link.label}`, link, o: f.outcomes[i] })));

  it.each(all)('$name shows what the guide says it shows', ({ link, o }) => {
    const e = link.expect;
    expect(o.notices).toEqual([]);
    expect(o.diverged).toBe(e.diverges ?? false);
    if (!o.diverged) expect(o.reached).toBe(o.asked);
    if (e.dead !== undefined) expect(o.dead).toBe(e.dead);
    if (e.twins !== undefined) expect(o.twins).toBe(e.twins);
    if (e.meanOnly) expect(Math.abs(o.loss / o.varY - 1)).toBeLessThan(1e-9);
    if (e.r2Above !== undefined) expect(o.r2).toBeGreaterThan(e.r2Above);
    if (e.r2Below !== undefined) expect(o.r2).toBeLessThan(e.r2Below);
  });

  it.each(all)('$name is described without NaN, undefined or raw infinities', ({ o }) => {
    expect(describeOutcome(o)).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe('the guide’s sentences about the experiments', () => {
  it('small rate: smooth (the loss never rises) and slower than the usual rate', () => {
    const small = runTo(runOf('learning-rate', 'η = 0.001 (small)'), 3000).trainer.losses;
    for (let e = 1; e < small.length; e++) expect(small[e]).toBeLessThanOrEqual(small[e - 1]);
    expect(outcome('learning-rate', 'η = 0.001 (small)').r2).toBeLessThan(outcome('learning-rate', 'η = 0.01 (middle)').r2);
  });

  it('large rate: the first step overshoots, and a unit dies; too large: overflow within a few epochs', () => {
    const large = outcome('learning-rate', 'η = 0.03 (large)');
    expect(lossAt(large, 1)).toBeGreaterThan(large.loss0);
    expect(outcome('learning-rate', 'η = 0.1 (too large)').reached).toBeLessThanOrEqual(10);
  });

  it('weights in the millions: even the smallest η is many powers of ten too long, and the run overflows within a few epochs', () => {
    expect(guideFacts.exact.huge.tooLongBy).toBeGreaterThan(1e6);
    expect(facts('huge-weights').outcomes[0].reached).toBeLessThanOrEqual(10);
  });

  it('very large biases: the first steps throw the loss up before the cliff', () => {
    const o = facts('large-biases').outcomes[0];
    expect(lossAt(o, 1)).toBeGreaterThan(o.loss0);
  });

  it('all zeros: eight of the nine slopes are exactly 0; on standardised data nothing happens; on min–max data the loss falls fast', () => {
    const run = startRun(runOf('all-zeros', 'standardised (z-score)'));
    const { grad: gradient } = lossAndGradient(run.start, run.data);
    expect([...gradient.slice(0, 8)].every((g) => g === 0)).toBe(true);
    expect(gradient[8]).not.toBe(0);
    const z = outcome('all-zeros', 'standardised (z-score)');
    expect(Math.abs(z.loss - z.loss0)).toBeLessThan(1e-12);
    const minmax = outcome('all-zeros', 'min–max scaled');
    expect(lossAt(minmax, 10)).toBeLessThan(minmax.loss0 / 2);
  });

  it('symmetric starts: the loss levels off far above what two separate units reach', () => {
    const separate = outcome('seeds', '2 units, seed 1').loss;
    for (const id of ['weights0-biases2', 'weights2-biases0']) expect(facts(id).outcomes[0].loss).toBeGreaterThan(5 * separate);
  });

  it('the write-up’s random starts: on min–max data Var(y) itself is about 0.05', () => {
    expect(outcome('writeup-scheme', 'seed 3, min–max').varY).toBeGreaterThan(0.04);
    expect(outcome('writeup-scheme', 'seed 3, min–max').varY).toBeLessThan(0.06);
  });

  it('the printed start: unit 1 is on for some samples, all nine move, and a large change can cost nothing', () => {
    const ex = guideFacts.exact.example;
    expect(ex.startActive[0]).toBeGreaterThan(0);
    expect(ex.startActive[0]).toBeLessThan(ex.n);
    expect(ex.unchanged).toBe(0);
    expect(ex.free).toBeTruthy();
    expect(['W1', 'W3', 'W5', 'B1']).toContain(ex.free!.name); // one of unit 1's parameters …
    expect(Math.abs(ex.free!.change)).toBeGreaterThan(1);
    expect(ex.free!.cost).toBe(0);
    // The part named as the one the network leans on is the costliest of the three to remove.
    const final = runTo(runOf('printed-example', 'η = 0.01'), 5000);
    const zeroB3 = Float64Array.from(final.trainer.params);
    zeroB3[8] = 0;
    const costs = [...lossWithoutUnit(final.trainer.params, final.data), meanSquaredError(zeroB3, final.data) - meanSquaredError(final.trainer.params, final.data)];
    expect(ex.costliest.cost).toBeCloseTo(Math.max(...costs), 12);
    // … because unit 1 is the dead one at the end.
    const run = runTo(runOf('printed-example', 'η = 0.01'), 5000);
    expect(unitActivity(run.trainer.params, run.data).states[0]).toBe('dead');
  });

  it('300 or 3,000 points: the losses stay within a quarter of each other; one sample per update gets much further in one epoch', () => {
    const a = outcome('data-size', 'N = 300'), b = outcome('data-size', 'N = 3,000');
    const pairs = [...a.milestones.map((m) => [m.loss, lossAt(b, m.epoch)]), [a.loss, b.loss]];
    for (const [x, y] of pairs) expect(Math.max(x, y) / Math.min(x, y)).toBeLessThan(1.25);
    expect(lossAt(outcome('data-size', 'N = 3,000, one sample per update'), 1)).toBeLessThan(lossAt(b, 1) / 10);
  });

  it('seeds: the same seeds give the same run to the last digit', () => {
    const link = facts('seeds').experiment.links[1];
    expect(Object.is(linkOutcome(link.settings).loss, outcome('seeds', link.label).loss)).toBe(true);
  });
});
