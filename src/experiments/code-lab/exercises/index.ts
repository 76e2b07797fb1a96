// The code lab's exercises in the order a student meets them.
import type { Exercise } from '../types';
import { reluExercise } from './relu';
import { forwardExercise } from './forward';
import { lossExercise } from './loss';
import { outputPartialsExercise } from './output-partials';
import { backwardExercise } from './backward';
import { stepExercise } from './step';
import { trainExercise } from './train';
import { generalExercise } from './general';

export const EXERCISES: readonly Exercise[] = [
  reluExercise,
  forwardExercise,
  lossExercise,
  outputPartialsExercise,
  backwardExercise,
  stepExercise,
  trainExercise,
  generalExercise,
];

export const EXERCISE_IDS = EXERCISES.map((e) => e.id);

export function exerciseById(id: string): Exercise | undefined {
  return EXERCISES.find((e) => e.id === id);
}
