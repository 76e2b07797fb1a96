// The loss curve of a run on the student's code drawn over the trainer's (pure: the server draws
// the trainer's curve alone, the element redraws with the student's as it streams in).
import { lineChart } from '../kit/lineChart';
import type { SvgNode } from '../kit/svg';

export const TRAINING_CHART = { width: 640, height: 300 } as const;

export function trainingChart(reference: readonly number[], student: readonly (number | null)[] | null, varianceOfY: number): SvgNode {
  const series = [{ label: 'the trainer', y: reference }];
  if (student) series.push({ label: 'your code', y: student.map((v) => (v === null ? Number.NaN : v)) });
  return lineChart({
    width: TRAINING_CHART.width,
    height: TRAINING_CHART.height,
    title: student ? 'Loss per epoch: your code’s run over the trainer’s' : 'Loss per epoch of the trainer’s run',
    description: student
      ? `Two curves of the loss at the start of each epoch, from the same data and start: the trainer's (solid) and your code's (dashed), ${student.length} of ${reference.length} epochs so far.`
      : `The trainer's loss at the start of each of ${reference.length} epochs; your code's run is drawn over it.`,
    x: { label: 'epoch' },
    y: { label: 'loss L', type: 'log' },
    series,
    references: [{ value: varianceOfY, label: 'Var(y): always predicting the mean' }],
  });
}
