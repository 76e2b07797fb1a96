import { describe, expect, it } from 'vitest';
import {
  describeLessonProgress, emptyProgress, exerciseIdsIn, lessonProgress, markRead, parseProgress, recordAnswer,
} from '../../src/lib/progress';

describe('progress', () => {
  it('reads a garbled, foreign or hostile record as empty progress', () => {
    for (const text of [null, '', 'not json', '[]', '{"version":2}', '{"version":1,"read":{"__proto__":true}}']) {
      expect(parseProgress(text)).toEqual(emptyProgress());
    }
  });

  it('keeps only well-formed entries of a stored record', () => {
    const p = parseProgress(JSON.stringify({ version: 1, read: { '01-the-data': true, 'x y': true, b: 'yes' }, exercises: { '01-the-data/scale': 'correct', '01-the-data/q': 'maybe' } }));
    expect(p.read).toEqual({ '01-the-data': true });
    expect(p.exercises).toEqual({ '01-the-data/scale': 'correct' });
  });

  it('keeps an exercise done after a later wrong try', () => {
    let p = recordAnswer(emptyProgress(), 'l/a', false);
    expect(p.exercises['l/a']).toBe('tried');
    p = recordAnswer(p, 'l/a', true);
    p = recordAnswer(p, 'l/a', false);
    expect(p.exercises['l/a']).toBe('correct');
  });

  it('counts the tries of each exercise and the try that first got it right', () => {
    let p = recordAnswer(emptyProgress(), 'l/a', false);
    p = recordAnswer(p, 'l/a', false);
    p = recordAnswer(p, 'l/a', true);
    p = recordAnswer(p, 'l/a', false);
    expect(p.tries['l/a']).toBe(4);
    expect(p.solvedOnTry['l/a']).toBe(3);
    const again = parseProgress(JSON.stringify(p));
    expect(again).toEqual(p);
  });

  it('reads a version 1 record (before tries were counted) with its answers and no counts', () => {
    const p = parseProgress(JSON.stringify({ version: 1, read: {}, exercises: { 'l/a': 'correct' } }));
    expect(p.exercises).toEqual({ 'l/a': 'correct' });
    expect(p.tries).toEqual({});
    expect(p.version).toBe(2);
  });

  it('drops counts that are not whole positive numbers or belong to no answer', () => {
    const p = parseProgress(JSON.stringify({ version: 2, read: {}, exercises: { 'l/a': 'tried' }, tries: { 'l/a': 2.5, 'l/b': 3 }, solvedOnTry: { 'l/a': -1 } }));
    expect(p.tries).toEqual({});
    expect(p.solvedOnTry).toEqual({});
  });

  it('summarises a lesson for the course page', () => {
    let p = markRead(emptyProgress(), 'l');
    p = recordAnswer(p, 'l/a', true);
    p = recordAnswer(p, 'l/b', false);
    const summary = lessonProgress(p, 'l', ['a', 'b', 'c']);
    expect(summary).toEqual({ read: true, done: 1, total: 3 });
    expect(describeLessonProgress(summary)).toBe('read · 1 of 3 exercises done');
    expect(describeLessonProgress(lessonProgress(emptyProgress(), 'l', []))).toBe('not started');
    expect(describeLessonProgress(lessonProgress(emptyProgress(), 'l', ['a']))).toBe('not started');
    expect(describeLessonProgress(lessonProgress(recordAnswer(emptyProgress(), 'l/a', true), 'l', ['a']))).toBe('1 of 1 exercises done');
  });

  it('finds the exercise ids written in a lesson’s source', () => {
    const source = '<Choice id="scale" question="…" />\n<NumberAnswer\n  id="var" answer={1} />\n<DataExplorer id="x" />';
    expect(exerciseIdsIn(source)).toEqual(['scale', 'var']);
  });
});
