import { afterEach, describe, expect, it, vi } from 'vitest';
import { oncePerFrame } from '../../../src/widgets/kit/frame';

describe('oncePerFrame', () => {
  const frames: (() => void)[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
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
