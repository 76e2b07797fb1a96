// Each code-lab exercise as a Jupyter notebook, written at build time (a static file per
// exercise: the site stays offline-capable; expected values come from the trainer).
import type { APIRoute, GetStaticPaths } from 'astro';
import { EXERCISES, exerciseById } from '../../experiments/code-lab/exercises';
import { notebookFor } from '../../experiments/code-lab/notebook';

export const getStaticPaths = (() => EXERCISES.map((exercise) => ({ params: { id: exercise.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const exercise = exerciseById(String(params.id));
  if (!exercise) return new Response('No such exercise', { status: 404 });
  return new Response(`${JSON.stringify(notebookFor(exercise), null, 1)}\n`, {
    headers: { 'Content-Type': 'application/x-ipynb+json' },
  });
};
