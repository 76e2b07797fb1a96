// Course navigation as plain data in, plain data out. No Astro imports, so the rules
// (order, prev/next, "lesson N of M", parts) are unit-tested without building the site.

export type PartId = 'I' | 'II' | 'III' | 'IV' | 'V';

export interface Part {
  id: PartId;
  /** The part's name as printed under its numeral, e.g. "Building it". */
  title: string;
}

/** The parts in reading order. */
export const PARTS: readonly Part[] = [
  { id: 'I', title: 'Building it' },
  { id: 'II', title: 'Learning' },
  { id: 'III', title: 'The experiments' },
  { id: 'IV', title: 'Any network' },
  { id: 'V', title: 'Training in practice' },
];

/** What navigation needs to know about one lesson (its frontmatter plus its id). */
export interface Lesson {
  /** The collection entry id; also the lesson's URL slug. */
  id: string;
  title: string;
  /** Position in the course, 1-based; unique across all lessons. */
  order: number;
  part: PartId;
  summary: string;
  /** Reading time with every deep dive, in minutes (computed from the text: reading-time.ts). */
  minutes: number;
  /** Reading time of the core line alone, in minutes. */
  coreMinutes: number;
}

export interface LessonPlace<T extends Lesson = Lesson> {
  lesson: T;
  /** 1-based position among all lessons, after sorting by order. */
  number: number;
  total: number;
  previous: T | null;
  next: T | null;
}

export interface PartGroup<T extends Lesson = Lesson> {
  part: Part;
  lessons: T[];
}

/** A copy of the lessons sorted by `order`, ties broken by id so the result is deterministic. */
export function sortByOrder<T extends Lesson>(lessons: readonly T[]): T[] {
  return [...lessons].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/**
 * Throws if two lessons share an `order`, naming both, because prev/next and
 * "lesson N of M" would otherwise depend on file-system order.
 */
export function assertUniqueOrders(lessons: readonly Lesson[]): void {
  const seen = new Map<number, string>();
  const clashes: string[] = [];
  for (const lesson of sortByOrder(lessons)) {
    const other = seen.get(lesson.order);
    if (other !== undefined) clashes.push(`order ${lesson.order} is used by both "${other}" and "${lesson.id}"`);
    else seen.set(lesson.order, lesson.id);
  }
  if (clashes.length) {
    throw new Error(`Each lesson needs its own \`order\` in its frontmatter: ${clashes.join('; ')}.`);
  }
}

/**
 * Throws if a lesson of a later part comes before a lesson of an earlier part,
 * because the course page lists parts in order and the sequence would jump back and forth.
 */
export function assertPartsInOrder(lessons: readonly Lesson[]): void {
  const rank = (id: PartId) => PARTS.findIndex((p) => p.id === id);
  const sorted = sortByOrder(lessons);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1], after = sorted[i];
    if (rank(after.part) < rank(before.part)) {
      throw new Error(
        `Lesson "${after.id}" (order ${after.order}, part ${after.part}) comes after ` +
          `"${before.id}" (order ${before.order}, part ${before.part}); ` +
          `give the lessons of each part a block of consecutive orders.`,
      );
    }
  }
}

/** The lessons in reading order, after checking the course rules. Use this at build time. */
export function courseSequence<T extends Lesson>(lessons: readonly T[]): T[] {
  assertUniqueOrders(lessons);
  assertPartsInOrder(lessons);
  return sortByOrder(lessons);
}

/** Where a lesson sits in the sequence: its number, the total, and its neighbours. */
export function placeOf<T extends Lesson>(sequence: readonly T[], id: string): LessonPlace<T> {
  const sorted = sortByOrder(sequence);
  const index = sorted.findIndex((l) => l.id === id);
  if (index < 0) throw new Error(`No lesson with id "${id}" in the course.`);
  return {
    lesson: sorted[index],
    number: index + 1,
    total: sorted.length,
    previous: index > 0 ? sorted[index - 1] : null,
    next: index < sorted.length - 1 ? sorted[index + 1] : null,
  };
}

/** "Lesson 3 of 9". */
export function positionLabel(number: number, total: number): string {
  return `Lesson ${number} of ${total}`;
}

/** The lessons split into their parts, in part order; parts with no lessons are left out. */
export function groupByPart<T extends Lesson>(lessons: readonly T[]): PartGroup<T>[] {
  const sorted = sortByOrder(lessons);
  return PARTS.map((part) => ({ part, lessons: sorted.filter((l) => l.part === part.id) })).filter(
    (group) => group.lessons.length > 0,
  );
}

/** The part's full name, e.g. "Part II · Learning". */
export function partLabel(id: PartId): string {
  const part = PARTS.find((p) => p.id === id);
  if (!part) throw new Error(`Unknown part "${id}".`);
  return `Part ${part.id} · ${part.title}`;
}

/** Total reading time of a list of lessons, in minutes (with their deep dives). */
export function totalMinutes(lessons: readonly Lesson[]): number {
  return lessons.reduce((sum, l) => sum + l.minutes, 0);
}

/** Total reading time of the lessons' core lines, in minutes. */
export function totalCoreMinutes(lessons: readonly Lesson[]): number {
  return lessons.reduce((sum, l) => sum + l.coreMinutes, 0);
}

/** "~12 min (core) · ~15 min with the deep dives", or one time when there is no deep dive. */
export function readingLabel(lesson: Pick<Lesson, 'minutes' | 'coreMinutes'>): string {
  return lesson.minutes > lesson.coreMinutes ? `~${lesson.coreMinutes} min core · ~${lesson.minutes} min with deep dives` : `~${lesson.minutes} min`;
}

/** A lesson's path inside the site, before the base is added; the trailing slash matches `trailingSlash: 'always'`. */
export function lessonPath(id: string): string {
  return `lessons/${id}/`;
}
