import { describe, expect, it } from 'vitest';
import { toyDescent, TOY_HUMP } from '../../../src/trainer';
import { settledAfter } from '../../../src/experiments/toy-landscape/settings';
import { outcomeText, startAt, toyLandscapeScene, TOY_WIDTH } from '../../../src/widgets/toy-landscape/scene';
import { toSvgString } from '../../../src/widgets/kit/svg';

describe('toyLandscapeScene', () => {
  it('draws the curve, the three landmarks, the path and the start, and says where the run ends', () => {
    const scene = toyLandscapeScene({ start: 2, learningRate: 0.01, steps: 300 });
    const svg = toSvgString(scene.svg);
    expect(svg).toContain('tl-curve');
    expect(svg).toContain('deep (global) minimum');
    expect(svg).toContain('shallow (local) minimum');
    expect(svg).toContain('tl-start');
    expect(svg).toContain('tl-now');
    expect(scene.outcome).toBe('local minimum');
    expect(scene.numbers.outcome).toMatch(/shallow basin/);
    expect(scene.numbers.step).toBe('300');
    expect(svg).not.toMatch(/NaN|undefined/);
  });

  it('shows only the steps asked for, and the point reached after them', () => {
    const config = { start: 2, learningRate: 0.1, steps: 50 };
    const d = toyDescent(2, 0.1, 50);
    const one = toyLandscapeScene(config, 1, d);
    expect(one.numbers.step).toBe('1');
    expect(Number(one.numbers.x.replace('−', '-'))).toBeCloseTo(d.path[1], 3);
    expect(d.path[1]).toBeLessThan(TOY_HUMP);
    expect(one.rows).toHaveLength(2);
    expect(toyLandscapeScene(config, 0, d).numbers.step).toBe('0');
    expect(toyLandscapeScene(config, 999, d).numbers.step).toBe('50');
  });

  it('says when the run diverges, marks the point that left the chart, and never prints NaN', () => {
    const scene = toyLandscapeScene({ start: 2, learningRate: 0.9, steps: 100 });
    expect(scene.outcome).toBe('diverged');
    expect(scene.numbers.outcome).toMatch(/diverges/);
    const svg = toSvgString(scene.svg);
    expect(svg).toContain('off the chart');
    expect(svg + JSON.stringify(scene.numbers) + JSON.stringify(scene.rows)).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('changes the path and the minimum reached when the start or the rate changes', () => {
    const a = toyLandscapeScene({ start: 2, learningRate: 0.01, steps: 300 });
    const b = toyLandscapeScene({ start: -2, learningRate: 0.01, steps: 300 });
    const c = toyLandscapeScene({ start: 2, learningRate: 0.1, steps: 300 });
    expect([a.outcome, b.outcome, c.outcome]).toEqual(['local minimum', 'global minimum', 'global minimum']);
    expect(toSvgString(a.svg)).not.toBe(toSvgString(c.svg));
  });

  it('maps a point of the picture to a start on the drawn range', () => {
    expect(startAt(-100)).toBe(-2.5);
    expect(startAt(TOY_WIDTH + 100)).toBe(2.5);
    const mid = startAt(TOY_WIDTH / 2);
    expect(mid).toBeGreaterThan(-0.3);
    expect(mid).toBeLessThan(0.3);
  });

  it('counts the steps until the descent stays put', () => {
    expect(settledAfter([3, 2, 1, 1, 1])).toBe(2);
    expect(settledAfter([1])).toBe(0);
    expect(outcomeText(toyDescent(2, 0.001, 3))).toMatch(/not settled/);
  });
});
