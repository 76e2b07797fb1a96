import { describe, expect, it } from 'vitest';
import { nextSeed } from '../../../src/widgets/kit/seed';

describe('nextSeed', () => {
  it('moves on by one and wraps to 0 after the largest seed', () => {
    expect(nextSeed(1, 10)).toBe(2);
    expect(nextSeed(9, 10)).toBe(10);
    expect(nextSeed(10, 10)).toBe(0);
    expect(nextSeed(999_999_999, 999_999_999)).toBe(0);
  });
});
