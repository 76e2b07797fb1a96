import { describe, expect, test } from 'vitest';
import { freshWork, parseWork } from '../../../src/lib/lab-store';
import { codeExerciseIdsIn, describeLabProgress, emptyProgress } from '../../../src/lib/progress';

describe('saved lab work', () => {
  test('a well-formed record reads back as saved', () => {
    const work = { version: 1, code: 'function relu(z) {}', hints: 2, attempted: true, passedCode: null, checks: 4 };
    expect(parseWork(JSON.stringify(work))).toEqual(work);
  });

  test('garbled, foreign or out-of-range records read as a fresh start, field by field', () => {
    expect(parseWork('not json')).toEqual(freshWork());
    expect(parseWork(JSON.stringify({ version: 2, code: 'x' }))).toEqual(freshWork());
    const odd = parseWork(JSON.stringify({ version: 1, code: 42, hints: 99, attempted: 'yes', passedCode: 'x'.repeat(60_000), checks: -3 }));
    expect(odd).toEqual({ ...freshWork(), hints: 3 });
  });
});

describe('lab progress on the course page', () => {
  test('finds the code exercises a lesson embeds', () => {
    expect(codeExerciseIdsIn('<CodeExercise id="step" />\n\n<CodeExercise level={3} id="train" />')).toEqual(['step', 'train']);
  });

  test('counts passed exercises under their lab key', () => {
    const progress = { ...emptyProgress(), exercises: { 'lab/step': 'correct' as const, 'lab/train': 'tried' as const } };
    expect(describeLabProgress(progress, ['step', 'train'])).toMatch(/\b1 of 2\b/);
    expect(describeLabProgress(progress, [])).toBe('');
  });
});
