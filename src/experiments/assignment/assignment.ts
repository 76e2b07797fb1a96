// An assignment as a teacher makes it on the teachers' page: a title, lessons to read, seeded
// exercises (exercises.ts) and ready-made experiment links (guide/links.ts), carried whole in
// the assignment page's address, with a checksum so a cut link is named (link.ts). Nothing is
// stored anywhere but in that address. Pure.
import { linkChecksum, mendedSearch } from '../link';
import { assignmentExercise } from './exercises';

export interface Assignment {
  title: string;
  /** Lesson ids, in the order to read them. */
  lessons: string[];
  /** Assignment exercise ids (exercises.ts). */
  exercises: string[];
  /** Teachers'-guide experiment ids (guide/links.ts). */
  experiments: string[];
}

const MAX_TITLE = 120;
const ID = /^[a-z0-9][a-z0-9-]{0,60}$/;

const list = (text: string | null) => (text ?? '').split(',').map((s) => s.trim()).filter((s) => ID.test(s));

/** The assignment as query parameters (t, l, x, e), its checksum `c` first. */
export function assignmentParams(assignment: Assignment): URLSearchParams {
  const entries: [string, string][] = [['t', assignment.title.trim().slice(0, MAX_TITLE)]];
  if (assignment.lessons.length) entries.push(['l', assignment.lessons.join(',')]);
  if (assignment.exercises.length) entries.push(['x', assignment.exercises.join(',')]);
  if (assignment.experiments.length) entries.push(['e', assignment.experiments.join(',')]);
  return new URLSearchParams([['c', linkChecksum(entries)], ...entries]);
}

export interface ReadAssignment {
  assignment: Assignment;
  /** What could not be used, in words (unknown exercises, a cut link). */
  problems: string[];
  /** A short name for the assignment, for the student's saved answers. */
  key: string;
}

/** Reads an assignment from its page's query string; null when the address holds none. */
export function readAssignment(search: string, known: { lessons: readonly string[]; experiments: readonly string[] }): ReadAssignment | null {
  const params = new URLSearchParams(mendedSearch(search));
  const entries = [...params].filter(([name]) => ['t', 'l', 'x', 'e'].includes(name));
  if (!entries.length) return null;
  const problems: string[] = [];
  const check = params.get('c');
  if (check !== null && check !== linkChecksum(entries)) problems.push('This assignment link is incomplete: it was cut short or changed on the way. Ask your teacher for the whole link. What could be read is shown below.');
  const pick = (ids: string[], knownIds: readonly string[] | ((id: string) => boolean), what: string) => {
    const ok = (id: string) => (typeof knownIds === 'function' ? knownIds(id) : knownIds.includes(id));
    const unknown = ids.filter((id) => !ok(id));
    if (unknown.length) problems.push(`The ${what} ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not in this course and left out.`);
    return ids.filter(ok);
  };
  const assignment: Assignment = {
    title: (params.get('t') ?? '').trim().slice(0, MAX_TITLE) || 'Assignment',
    lessons: pick(list(params.get('l')), known.lessons, 'lesson'),
    exercises: pick(list(params.get('x')), (id) => assignmentExercise(id) !== undefined, 'exercise'),
    experiments: pick(list(params.get('e')), known.experiments, 'experiment'),
  };
  return { assignment, problems, key: linkChecksum(assignmentParams(assignment)) };
}
