import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { oncePerFrame } from '../../../src/widgets/kit/frame';

describe('oncePerFrame', () => {
  const frames: (() => void)[] = [];
  beforeEach(() => void vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback)));
  afterEach(() => void frames.splice(0));

  it('draws once in the next frame however often it is asked before then', () => {
    const draw = vi.fn();
    const schedule = oncePerFrame(draw);
    schedule();
    schedule();
    schedule();
    expect(draw).not.toHaveBeenCalled();
    expect(frames).toHaveLength(1);
    frames[0]();
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it('asks for a new frame once the last one has drawn', () => {
    const draw = vi.fn();
    const schedule = oncePerFrame(draw);
    schedule();
    frames[0]();
    schedule();
    expect(frames).toHaveLength(2);
    frames[1]();
    expect(draw).toHaveBeenCalledTimes(2);
  });
});

describe('oncePerFrame after a costly drawing', () => {
  const frames: (() => void)[] = [];
  beforeEach(() => void vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback)));
  afterEach(() => {
    frames.splice(0);
    vi.useRealTimers();
  });

  it('waits twice as long as the drawing took before the next, so drawing keeps to a third of the thread', () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    let now = 0;
    const schedule = oncePerFrame(() => (now += 30), () => now);
    schedule();
    frames.shift()!();
    expect(now).toBe(30);
    schedule();
    expect(frames).toHaveLength(0);
    now += 59;
    vi.advanceTimersByTime(59);
    expect(frames).toHaveLength(0);
    now += 1;
    vi.advanceTimersByTime(1);
    expect(frames).toHaveLength(1);
  });

  it('draws in the next frame again once a cheap drawing has been measured', () => {
    let now = 0;
    const schedule = oncePerFrame(() => (now += 0.5), () => now);
    schedule();
    frames.shift()!();
    now += 1;
    schedule();
    expect(frames).toHaveLength(1);
  });
});
