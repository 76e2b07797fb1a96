// The optimiser race's settings: one start (preset and seed), the two parameters that train (the
// others stay where they start, so both paths lie on the loss slice over those two), two
// optimisers with their own learning rates, the momentum β they share, the batch size and how
// many epochs. Defaults: W5 and W6 from the He start, where the slice is an exact bowl (the output
// is linear in them), gradient descent against heavy-ball momentum at the same rate.
import { OPTIMIZER_KINDS, type OptimizerKind, type OptimizerSpec } from '../../trainer/optimizers';
import { choiceField, numberField } from '../settings/fields';
import { defineSettings, differentPair, type ConfigOf, type SettingsRule } from '../settings/schema';
import { parameterChoiceField } from '../parameters/settings';
import { batchSizeField, initField, initSeedField, learningRateField, type BatchSize } from '../training/settings';

export const OPTIMISER_LABELS: Record<OptimizerKind, string> = {
  'gradient-descent': 'gradient descent',
  momentum: 'momentum (heavy ball)',
  nesterov: 'Nesterov momentum',
  rmsprop: 'RMSProp',
  adam: 'Adam',
};

const optimiserField = (label: string, defaultKind: OptimizerKind) =>
  choiceField<OptimizerKind>({ label, default: defaultKind, options: OPTIMIZER_KINDS.map((value) => ({ value, label: OPTIMISER_LABELS[value] })) });

/** The data's sample count: a batch size above it is refused. */
const SAMPLES = 300;

const fields = {
  init: initField({ default: 'he' }),
  initSeed: initSeedField(1),
  x: parameterChoiceField({ label: 'Trained parameter across', default: 'W5' }),
  y: parameterChoiceField({ label: 'Trained parameter up', default: 'W6' }),
  optimiserA: optimiserField('Optimiser A', 'gradient-descent'),
  rateA: learningRateField({ label: 'Rate η of A', default: 0.02, max: 100 }),
  optimiserB: optimiserField('Optimiser B', 'momentum'),
  rateB: learningRateField({ label: 'Rate η of B', default: 0.02, max: 100 }),
  beta: numberField({ label: 'Momentum β', min: 0, max: 0.99, default: 0.9, step: 0.01, hint: 'for momentum and Nesterov' }),
  batchSize: batchSizeField('full'),
  epochs: numberField({ label: 'Epochs', min: 1, max: 5000, integer: true, default: 100, log: true }),
};

export type OptimiserRaceConfig = ConfigOf<typeof fields>;

const rules: SettingsRule<OptimiserRaceConfig>[] = [
  differentPair('x', 'y', 'The two trained parameters must differ.'),
  { keys: ['batchSize'], problem: (c) => (c.batchSize !== 'full' && c.batchSize > SAMPLES ? `The batch size can be at most ${SAMPLES}, the number of samples.` : null) },
  {
    keys: ['beta', 'optimiserA', 'optimiserB'],
    problem: (c) => ([c.optimiserA, c.optimiserB].includes('nesterov') && c.beta === 0 ? 'Nesterov momentum needs a momentum β above 0.' : null),
  },
];

export const optimiserRaceSettings = defineSettings(fields, rules);

/** The trainer's spec for an optimiser kind (PyTorch's defaults apart from β). */
export function optimiserSpec(kind: OptimizerKind, beta: number): OptimizerSpec {
  return kind === 'momentum' || kind === 'nesterov' ? { kind, beta } : { kind };
}

/** The trainer's batch size: undefined for full batch. */
export function batchOf(size: BatchSize): number | undefined {
  return size === 'full' ? undefined : size;
}
