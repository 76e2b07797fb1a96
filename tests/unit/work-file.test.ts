import { describe, expect, it } from 'vitest';
import { classCsv, classTable } from '../../src/lib/class-table';
import { emptyProgress, markRead, recordAnswer } from '../../src/lib/progress';
import { makeWorkFile, readWorkFile, workCsv, workFileName, type WorkFile } from '../../src/lib/work-file';

function student(name: string, answers: [string, boolean][], at = '2026-12-07T10:00:00.000Z'): WorkFile {
  let progress = markRead(emptyProgress(), '01-the-data');
  for (const [id, correct] of answers) progress = recordAnswer(progress, id, correct);
  return makeWorkFile({ student: name, savedAt: new Date(at), progress, lab: [{ id: 'relu', passed: true, checks: 2, hints: 1 }], assignments: [] });
}

describe('a saved-work file', () => {
  it('reads back exactly what was saved, and says it is an honour-system record', () => {
    const file = student('Ada', [['01-the-data/a', false], ['01-the-data/a', true]]);
    const read = readWorkFile(JSON.stringify(file));
    expect(read.ok && read.file).toEqual(file);
    expect(file.note).toMatch(/honour-system/);
    expect(file.exercises[0]).toEqual({ id: '01-the-data/a', correct: true, tries: 2, solvedOnTry: 2 });
  });

  it('has a CSV view with one row per thing done', () => {
    const csv = workCsv(student('Ada, the first', [['01-the-data/a', true]]));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('student,saved_at,kind,item,result,tries');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^"Ada, the first",/);
  });

  it('is named for the student and the day', () => {
    expect(workFileName(student('Ada Lovelace', []), 'json')).toBe('nine-parameters-work-ada-lovelace-2026-12-07.json');
  });

  it('names a damaged file or a foreign one instead of throwing', () => {
    for (const text of ['', '{"format":"nine-parameters-work","version":2,', '[1,2]', '{"format":"other"}', '{"format":"nine-parameters-work"}']) {
      const read = readWorkFile(text, 'x.json');
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.problem).toMatch(/x\.json/);
    }
  });

  it('reads a file from the older version 1 (no tries) with a note', () => {
    const old = JSON.stringify({ format: 'nine-parameters-work', version: 1, student: 'Old Timer', savedAt: '2026-11-01T09:00:00Z', lessonsRead: ['01-the-data'], exercises: { '01-the-data/a': 'correct', '01-the-data/b': 'tried', 'bad id!': 'correct' } });
    const read = readWorkFile(old, 'old.json');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.notes.join(' ')).toMatch(/older version/);
    expect(read.notes.join(' ')).toMatch(/1 damaged entry/);
    expect(read.file.exercises).toEqual([{ id: '01-the-data/a', correct: true, tries: 0 }, { id: '01-the-data/b', correct: false, tries: 0 }]);
  });
});

describe('the class table', () => {
  const files = [
    student('Ada', [['l/a', true], ['l/b', false], ['l/b', true]]),
    student('Bob', [['l/a', false], ['l/b', false]]),
    student('Cy', [['l/a', true], ['l/b', false]]),
    // Ada hands in again later: her latest file counts.
    student('Ada', [['l/a', true], ['l/b', false], ['l/b', true], ['l/c', true]], '2026-12-08T10:00:00.000Z'),
  ];

  it('has one row per student (their latest file) with what each did', () => {
    const table = classTable(files);
    expect(table.students.map((s) => s.student)).toEqual(['Ada', 'Bob', 'Cy']);
    expect(table.students[0]).toMatchObject({ exercisesTried: 3, exercisesCorrect: 3, tries: 4, lessonsRead: 1, labPassed: 1 });
  });

  it('finds the exercise most students got wrong', () => {
    const table = classTable(files);
    expect(table.hardest?.id).toBe('l/b');
    expect(table.hardest).toMatchObject({ tried: 3, correct: 1, wrong: 2, wrongFirst: 3 });
  });

  it('downloads as CSV', () => {
    const csv = classCsv(classTable(files)).trimEnd().split('\r\n');
    expect(csv).toHaveLength(4);
    expect(csv[0]).toMatch(/^student,saved_at,lessons_read/);
  });

  it('counts assignment answers as exercises, a wrong first check included', () => {
    const withAssignment = (name: string, tries: number, solvedOnTry?: number) => ({
      ...student(name, []),
      assignments: [{ title: 'Week 2', key: 'k', student: name, dataSeed: 1, initSeed: 2, answers: [{ exercise: 'start-r2', value: 0.1, correct: solvedOnTry !== undefined, tries, ...(solvedOnTry ? { solvedOnTry } : {}) }] }],
    });
    const table = classTable([withAssignment('Ada', 1, 1), withAssignment('Bob', 3, 2), withAssignment('Cy', 2)]);
    expect(table.hardest).toMatchObject({ id: 'assignment/start-r2', tried: 3, correct: 2, wrongFirst: 2, wrong: 1 });
    expect(table.students.map((s) => [s.student, s.assignmentCorrect, s.assignmentAnswered])).toEqual([['Ada', 1, 1], ['Bob', 1, 1], ['Cy', 0, 1]]);
  });
});
