import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

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
      minutes: z.number().int('minutes must be a whole number').positive('minutes must be 1 or more'),
    })
    .strict(),
});

export const collections = { lessons };
