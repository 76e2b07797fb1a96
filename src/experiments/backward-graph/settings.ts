// The backward-sweep widget's settings: which network (a named start of the nine parameters), how
// many of the training samples the graph is drawn for, and how far the sweep has gone.
import { choiceField, numberField } from '../settings/fields';
import { defineSettings, type ConfigOf, type SettingsRule } from '../settings/schema';

export type GraphStart = 'writeup-example' | 'he' | 'dead-unit' | 'zeros';

/** More samples make a graph too tall to read: three already show every parameter collecting three contributions. */
export const MAX_GRAPH_SAMPLES = 3;

/** Nodes of the 2-2-1 graph: 9 parameters and the loss, plus per sample x1, x2, y and 16 operations. */
export function graphNodeCount(samples: number): number {
  return 10 + 19 * samples;
}

const fields = {
  start: choiceField<GraphStart>({
    label: 'Parameters',
    default: 'writeup-example',
    options: [
      { value: 'writeup-example', label: 'The write-up’s example (lessons 4 and 6)' },
      { value: 'he', label: 'He start (seed 1)' },
      { value: 'dead-unit', label: 'Dead unit h1' },
      { value: 'zeros', label: 'All zeros' },
    ],
  }),
  samples: numberField({
    label: 'Samples in the graph',
    min: 1,
    max: MAX_GRAPH_SAMPLES,
    integer: true,
    default: 1,
    hint: 'The first samples of the training data; L is their mean squared error.',
  }),
  step: numberField({
    label: 'Nodes swept',
    min: 0,
    max: graphNodeCount(MAX_GRAPH_SAMPLES),
    integer: true,
    default: 0,
    hint: 'How many nodes have passed their gradient on, from L back to the parameters.',
  }),
};

export type BackwardGraphConfig = ConfigOf<typeof fields>;

/** The sweep has one step per node: a link may not ask for more. */
const stepWithinSweep: SettingsRule<BackwardGraphConfig> = {
  keys: ['step'],
  problem: (c) => (c.step > graphNodeCount(c.samples) ? `The sweep over ${c.samples} sample${c.samples === 1 ? '' : 's'} has ${graphNodeCount(c.samples)} steps, not ${c.step}.` : null),
  restored: (c) => `step ${c.step}`,
  repair: (c) => ({ step: graphNodeCount(c.samples) }),
};

export const backwardGraphSettings = defineSettings(fields, [stepWithinSweep]);
