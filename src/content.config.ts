import { defineCollection, z } from 'astro:content';
import { file, glob } from 'astro/loaders';

// A lesson with bad frontmatter fails the build with zod's message naming the file and
// field. Rules that span lessons (unique `order`, parts in sequence) live in
// src/lib/course.ts and are checked when the pages are generated.
const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/lessons' }),
  schema: z
    .object({
      title: z.string().trim().min(1, 'title must not be empty'),
      order: z.number().int('order must be a whole number').positive('order must be 1 or more'),
      part: z.enum(['I', 'II', 'III', 'IV', 'V'], {
        errorMap: () => ({ message: "part must be 'I', 'II', 'III', 'IV' or 'V' (Building it, Learning, The experiments, Any network, Training in practice)" }),
      }),
      summary: z.string().trim().min(1, 'summary must not be empty'),
      objectives: z.array(z.string().trim().min(1)).min(1, 'list at least one objective'),
      // Reading times are computed from the text (src/lib/reading-time.ts), not written here.
      // The glossary terms this lesson teaches; an earlier lesson that uses one must link it
      // (tests/unit/content/prerequisites.test.ts).
      introduces: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
    })
    .strict(),
});

// The glossary: one YAML file of terms, each with an id that lessons link to (glossary/#id).
// Ids must be unique (tests/unit/content/glossary.test.ts: the loader would keep only the last).
const glossaryRow = z.object({ id: z.string().min(1), symbol: z.string(), cells: z.array(z.string()) }).strict();
const glossary = defineCollection({
  loader: file('content/glossary.yaml'),
  schema: z
    .object({
      id: z.string().regex(/^[a-z0-9-]+$/, 'an id is lower-case words joined by hyphens'),
      name: z.string().trim().min(1),
      symbol: z.string().optional(),
      /** Words that mean this term in a lesson's text, for the prerequisite check (lower case). */
      matches: z.array(z.string().trim().min(1)).optional(),
      text: z.array(z.string().trim().min(1)).min(1, 'a term needs at least one paragraph'),
      display: z.array(z.string()).optional(),
      table: z.object({ headers: z.array(z.string()), rows: z.array(glossaryRow) }).strict().optional(),
    })
    .strict(),
});

// The teachers' guide: its prose in MDX (content/teachers/guide.mdx), with the parts that are
// lists in its frontmatter so src/components/teachers/ can lay them out and add up their minutes.
const lessonId = z.string().regex(/^\d\d-[a-z0-9-]+$/, 'a lesson is named by its file name, such as 07-gradient-descent');
const teachers = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/teachers' }),
  schema: z
    .object({
      title: z.string().trim().min(1),
      description: z.string().trim().min(1),
      /** A plan for class periods: each step's minutes add up to the period's length. */
      periods: z.array(
        z
          .object({
            title: z.string().trim().min(1),
            aim: z.string().trim().min(1),
            steps: z.array(
              z
                .object({
                  minutes: z.number().int().positive(),
                  /** The lesson the step uses, linked if it exists. */
                  lesson: lessonId.optional(),
                  /** An experiment card on the page (src/experiments/guide/links.ts), linked by its anchor. */
                  experiment: z.string().optional(),
                  text: z.string().trim().min(1),
                })
                .strict(),
            ).min(1),
            homework: z.string().trim().min(1),
          })
          .strict(),
      ),
      /** Lessons that work at home. */
      homework: z.array(lessonId),
      /** Part IV's widgets opened with ready settings: the lesson, the widget's query and anchor, what to look at. */
      partFour: z.array(
        z
          .object({ lesson: lessonId, query: z.string().min(1), anchor: z.string().regex(/^widget-[a-z0-9-]+$/), label: z.string().min(1), look: z.string().min(1) })
          .strict(),
      ),
    })
    .strict(),
});

export const collections = { lessons, glossary, teachers };
