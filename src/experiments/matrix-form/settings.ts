// The matrix-form widget's settings: the network (one hidden layer of H₁ units, as the course's
// 2-2-1, or two of H₁ and H₂), which parameters, and which matrix entry to follow from its formula
// to its number.
import { deepLayout, type HiddenWidths } from '../../trainer/deepParameters';
import { SEED_MAX } from '../training/settings';
import { choiceField, numberField } from '../settings/fields';
import { defineSettings, type ConfigOf, type SettingsRule } from '../settings/schema';

/** One hidden layer (2-H₁-1) or two (2-H₁-H₂-1). */
export type MatrixNetwork = '2-H-1' | '2-H-H-1';
export type MatrixStart = 'writeup-example' | 'he';

/** The widest hidden layer the widget draws: 2-8-8-1's W² is an 8 × 8 matrix. */
export const MATRIX_MAX_WIDTH = 8;

/**
 * The links of the widget's first version named two networks; they read as the same networks now
 * (the widths' defaults are 2), so a link shared then still opens on what it showed.
 */
const OLD_NETWORK_NAMES: Readonly<Record<string, MatrixNetwork>> = { '2-2-1': '2-H-1', '2-2-2-1': '2-H-H-1' };

const widthField = (layer: 1 | 2) =>
  numberField({
    label: `Width H${layer === 1 ? '₁' : '₂'}`,
    hint: `Units in hidden layer ${layer}`,
    min: 1,
    max: MATRIX_MAX_WIDTH,
    integer: true,
    default: 2,
  });

const fields = {
  network: choiceField<MatrixNetwork>({
    label: 'Hidden layers',
    default: '2-H-1',
    options: [
      { value: '2-H-1', label: 'One: 2-H₁-1' },
      { value: '2-H-H-1', label: 'Two: 2-H₁-H₂-1' },
    ],
    normalise: (text) => OLD_NETWORK_NAMES[text.trim()] ?? text,
  }),
  h1: widthField(1),
  h2: widthField(2),
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
    // 2-8-8-1's parameters: the most any network of the widget has.
    max: deepLayout([MATRIX_MAX_WIDTH, MATRIX_MAX_WIDTH]).parameterCount,
    integer: true,
    default: 3,
    hint: 'Or click an entry in the matrices.',
  }),
};

export type MatrixFormConfig = ConfigOf<typeof fields>;

/** The hidden widths a config names: [H₁] or [H₁, H₂]. */
export function matrixWidths(config: Pick<MatrixFormConfig, 'network' | 'h1' | 'h2'>): HiddenWidths {
  return config.network === '2-H-1' ? [config.h1] : [config.h1, config.h2];
}

/** "2-2-1", "2-3-8-1": the network a config names. */
export function matrixNetworkLabel(config: Pick<MatrixFormConfig, 'network' | 'h1' | 'h2'>): string {
  return [2, ...matrixWidths(config), 1].join('-');
}

/** How many parameters the config's network has. */
export function matrixParameterCount(config: Pick<MatrixFormConfig, 'network' | 'h1' | 'h2'>): number {
  return deepLayout(matrixWidths(config)).parameterCount;
}

/** Whether the config's network is the course's 2-2-1, the only one the write-up's nine values fit. */
export const isCourseNetwork = (config: Pick<MatrixFormConfig, 'network' | 'h1'>) => config.network === '2-H-1' && config.h1 === 2;

const examplesFitOnlyTheCourseNetwork: SettingsRule<MatrixFormConfig> = {
  keys: ['start'],
  problem: (c) => (c.start === 'writeup-example' && !isCourseNetwork(c) ? `The write-up’s example has nine parameters: it only fits the 2-2-1 network, not ${matrixNetworkLabel(c)}.` : null),
  restored: () => 'a He start',
  repair: () => ({ start: 'he' }),
};

const entryInNetwork: SettingsRule<MatrixFormConfig> = {
  keys: ['entry'],
  problem: (c) => {
    const count = matrixParameterCount(c);
    return c.entry > count ? `The ${matrixNetworkLabel(c)} network has ${count} parameters, not ${c.entry}.` : null;
  },
  restored: () => 'parameter 1',
  repair: () => ({ entry: 1 }),
};

export const matrixFormSettings = defineSettings(fields, [examplesFitOnlyTheCourseNetwork, entryInNetwork]);
