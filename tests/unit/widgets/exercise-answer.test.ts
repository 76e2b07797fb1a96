import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { judgeAnswer, readAnswer, shownAnswer, toleranceFor } from '../../../src/widgets/exercise/answer';
import { ranWith } from '../../../src/widgets/exercise/ranWith';

describe('reading an answer', () => {
  test('a plain number is read with the page’s minus sign and thousands commas', () => {
    expect(readAnswer('−0.70')).toEqual({ ok: true, value: -0.7 });
    expect(readAnswer('10,000')).toEqual({ ok: true, value: 10000 });
  });

  test('a fraction is read as its value, also for a share', () => {
    expect(readAnswer('3/4')).toEqual({ ok: true, value: 0.75 });
    expect(readAnswer('3 / 4', 'share')).toEqual({ ok: true, value: 0.75 });
  });

  test('a percentage is read as a share or a percent, and refused for a plain number with a word about the format', () => {
    expect(readAnswer('75%', 'share')).toEqual({ ok: true, value: 0.75 });
    expect(readAnswer('75 %', 'percent')).toEqual({ ok: true, value: 75 });
    const refused = readAnswer('75%', 'number');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/without “%”/);
  });

  test('a fraction is refused where a percentage is asked, naming the format', () => {
    const refused = readAnswer('3/4', 'percent');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/75%/);
  });

  test('text, empty, NaN, a zero denominator, a decimal comma and huge numbers are refused with a message', () => {
    for (const bad of ['', 'abc', 'NaN', 'Infinity', '1/0', '0,7', '1e308', '3/x']) {
      const read = readAnswer(bad, 'share');
      expect(read.ok, bad).toBe(false);
      if (!read.ok) expect(read.message.length).toBeGreaterThan(10);
    }
  });

  test('any number printed with toFixed reads back as itself', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 5 }), (x, d) => {
        const text = x.toFixed(d).replace('-', '−');
        const read = readAnswer(text);
        return read.ok && read.value === Number(x.toFixed(d));
      }),
    );
  });
});

describe('judging an answer', () => {
  test('the tolerance is what the shown decimals promise: lesson 4’s 0.7049 shows as 0.70 and refuses 0.71', () => {
    const tolerance = toleranceFor(2);
    expect(shownAnswer(0.7049, 2, tolerance)).toBe('0.70');
    expect(judgeAnswer(0.7, 0.7049, 2, tolerance).correct).toBe(true);
    expect(judgeAnswer(0.705, 0.7049, 2, tolerance).correct).toBe(true);
    expect(judgeAnswer(0.71, 0.7049, 2, tolerance).correct).toBe(false);
  });

  test('whatever is accepted rounds to the shown answer, and the shown answer is always accepted', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 4 }), (answer, d) => {
        const tolerance = toleranceFor(d);
        const shown = Number(answer.toFixed(d));
        return judgeAnswer(shown, answer, d, tolerance).correct && !judgeAnswer(shown + 2 * 10 ** -d, answer, d, tolerance).correct;
      }),
    );
  });

  test('a wider tolerance than rounding is shown with the answer', () => {
    expect(shownAnswer(100, 0, toleranceFor(0, 15))).toBe('100 (±15)');
    expect(judgeAnswer(112, 100, 0, 15).correct).toBe(true);
    expect(judgeAnswer(120, 100, 0, 15).correct).toBe(false);
  });

  test('the message puts the student’s number beside the computed one: what was given, how far off, which way', () => {
    const wrong = judgeAnswer(0.71, 0.7049, 2, toleranceFor(2));
    expect(wrong.message).toContain('0.71');
    expect(wrong.message).toContain('0.0051');
    expect(wrong.message).toMatch(/high/);
    expect(judgeAnswer(0.69, 0.7049, 2, toleranceFor(2)).message).toMatch(/low/);
  });
});

describe('a predict-then-run exercise’s asked settings', () => {
  test('match a reported run exactly, numbers by value, an asked minimum by at least and a maximum by at most', () => {
    const reported = { learningRate: '0.75', epoch: '3', start: 'custom' };
    expect(ranWith(reported, { learningRate: 0.75, epoch: { atLeast: 1 } })).toBe(true);
    expect(ranWith(reported, { learningRate: 0.75, epoch: { atLeast: 4 } })).toBe(false);
    expect(ranWith(reported, { start: 'he' })).toBe(false);
    expect(ranWith(reported, { hidden: 2 })).toBe(false);
    expect(ranWith(reported, {})).toBe(true);
    expect(ranWith({ learningRate: '' }, { learningRate: 0 })).toBe(false);
    expect(ranWith({ B1: '-2.5' }, { B1: { atMost: -2 } })).toBe(true);
    expect(ranWith({ B1: '-2' }, { B1: { atMost: -2 } })).toBe(true);
    expect(ranWith({ B1: '-1.99' }, { B1: { atMost: -2 } })).toBe(false);
    expect(ranWith({ B1: '' }, { B1: { atMost: -2 } })).toBe(false);
  });
});
