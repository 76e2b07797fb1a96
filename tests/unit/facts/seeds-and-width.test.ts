// Lesson 15's prose makes claims about its computed numbers; these tests keep them true.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { REPLAY, seedsAndWidth as f } from '../../../src/facts/seeds-and-width';
import { GAMBLE } from '../../../src/facts/cache/seeds-and-width';
import { wilsonInterval } from '../../../src/trainer';

const lesson = readFileSync(new URL('../../../content/lessons/15-seeds-and-width.mdx', import.meta.url), 'utf8');
const x = f.exact;
const row = (init: 'writeup' | 'he', hidden: number) => x.rows.find((r) => r.init === init && r.hidden === hidden)!;

describe('lesson 15: seeds', () => {
  it('replays a run bit for bit from the same two seeds, and changes it when either seed changes', () => {
    expect(Object.is(x.first, x.again)).toBe(true);
    expect(f.replay.first).toBe(f.replay.again);
    expect(x.otherData).not.toBe(x.first);
    expect(x.otherStart).not.toBe(x.first);
  });

  it('shows the start as the bigger gamble: changing the start spreads the results far more than changing the data', () => {
    const spread = (v: number[]) => Math.max(...v) - Math.min(...v);
    expect(spread(x.onlyDataSeeded)).toBeGreaterThan(10 * spread(x.onlyInitSeeded));
    // "barely moves": every data seed ends within a few per cent of the first run.
    for (const l of x.onlyInitSeeded) expect(Math.abs(l / x.first - 1)).toBeLessThan(0.1);
    // "can decide whether it learns the bend at all": some start ends above R² 0.9's loss, some below.
    expect(x.onlyDataSeeded.some((l) => l > 0.5)).toBe(true);
    expect(x.onlyDataSeeded.some((l) => l < 0.1)).toBe(true);
  });

  it('takes the exercise’s median as the middle of the five sorted losses', () => {
    expect(x.fiveMedian).toBe([...x.onlyDataSeeded].sort((a, b) => a - b)[2]);
  });
});

describe('lesson 15: one setup, a hundred starts', () => {
  it('has two humps: most runs learn the bend, the rest stall, every run with a dead unit near the best plane', () => {
    expect(x.one.learned + x.one.stuck).toBe(100);
    expect(x.one.learned).toBeGreaterThan(50);
    expect(x.one.stuck).toBeGreaterThan(10);
    expect(x.one.withDead).toBeGreaterThan(0);
    expect(x.one.withDead).toBeLessThanOrEqual(x.one.stuck);
    // "about the level of the best flat plane": within 5% of it.
    expect(Math.abs(x.one.deadFloor / x.planeLoss - 1)).toBeLessThan(0.05);
    // "the runs are thin between the humps": fewer than one in ten.
    expect(x.one.between).toBeLessThan(10);
  });

  it('has its 10th and 90th percentiles more than a factor of ten apart', () => {
    expect(x.one.p90 / x.one.p10).toBeGreaterThan(10);
  });
});

describe('lesson 15: which seed is the bigger gamble', () => {
  it('over 100 reruns each, a different start spreads the outcome far more than a different data set', () => {
    const { starts, data } = x.gamble;
    expect(starts.runs).toBeGreaterThanOrEqual(100);
    expect(data.runs).toBeGreaterThanOrEqual(100);
    expect(starts.p90 - starts.p10).toBeGreaterThan(10 * (data.p90 - data.p10));
    expect(data.learned).toBeGreaterThan(starts.learned);
    // … and the counts' intervals do not overlap
    const w = (k: number) => wilsonInterval(k, 100);
    expect(w(starts.learned).high).toBeLessThan(w(data.learned).low);
  });

  it('reruns the replay’s own setup: its rate, epochs and starting seed', () => {
    expect(GAMBLE).toMatchObject({ learningRate: REPLAY.learningRate, epochs: REPLAY.epochs, initSeed: REPLAY.initSeed });
    expect(GAMBLE.runs).toBeGreaterThanOrEqual(100);
    // the prose calls the fixed start "one that learns on our data"
    expect(1 - x.first / x.varY).toBeGreaterThanOrEqual(f.learnedR2);
  });
});

describe('lesson 15: width', () => {
  it('finds He starts lower than the write-up’s at every width, He with 4 units below the write-up with 16', () => {
    for (const h of [2, 4, 8, 16]) expect(row('he', h).median.exact.median).toBeLessThan(row('writeup', h).median.exact.median);
    expect(row('he', 4).median.exact.median).toBeLessThan(row('writeup', 16).median.exact.median);
    // … and not by luck: the medians' intervals do not overlap
    expect(row('he', 4).median.exact.high).toBeLessThan(row('writeup', 16).median.exact.low);
  });

  it('finds the He range shrinking at every step, by more than a factor of ten from 2 to 16 units', () => {
    const ranges = [2, 4, 8, 16].map((h) => row('he', h).range);
    ranges.slice(1).forEach((r, i) => expect(r).toBeLessThan(ranges[i]));
    expect(ranges[0] / ranges[3]).toBeGreaterThan(10);
  });

  it('finds the write-up’s range not shrinking steadily (wider at 16 than at 8), and wider than He’s at 4', () => {
    expect(row('writeup', 16).range).toBeGreaterThan(row('writeup', 8).range);
    expect(row('he', 4).range).toBeLessThan(row('writeup', 16).range);
  });

  it('trains every row below its own stability limit, by the rule the lesson states, over 100 seeds', () => {
    for (const r of x.rows) {
      expect(r.diverged).toBe(0);
      expect(r.aboveAtStart).toBe(0);
      expect(r.aboveAtEnd).toBe(0);
      // half the row's median limit, rounded down to 1, 2, 3 or 5 × 10^k, at most 0.05
      const half = Math.min(Number(f.widths.rateCap), r.medianStartLimit / 2);
      const k = Math.floor(Math.log10(half));
      const nice = [5, 3, 2, 1].map((m) => m * 10 ** k).find((v) => v <= half * (1 + 1e-12))!;
      expect(r.rate).toBeCloseTo(nice, 12);
    }
    expect(Number(f.widths.seeds)).toBeGreaterThanOrEqual(100);
    // the write-up's wide starts are far steeper; the widget's one rate is above the 16-unit limit for most of them
    expect(row('writeup', 16).medianStartLimit).toBeLessThan(row('writeup', 2).medianStartLimit / 3);
    expect(Number(f.widths.widgetRateAboveLimit16)).toBeGreaterThan(50);
  });

  it('says which rows the budget stops: every 16-unit write-up run is still improving, no 2-unit He run is', () => {
    expect(row('writeup', 16).improving).toBe(100);
    expect(row('he', 2).improving).toBe(0);
  });
});

describe('lesson 15: small changes to the start', () => {
  it('changes the final loss little in most copies, but flips the end state of a few, each over a dead unit', () => {
    expect(x.nudged.copies).toBeGreaterThanOrEqual(100);
    expect(x.nudged.median.exact.median).toBeLessThan(0.01);
    expect(x.nudged.p90).toBeLessThan(0.05);
    expect(x.nudged.flips).toBeGreaterThan(0);
    expect(x.nudged.flips).toBeLessThan(x.nudged.copies / 10);
    expect(x.nudged.flipsOverDeadUnit).toBe(x.nudged.flips);
    expect(x.nudged.max).toBeGreaterThan(0.1);
  });

  it('finds two starts a hundredth apart in W6 whose unit 2 dies or survives on one sample in the first step', () => {
    const { dies, lives } = x.edge;
    const diff = Array.from(dies.params, (v, i) => Math.abs(v - lives.params[i]));
    expect(Math.max(...diff)).toBeCloseTo(0.01, 10);
    expect(diff.filter((d) => d > 0)).toHaveLength(1);
    expect(dies.atStart[1]).toBe(lives.atStart[1]);
    expect(dies.afterStep[1]).toBe(0);
    expect(lives.afterStep[1]).toBe(1);
    expect(f.edge.w6Dies).toBe('−8.40');
    expect(Number(f.edge.w6Lives.replace('−', '-'))).toBeCloseTo(-8.39, 10);
  });

  it('ends them in different basins: A stuck with a dead unit, B learning the bend after looking stuck for thousands of epochs', () => {
    const { dies, lives } = x.edge;
    expect(dies.state).toContain('dead');
    expect(lives.state).not.toContain('dead');
    expect(1 - lives.loss / x.varY).toBeGreaterThan(0.9);
    expect(dies.loss).toBeGreaterThan(0.5);
    expect(lives.at(3000)).toBeGreaterThan(0.5);
    expect(Number(f.edge.timeline[0].dies.replace(/,/g, ''))).toBeGreaterThan(100);
    // The timeline's last column is the loss the prose states for each run.
    expect(f.edge.timeline[f.edge.timeline.length - 1]).toMatchObject({ dies: f.edge.diesLoss, lives: f.edge.livesLoss });
  });
});

describe('lesson 15: the page', () => {

  it('shows the sweeps the facts describe: the widgets get their settings from the facts module', () => {
    expect(lesson).toContain('{...f.widgetProps.one}');
    expect(lesson).toContain('{...f.widgetProps.widths}');
  });
});
