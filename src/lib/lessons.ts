// The bridge from the content collection to the pure navigation rules in course.ts.
import { getCollection, type CollectionEntry } from 'astro:content';
import { courseSequence, type Lesson } from './course';
import { readingTimes } from './reading-time';

export type LessonEntry = CollectionEntry<'lessons'>;

/** A lesson's navigation data: its frontmatter, its id, and its reading times (from its text). */
export function toLesson(entry: LessonEntry): Lesson {
  const { title, order, part, summary } = entry.data;
  const times = readingTimes(entry.body ?? '');
  return { id: entry.id, title, order, part, summary, minutes: times.full, coreMinutes: times.core };
}

/**
 * All lessons in reading order. Throws, and so fails the build, when two lessons share an
 * order, parts are out of sequence, or a lesson sits in a sub-folder (its id would contain
 * a slash, which the lessons/[slug]/ route cannot serve).
 */
export async function getCourse(): Promise<Lesson[]> {
  const entries = await getCollection('lessons');
  for (const entry of entries) {
    if (entry.id.includes('/')) {
      throw new Error(`Lesson "${entry.id}" is in a sub-folder; put every lesson directly in content/lessons/.`);
    }
  }
  return courseSequence(entries.map(toLesson));
}
