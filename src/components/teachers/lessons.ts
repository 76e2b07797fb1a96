// The teachers' guide names lessons by number and title and links them, but only lessons that
// exist when the site is built: a guide written ahead of a lesson links it once it lands.
import { lessonPath } from '../../lib/course';
import { getCourse } from '../../lib/lessons';
import { withBase } from '../../lib/url';

export interface LessonRef {
  href: string;
  /** "Lesson 7: Gradient descent". */
  name: string;
  minutes: number;
}

/** A lookup of lessons by id, each as a reference to link, or null for one not (yet) in the course. */
export async function lessonRefs(): Promise<(id: string) => LessonRef | null> {
  const course = await getCourse();
  return (id) => {
    const index = course.findIndex((l) => l.id === id);
    if (index < 0) return null;
    const lesson = course[index];
    return { href: withBase(lessonPath(id)), name: `Lesson ${index + 1}: ${lesson.title}`, minutes: lesson.minutes };
  };
}
