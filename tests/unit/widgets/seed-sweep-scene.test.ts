import { describe, expect, it } from 'vitest';
import { initParams, makeDataset, train } from '../../../src/trainer';
import { seedSweepSettings, type SeedSweepConfig } from '../../../src/experiments/seed-sweep/settings';
import { consoleLink } from '../../../src/experiments/seed-sweep/consoleLink';
import { computeSweep, decodeResults, emptyResults, encodeResults, pickForReplay, summarise, type SweepResults } from '../../../src/experiments/seed-sweep/results';
import {
  defaultSelection,
  describeRun,
  layoutSweep,
  moveSelection,
  planText,
  rowOrder,
  runAt,
  runRows,
  summaryRows,
  sweepHeight,
  sweepScene,
} from '../../../src/widgets/seed-sweep/scene';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { trainingConsoleSettings } from '../../../src/experiments/training-console/settings';

const small: SeedSweepConfig = { ...seedSweepSettings.defaults, widths: [2, 4], inits: ['writeup', 'he'], runs: 5, epochs: 60, learningRate: 0.01 };
const results = computeSweep(small);

describe('computeSweep', () => {
  it('trains every seed of every setup exactly as train() does', () => {
    expect(results.setups.map((s) => `${s.init}${s.hidden}`)).toEqual(['writeup2', 'he2', 'writeup4', 'he4']);
    const data = makeDataset();
    const alone = train({ data, params: initParams({ preset: 'he', seed: 3, hidden: 4 }), learningRate: 0.01, epochs: 60, hidden: 4 });
    expect(results.setups[3].points[2]!.finalLoss).toBe(alone.losses[59]);
    expect(results.varY).toBeCloseTo(1, 12);
  });

  it('survives its trip through the page as JSON bit for bit, diverged runs included', () => {
    const copy = structuredClone(results);
    copy.setups[0].points[0] = { seed: 1, finalLoss: NaN, diverged: true, units: ['dead', 'hinge'], epochs: 0 };
    const back = decodeResults(encodeResults(copy))!;
    expect(back.setups[0].points[0]!.finalLoss).toBeNaN();
    expect(back.setups).toEqual(copy.setups);
    expect(back.budget).toEqual(copy.budget);
    expect(decodeResults('not json')).toBeNull();
  });
});

describe('summaries', () => {
  it('gives median and percentiles of the runs that did not diverge, and counts the rest', () => {
    const r: SweepResults = emptyResults({ ...small, widths: [2], inits: ['he'], runs: 5 }, 'browser');
    const losses = [0.04, 0.6, 0.05, 0.7, 0.03];
    r.setups[0].points = losses.map((l, i) => ({ seed: i + 1, finalLoss: l, diverged: false, units: i % 2 ? ['dead', 'hinge'] : ['hinge', 'hinge'], epochs: 10 }));
    r.setups[0].points.push({ seed: 6, finalLoss: 3, diverged: true, units: ['hinge', 'hinge'], epochs: 4 });
    const s = summarise(r.setups[0], 1);
    expect(s.finished).toBe(6);
    expect(s.diverged).toBe(1);
    expect(s.median).toBe(0.05);
    expect(s.learned).toBe(3);
    expect(s.withDeadUnit).toBe(2);
    expect(s.p10).toBeLessThan(s.p25);
  });

  it('shows no number for a setup that has no runs yet, and never the word NaN', () => {
    const empty = emptyResults(small, 'browser');
    const text = toSvgString(sweepScene(empty, null)) + summaryRows(empty).flat().join(' ') + describeRun(empty, null).text;
    expect(text).toMatch(/no runs yet/);
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe('the figure', () => {
  it('draws one row per setup, a dot per run, Var(y), the plane and the selection', () => {
    const selection = defaultSelection(results);
    const svg = toSvgString(sweepScene(results, selection));
    expect(svg.match(/class="ss-row"/g)).toHaveLength(4);
    expect(svg).toContain('Var(y)');
    expect(svg).toContain('best plane');
    expect(svg).toContain('class="ss-selected"');
    expect(svg).toMatch(/viewBox="0 0 560 \d+"/);
    expect(sweepHeight(1)).toBeGreaterThan(sweepHeight(2) / 2);
  });

  it('finds the run under the pointer: a click on a dot picks that dot', () => {
    const layout = layoutSweep(results);
    const at = layout.positions[1][3]!;
    expect(runAt(layout, at.x, at.y)).toEqual({ setup: 1, index: 3 });
    expect(runAt(layout, at.x, -50)).toBeNull();
  });

  it('walks a row by final loss with ← and →, and keeps the rank when changing rows with ↑ and ↓', () => {
    const order = rowOrder(results.setups[0]);
    const losses = order.map((i) => results.setups[0].points[i]!.finalLoss);
    expect(losses).toEqual([...losses].sort((a, b) => a - b));
    const start = { setup: 0, index: order[0] };
    expect(moveSelection(results, start, 'ArrowRight')).toEqual({ setup: 0, index: order[1] });
    expect(moveSelection(results, start, 'ArrowLeft')).toEqual(start);
    expect(moveSelection(results, start, 'End')).toEqual({ setup: 0, index: order[order.length - 1] });
    expect(moveSelection(results, start, 'ArrowDown')).toEqual({ setup: 1, index: rowOrder(results.setups[1])[0] });
    expect(moveSelection(results, start, 'ArrowUp')).toEqual(start);
  });
});

describe('text, tables and links', () => {
  it('lists every run with every digit of its final loss', () => {
    const rows = runRows(results);
    expect(rows).toHaveLength(20);
    expect(Number(rows[0][3].replace('−', '-'))).toBe(results.setups[0].points[0]!.finalLoss);
  });

  it('links a run to the training console with the settings that replay it', () => {
    const link = consoleLink(results, { setup: 3, index: 2 });
    expect(link).toMatch(/^\.\.\/07-gradient-descent\/\?/);
    expect(link).toMatch(/#widget-console$/);
    const query = new URLSearchParams(link.slice(link.indexOf('?') + 1, link.indexOf('#')));
    const settings = new URLSearchParams();
    for (const [k, v] of query) settings.set(k.replace(/^console\./, ''), v);
    const { config, notices } = trainingConsoleSettings.parse(settings);
    expect(notices).toEqual([]);
    expect(config).toMatchObject({ init: 'he', initSeed: 3, hidden: 4, learningRate: 0.01, epoch: 60, dataSeed: 1 });
  });

  it('says what Run will do', () => {
    expect(planText(seedSweepSettings.defaults, 4)).toBe(
      'Run sweep trains 8 setups (2, 4, 8 and 16 hidden units × write-up and He starts) × 100 starts (seeds 1–100) × 10,000 epochs at η = 0.003, on data seed 1: 8,000,000 epochs in all, in background workers on 4 cores.',
    );
    expect(planText({ ...seedSweepSettings.defaults, widths: [], inits: ['he'], runs: 5 }, 2)).toBe(
      'Nothing to run: no hidden width ticked, He starts. Each setup would get 5 starts (seeds 1–5) × 10,000 epochs at η = 0.003, on data seed 1.',
    );
  });

  it('picks runs to replay from every row before taking a second from any', () => {
    expect(pickForReplay(results, 6)).toEqual([[0, 0], [1, 0], [2, 0], [3, 0], [0, 1], [1, 1]]);
    expect(pickForReplay(emptyResults(small, 'browser'), 8)).toEqual([]);
  });
});
