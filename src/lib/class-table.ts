// The collect page's arithmetic: many students' saved-work files (work-file.ts) as one class
// table — who did what — and per exercise how many tried it, got it right, and needed more
// than one try, so a teacher sees which exercise most got wrong. Assignment answers count as
// exercises too, named "assignment/<exercise id>" (the same question, each student's numbers). Pure.
import { csvRows, type WorkFile } from './work-file';

export interface StudentRow {
  student: string;
  savedAt: string;
  lessonsRead: number;
  exercisesTried: number;
  exercisesCorrect: number;
  /** Checks made over all exercises. */
  tries: number;
  labPassed: number;
  assignmentCorrect: number;
  assignmentAnswered: number;
}

export interface ExerciseRow {
  id: string;
  tried: number;
  correct: number;
  /** Students who tried it and have not got it right. */
  wrong: number;
  /** Students whose first try was wrong (got it right later, or never). */
  wrongFirst: number;
  /** Mean checks per student who tried it (0 when no file counted tries). */
  meanTries: number;
}

export interface ClassTable {
  students: StudentRow[];
  exercises: ExerciseRow[];
  /** The exercise most students got wrong at first (ties: the most still wrong), or null. */
  hardest: ExerciseRow | null;
}

/** The latest file of each student counts (a student may hand in twice). */
export function classTable(files: readonly WorkFile[]): ClassTable {
  const latest = new Map<string, WorkFile>();
  for (const f of files) {
    const key = f.student.trim().toLowerCase();
    const before = latest.get(key);
    if (!before || f.savedAt > before.savedAt) latest.set(key, f);
  }
  const chosen = [...latest.values()].sort((a, b) => a.student.localeCompare(b.student));
  const students = chosen.map((f) => ({
    student: f.student,
    savedAt: f.savedAt,
    lessonsRead: f.lessonsRead.length,
    exercisesTried: f.exercises.length,
    exercisesCorrect: f.exercises.filter((e) => e.correct).length,
    tries: f.exercises.reduce((sum, e) => sum + e.tries, 0),
    labPassed: f.lab.filter((l) => l.passed).length,
    assignmentCorrect: f.assignments.reduce((sum, a) => sum + a.answers.filter((x) => x.correct).length, 0),
    assignmentAnswered: f.assignments.reduce((sum, a) => sum + a.answers.length, 0),
  }));
  const byExercise = new Map<string, { tried: number; correct: number; wrongFirst: number; tries: number; counted: number }>();
  const asExercises = (f: WorkFile) => [
    ...f.exercises,
    ...f.assignments.flatMap((a) => a.answers.map((x) => ({ id: `assignment/${x.exercise}`, correct: x.correct, tries: x.tries, solvedOnTry: x.solvedOnTry }))),
  ];
  for (const f of chosen) {
    for (const e of asExercises(f)) {
      const row = byExercise.get(e.id) ?? { tried: 0, correct: 0, wrongFirst: 0, tries: 0, counted: 0 };
      row.tried++;
      if (e.correct) row.correct++;
      if (!e.correct || (e.solvedOnTry ?? 1) > 1) row.wrongFirst++;
      if (e.tries > 0) {
        row.tries += e.tries;
        row.counted++;
      }
      byExercise.set(e.id, row);
    }
  }
  const exercises = [...byExercise]
    .map(([id, r]) => ({ id, tried: r.tried, correct: r.correct, wrong: r.tried - r.correct, wrongFirst: r.wrongFirst, meanTries: r.counted ? r.tries / r.counted : 0 }))
    .sort((a, b) => b.wrongFirst - a.wrongFirst || b.wrong - a.wrong || a.id.localeCompare(b.id));
  const hardest = exercises.length && exercises[0].wrongFirst > 0 ? exercises[0] : null;
  return { students, exercises, hardest };
}

/** The class table as CSV, one row per student. */
export function classCsv(table: ClassTable): string {
  return csvRows([
    ['student', 'saved_at', 'lessons_read', 'exercises_tried', 'exercises_correct', 'tries', 'code_lab_passed', 'assignment_correct', 'assignment_answered'],
    ...table.students.map((s) => [s.student, s.savedAt, s.lessonsRead, s.exercisesTried, s.exercisesCorrect, s.tries, s.labPassed, s.assignmentCorrect, s.assignmentAnswered]),
  ]);
}
