import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadAllAssignments, loadAssignment, loadStudentName, recordAssignmentAnswer, saveStudentName } from '../../src/lib/student-store';

/** A Storage in memory, as the browser's localStorage behaves. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, String(v)),
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
  };
}

const base = { title: 'Week 2', key: 'abc123', student: 'Ada', dataSeed: 11, initSeed: 22 };

describe('a student’s assignment answers in their browser', () => {
  beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('counts checks and remembers the check that first got it right', () => {
    recordAssignmentAnswer(base, 'start-r2', 5, false);
    recordAssignmentAnswer(base, 'start-r2', 0.12, true);
    const record = recordAssignmentAnswer(base, 'start-r2', 0.12, true);
    expect(record.answers).toEqual([{ exercise: 'start-r2', value: 0.12, correct: true, tries: 3, solvedOnTry: 2 }]);
    expect(loadAssignment('abc123')).toEqual(record);
    expect(loadAllAssignments()).toEqual([record]);
  });

  it('starts afresh when another name answers the same assignment', () => {
    recordAssignmentAnswer(base, 'start-loss', 1, true);
    const record = recordAssignmentAnswer({ ...base, student: 'Bob' }, 'start-r2', 2, false);
    expect(record.answers.map((a) => a.exercise)).toEqual(['start-r2']);
  });

  it('keeps the name, and reads a garbled record as none', () => {
    saveStudentName('  Ada  ');
    expect(loadStudentName()).toBe('Ada');
    localStorage.setItem('nine-parameters:assignment:bad', '{not json');
    expect(loadAssignment('bad')).toBeNull();
  });

  it('keeps nothing, and breaks nothing, without storage', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(recordAssignmentAnswer(base, 'start-loss', 1, true).answers).toHaveLength(1);
    expect(loadAllAssignments()).toEqual([]);
    expect(loadStudentName()).toBe('');
  });
});
