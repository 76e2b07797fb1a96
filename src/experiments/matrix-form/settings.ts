// The matrix-form widget's settings: which network (the course's 2-2-1 or 2-2-2-1 with a second
// hidden layer), which parameters, and which matrix entry to follow from its formula to its number.
import { SEED_MAX } from '../training/settings';
import { choiceField, numberField } from '../settings/fields';
import { defineSettings, type ConfigOf, type SettingsRule } from '../settings/schema';

export type MatrixNetwork = '2-2-1' | '2-2-2-1';
export type MatrixStart = 'writeup-example' | 'he';

/** Hidden widths of each network. */
export const MATRIX_NETWORKS: Readonly<Record<MatrixNetwork, readonly number[]>> = { '2-2-1': [2], '2-2-2-1': [2, 2] };

/** Parameters of each network: 9 and 15. */
export const MATRIX_PARAMETER_COUNT: Readonly<Record<MatrixNetwork, number>> = { '2-2-1': 9, '2-2-2-1': 15 };

const fields = {
  network: choiceField<MatrixNetwork>({
    label: 'Network',
    default: '2-2-1',
    options: [
      { value: '2-2-1', label: '2-2-1 (the course’s)' },
      { value: '2-2-2-1', label: '2-2-2-1 (two layers)' },
    ],
  }),
  start: choiceField<MatrixStart>({
    label: 'Parameters',
    default: 'writeup-example',
    options: [
      { value: 'writeup-example', label: 'Write-up’s example' },
      { value: 'he', label: 'He start' },
    ],
  }),
  seed: numberField({ label: 'He seed', min: 0, max: SEED_MAX, integer: true, default: 1 }),
  entry: numberField({
    label: 'Parameter',
    min: 1,
    max: MATRIX_PARAMETER_COUNT['2-2-2-1'],
    integer: true,
    default: 3,
    hint: 'Its place in the layout order: W1 … B3 for 2-2-1.',
  }),
};

export type MatrixFormConfig = ConfigOf<typeof fields>;

const examplesFitOnlyTheCourseNetwork: SettingsRule<MatrixFormConfig> = {
  keys: ['start'],
  problem: (c) => (c.start === 'writeup-example' && c.network !== '2-2-1' ? 'The write-up’s example has nine parameters: it only fits the 2-2-1 network.' : null),
  restored: () => 'a He start',
  repair: () => ({ start: 'he' }),
};

const entryInNetwork: SettingsRule<MatrixFormConfig> = {
  keys: ['entry'],
  problem: (c) => (c.entry > MATRIX_PARAMETER_COUNT[c.network] ? `The ${c.network} network has ${MATRIX_PARAMETER_COUNT[c.network]} parameters, not ${c.entry}.` : null),
  restored: () => 'parameter 1',
  repair: () => ({ entry: 1 }),
};

export const matrixFormSettings = defineSettings(fields, [examplesFitOnlyTheCourseNetwork, entryInNetwork]);
