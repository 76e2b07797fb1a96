import { describe, expect, it } from 'vitest';
import { B3, curvature, initParams, makeDataset, runSweep, variance, W5, type SweepRun } from '../../../src/trainer';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { findNodes } from '../../helpers/svg';
import {
  comparisonScene,
  epochsToDraw,
  labelWidth,
  limitOf,
  placeLabels,
  rateStrip,
  relationText,
  sharedLossDomain,
} from '../../../src/widgets/learning-rate/comparison-scene';
import fc from 'fast-check';
import { compareRates, compareRatesSteps, RISE, summariseRate, walkAlongSlice } from '../../../src/experiments/learning-rate/runs';
import { sliceDomain, sliceScene, verdictOf } from '../../../src/widgets/learning-rate/slice-scene';
import { jitter, sweepHeading, sweepRows, sweepScene, sweepView } from '../../../src/widgets/learning-rate/sweep-scene';
import { expectNotice } from '../../helpers/notice';

const data = makeDataset({ n: 120 });
const varY = variance(data.y);
const start = initParams({ preset: 'writeup', seed: 97 });
const lambdaMax = curvature(start, data).lambdaMax;

describe('compareRates', () => {
  const runs = compareRates(data, start, [0.001, 0.01, 0.1], 200);

  it('trains one copy per rate from the same start, the curve ending at the final parameters', () => {
    expect(runs.map((r) => r.rate)).toEqual([0.001, 0.01, 0.1]);
    for (const r of runs) expect(r.losses[0]).toBe(runs[0].losses[0]);
    expect(runs[0].losses).toHaveLength(201);
    expect(runs[0].finalLoss).toBe(runs[0].losses[200]);
  });

  it('stops a diverged run at its last finite loss and reports where, with no λmax at the end', () => {
    const r = runs[2];
    expect(r.status).toBe('diverged');
    expect(r.losses.length).toBe(r.divergedAt);
    expect(Array.from(r.losses).every(Number.isFinite)).toBe(true);
    expect(Number.isNaN(r.endLambdaMax)).toBe(true);
  });

  it('counts only rises above rounding: more than 0.1% in one epoch', () => {
    expect(RISE).toBe(1e-3);
    for (const r of runs) {
      let n = 0;
      for (let e = 1; e < r.losses.length; e++) if (r.losses[e] > r.losses[e - 1] * (1 + RISE)) n++;
      expect(r.rises).toBe(n);
    }
  });
});

describe('comparisonScene', () => {
  const runs = compareRates(data, start, [0.001, 0.01, 0.03, 0.1], 300);
  const scene = comparisonScene(runs, { varY, lambdaMax, epochs: 300 });

  it('draws one panel per rate, every panel on the same loss axis', () => {
    expect(scene.panels).toHaveLength(4);
    const ticks = scene.panels.map((p) => JSON.stringify(findNodes(p, (n) => String(n.attrs?.class ?? '').split(' ').includes('np-ticks'))));
    const yLabels = ticks.map((t) => t.match(/"text-anchor":"end"[^}]*\},"text":"[^"]*"/g)?.join());
    expect(new Set(yLabels).size).toBe(1);
  });

  it('marks a diverged run with ✕ and where, never NaN, and leaves its curve at the top edge', () => {
    const k = runs.findIndex((r) => r.status === 'diverged');
    expect(k).toBeGreaterThanOrEqual(0);
    const svg = toSvgString(scene.panels[k]);
    expect(svg).toMatch(new RegExp(`>diverged at</tspan><tspan[^>]*> epoch ${runs[k].divergedAt}<`));
    expect(findNodes(scene.panels[k], (n) => String(n.attrs?.class ?? '').split(' ').includes('lr-cross'))).toHaveLength(1);
    for (const p of [...scene.panels, scene.strip]) expect(toSvgString(p)).not.toMatch(/NaN|undefined|Infinity/);
    expect(scene.texts[k]).toMatchObject({ diverged: true, above: true, outcome: `diverged at epoch ${runs[k].divergedAt}` });
    expect(scene.rows[k]).toContain('—');
  });

  it('keeps a blown-up run from stretching the axis: the top is set by the runs that finished', () => {
    const [lo, hi] = sharedLossDomain(runs, varY);
    expect(hi).toBeLessThan(1e6);
    expect(lo).toBeLessThan(varY);
  });

  it('places the limit 2/λmax on the strip and says each rate against it', () => {
    expect(scene.numbers.limit).toBe(String(Number((2 / lambdaMax).toPrecision(4))));
    expect(toSvgString(scene.strip)).toContain(`limit 2/λmax = ${scene.numbers.limit}`);
    expect(relationText(0.03, 0.012)).toBe('above the limit: ×2.5');
    expect(relationText(0.001, 0.0125)).toBe('below the limit: ×0.08');
    expect(relationText(1, 0.01)).toBe('above the limit: ×100');
    expect(limitOf(0)).toBe(Infinity);
  });
});

describe('epochsToDraw', () => {
  it('keeps the first and last epoch and every spike, one pixel column at a time', () => {
    const losses = Float64Array.from({ length: 1000 }, (_, e) => (e === 500 ? 50 : 1 / (e + 1)));
    const keep = epochsToDraw(losses, (e) => e / 10);
    expect(keep[0]).toBe(0);
    expect(keep[keep.length - 1]).toBe(999);
    expect(keep).toContain(500);
    expect(keep.length).toBeLessThan(450);
    expect([...keep].sort((a, b) => a - b)).toEqual(keep);
  });
});

describe('the slice', () => {
  it('has curvature 2 along B3 and a limit of 1; each step multiplies the distance by 1 − 2η', () => {
    const walk = walkAlongSlice(data, start, B3, 0.75, 6);
    expect(walk.curvature).toBe(2);
    expect(walk.limit).toBe(1);
    const bottom = walk.lowest.value;
    for (let k = 1; k < walk.points.length; k++) {
      expect(walk.points[k].value - bottom).toBeCloseTo(-0.5 * (walk.points[k - 1].value - bottom), 8);
    }
  });

  it('frames the lowest point and the start, with room for an overshoot as far as the start', () => {
    const walk = walkAlongSlice(data, start, B3, 0.9, 3);
    const [lo, hi] = sliceDomain(walk);
    const d = Math.abs(walk.points[0].value - walk.lowest.value);
    expect(lo).toBeLessThanOrEqual(walk.lowest.value - d);
    expect(hi).toBeGreaterThanOrEqual(walk.lowest.value + d);
  });

  it('says what the steps do from η·c', () => {
    const say = (rate: number, index = B3) => verdictOf(walkAlongSlice(data, start, index, rate, 5), index === B3 ? 'B3' : 'W5');
    expect(say(0.25)).toMatch(/from the same side/);
    expect(say(0.5)).toMatch(/lands on the bottom/);
    expect(say(0.9)).toMatch(/jumps over the bottom, but less far/);
    expect(say(1)).toMatch(/bounces/);
    expect(say(1.5)).toMatch(/overshoots further than the last, and the run diverges/);
    expect(say(0.001, W5)).toMatch(/holds near the start/);
  });

  it('draws each step as an arrow, and says when a step leaves the picture or the numbers run out', () => {
    const walk = walkAlongSlice(data, start, B3, 0.9, 12);
    const scene = sliceScene(data, start, 'B3', walk, varY);
    expect(findNodes(scene.svg, (n) => String(n.attrs?.class ?? '').split(' ').includes('lr-step'))).toHaveLength(12);
    expect(scene.rows).toHaveLength(13);
    expect(scene.numbers).toMatchObject({ curvature: '2', limit: '1', rateTimesCurvature: '1.8', factor: '−0.8' });

    const away = sliceScene(data, start, 'B3', walkAlongSlice(data, start, B3, 1.6, 12), varY);
    expect(toSvgString(away.svg)).toMatch(/✕ step \d+ leaves the picture/);

    const huge = walkAlongSlice(data, start, B3, 10_000, 50);
    expect(huge.escaped).toBe(true);
    const hugeScene = sliceScene(data, start, 'B3', huge, varY);
    expect(hugeScene.verdict).toMatch(/too large to represent/);
    for (const s of [away, hugeScene]) {
      expect(toSvgString(s.svg)).not.toMatch(/NaN|undefined|Infinity/);
      expect(JSON.stringify(s.rows) + s.verdict).not.toMatch(/NaN|undefined/);
    }
  });

  it('stands still on a flat slice: a dead unit’s weight has curvature 0', () => {
    const dead = Float64Array.from(start);
    dead[6] = -100; // B1: z1 < 0 on every sample
    const walk = walkAlongSlice(data, dead, 0, 0.5, 4);
    expect(walk.curvature).toBe(0);
    expect(walk.limit).toBe(Infinity);
    expect(new Set(walk.points.map((p) => p.value)).size).toBe(1);
    expect(verdictOf(walk, 'W1')).toMatch(/flat/);
    expect(toSvgString(sliceScene(data, dead, 'W1', walk, varY).svg)).not.toMatch(/NaN|Infinity/);
  });
});

describe('the sweep', () => {
  const config = { rates: [0.01, 0.1], seeds: 6, epochs: 60 };
  const runs = config.rates.map((learningRate) => runSweep({ data, preset: 'writeup', seeds: [1, 2, 3, 4, 5, 6], epochs: 60, learningRate, measureCurvature: true }));

  it('summarises a rate: diverged runs apart, percentiles and dead units among the rest, starts above their limit', () => {
    const limits = runs[0].map((r) => 2 / r.startLambdaMax!);
    const s = summariseRate(0.1, runs[1], limits);
    const survivors = runs[1].filter((r) => r.status === 'ok');
    expect(s.runs).toBe(6);
    expect(s.diverged).toBe(6 - survivors.length);
    expect(s.finals).toEqual(survivors.map((r) => r.finalLoss).sort((a, b) => a - b));
    expect(s.units).toBe(2 * survivors.length);
    expect(s.aboveLimit).toBe(limits.filter((l) => l < 0.1).length);
    const all = summariseRate(0.01, runs[0]);
    expect(all.aboveLimit).toBeNull();
    expect(all.percentiles!.q1).toBeLessThanOrEqual(all.percentiles!.median);
    expect(summariseRate(1, [{ ...runs[1][0], status: 'diverged' } as SweepRun]).percentiles).toBeNull();
  });

  it('draws a row per rate with the share that diverged, and the table beside it', () => {
    const view = sweepView(config, runs, varY, 'the write-up’s random scheme', { state: 'done', finished: 12, total: 12 });
    const svg = sweepScene(view);
    expect(findNodes(svg, (n) => String(n.attrs?.class ?? '').split(' ').includes('lr-row'))).toHaveLength(2);
    const share = Math.round((100 * view.rates[1].summary.diverged) / 6);
    expect(toSvgString(svg)).toContain(`${share}%`);
    expect(toSvgString(svg)).not.toMatch(/NaN|undefined|Infinity/);
    expect(sweepRows(view)[1][2]).toBe(`${view.rates[1].summary.diverged} (${share}%)`);
  });

  it('draws a sweep in progress from the runs that have finished', () => {
    const partial = runs.map((rate, r) => rate.map((run, i) => (r === 0 && i < 3 ? run : undefined)));
    const view = sweepView(config, partial, varY, 'He starts', { state: 'running', finished: 3, total: 12 });
    expect(view.rates[0].summary.runs).toBe(3);
    expect(view.rates[0].summary.aboveLimit).toBeNull();
    expect(view.rates[1].summary.runs).toBe(0);
    expectNotice(sweepHeading(view), { names: ['He', 'starts', 'epochs'], uses: ['3 of 12', '6', '60'] });
    expect(toSvgString(sweepScene(view))).not.toMatch(/NaN|undefined|Infinity/);
    expect(sweepRows(view)[1]).toContain('—');
    expect(sweepHeading({ ...view, progress: { state: 'cancelled', finished: 3, total: 12 } })).toMatch(/^Cancelled after 3 of 12 runs/);
  });

  it('jitters dots reproducibly within the row', () => {
    for (let i = 0; i < 50; i++) {
      expect(jitter(i)).toBeGreaterThanOrEqual(-0.5);
      expect(jitter(i)).toBeLessThan(0.5);
      expect(jitter(i)).toBe(jitter(i));
    }
  });
});

describe('the rate comparison in slices', () => {
  it('gives exactly the runs of one go, whatever the piece size, and reports its progress', () => {
    const rates = [0.001, 0.05, 50];
    const whole = compareRates(data, start, rates, 120);
    const steps = compareRatesSteps(data, start, rates, 120, 17);
    const seen: number[] = [];
    let step = steps.next();
    while (!step.done) {
      seen.push(step.value.done);
      step = steps.next();
    }
    expect(step.value.map((r) => Array.from(r.losses))).toEqual(whole.map((r) => Array.from(r.losses)));
    expect(step.value.map((r) => r.status)).toEqual(whole.map((r) => r.status));
    expect(seen.length).toBeGreaterThan(5);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(Math.max(...seen)).toBeLessThan(3 * 120);
  });
});

describe('the rate strip’s labels (issue 12: lesson 8 printed "0.010.012" with the limit line through it)', () => {
  const boxes = (centres: number[], widths: number[]) => centres.map((c, i) => [c - widths[i] / 2, c + widths[i] / 2] as const);

  it('keeps every label off the limit line and off its neighbours on lesson 8’s start', () => {
    const lesson = initParams({ preset: 'writeup', seed: 97 });
    const runs = compareRates(data, lesson, [0.001, 0.003, 0.01, 0.012, 0.03, 0.1], 20);
    const svg = toSvgString(rateStrip(runs, curvature(lesson, data).lambdaMax));
    const line = Number(/class="lr-limit".*?d="M([\d.]+),/.exec(svg)![1]);
    const labels = [...svg.matchAll(/class="lr-rate">.*?<text class="[^"]*" x="([\d.]+)"[^>]*>([^<]+)<\/text>/g)].map((m) => ({ x: Number(m[1]), text: m[2] }));
    expect(labels).toHaveLength(6);
    const spans = labels.map((l) => [l.x - labelWidth(l.text) / 2, l.x + labelWidth(l.text) / 2] as const);
    for (const [a, b] of spans) expect(line < a || line > b, `${a}–${b} against the line at ${line}`).toBe(true);
    const sorted = [...spans].sort((p, q) => p[0] - q[0]);
    for (let k = 1; k < sorted.length; k++) expect(sorted[k][0]).toBeGreaterThanOrEqual(sorted[k - 1][1]);
  });

  it('separates any labels that fit, and keeps them off a line, on random strips', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { minLength: 1, maxLength: 6 }), fc.double({ min: 0, max: 400, noNaN: true }), (xs, line) => {
        const items = xs.map((x) => ({ x, width: 24 }));
        const centres = placeLabels(items, [line], [-400, 800]);
        const spans = boxes(centres, items.map((i) => i.width));
        for (const [a, b] of spans) expect(line <= a - 2.9 || line >= b + 2.9).toBe(true);
        const sorted = [...spans].sort((p, q) => p[0] - q[0]);
        for (let k = 1; k < sorted.length; k++) expect(sorted[k][0]).toBeGreaterThanOrEqual(sorted[k - 1][1] - 1e-9);
      }),
    );
  });

  it('leaves labels that collide with nothing where they are', () => {
    expect(placeLabels([{ x: 50, width: 20 }, { x: 150, width: 20 }], [100], [0, 200])).toEqual([50, 150]);
  });
});
