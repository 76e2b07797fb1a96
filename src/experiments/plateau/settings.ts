// Reduce-on-plateau's settings as a reusable group: the seven options of PyTorch's and Keras's
// ReduceLROnPlateau with their names and meaning (lesson 10), and the rules that tie them
// together. The plateau widget and the training console both offer the schedule; each spreads
// PLATEAU_FIELDS into its own schema and adds plateauRules():
//
//   const fields = { ...PLATEAU_FIELDS, learningRate: …, … };
//   export const fooSettings = defineSettings(fields, [...plateauRules<ConfigOf<typeof fields>>(), …]);
//
// The defaults are lesson 10's (factor 0.5, patience 200), not the libraries' own (0.1, 10):
// those suit epochs of many mini-batches, not one full-batch step per epoch.
import type { ReduceOnPlateauOptions, ScheduleSpec } from '../../trainer/schedule';
import { choiceField, numberField, type NumberField } from '../settings/fields';
import { parseNumberInput, type NumberInputResult } from '../settings/numberInput';
import type { ConfigOf, SettingsRule } from '../settings/schema';

export type Flavour = 'pytorch' | 'keras';
export type ThresholdMode = 'rel' | 'abs';

/** Patience and cooldown are counted in epochs; no run here is longer. */
export const MAX_PLATEAU_EPOCHS = 100_000;

export const FLAVOUR_OPTIONS = [
  { value: 'pytorch', label: 'PyTorch: count > patience' },
  { value: 'keras', label: 'Keras: count = patience' },
] as const satisfies readonly { value: Flavour; label: string }[];

export const MODE_OPTIONS = [
  { value: 'rel', label: 'relative' },
  { value: 'abs', label: 'absolute' },
] as const satisfies readonly { value: ThresholdMode; label: string }[];

const FACTOR_LABEL = 'The factor';

/**
 * The factor, with the reason a value outside (0, 1) cannot work: the new rate is the old one
 * times the factor, so 0 would stop training and 1 or more would not reduce the rate at all.
 */
export function parseFactor(text: string | null | undefined): NumberInputResult {
  const result = parseNumberInput(text, { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, label: FACTOR_LABEL });
  if (!result.ok) return { ok: false, message: result.message.replace(/ from .*$/, ' above 0 and below 1, e.g. 0.5.') };
  const v = result.value;
  if (v <= 0) {
    return { ok: false, message: `The factor must be above 0: the new rate is the old rate times the factor, so ${v === 0 ? '0' : 'a negative factor'} would stop training (or step uphill). Type a number above 0 and below 1, e.g. 0.5.` };
  }
  if (v >= 1) {
    return { ok: false, message: `The factor must be below 1: a factor of ${v === 1 ? '1' : 'more than 1'} would not reduce the rate. PyTorch and Keras refuse it too. Type a number above 0 and below 1, e.g. 0.5.` };
  }
  return result;
}

/** "PyTorch", "torch", "Keras", "tf.keras" all name a flavour. */
const flavourName = (text: string) => {
  const t = text.trim().toLowerCase().replace(/^tf\.|\s+/g, '');
  return t === 'torch' ? 'pytorch' : t;
};

/** "relative" and "absolute" name the modes too. */
const modeName = (text: string) => {
  const t = text.trim().toLowerCase();
  return t === 'relative' ? 'rel' : t === 'absolute' ? 'abs' : t;
};

const factor: NumberField = { ...numberField({ label: FACTOR_LABEL, min: 0, max: 1, default: 0.5, hint: 'new η = η · factor' }), read: parseFactor };

export const PLATEAU_FIELDS = {
  factor,
  patience: numberField({ label: 'Patience', min: 0, max: MAX_PLATEAU_EPOCHS, integer: true, default: 200, hint: 'bad epochs tolerated' }),
  threshold: numberField({ label: 'The threshold', min: 0, max: 1_000, default: 1e-4, hint: 'PyTorch threshold, Keras min_delta' }),
  thresholdMode: choiceField<ThresholdMode>({ label: 'Threshold mode', options: MODE_OPTIONS, default: 'rel', hint: 'Keras: always absolute', normalise: modeName }),
  cooldown: numberField({ label: 'Cooldown', min: 0, max: MAX_PLATEAU_EPOCHS, integer: true, default: 0, hint: 'epochs not counted after a cut' }),
  minLr: numberField({ label: 'min_lr', min: 0, max: 10, default: 0, hint: 'the rate never goes below' }),
  flavour: choiceField<Flavour>({ label: 'Counting', options: FLAVOUR_OPTIONS, default: 'pytorch', hint: 'when the rule cuts', normalise: flavourName }),
};

/** The schedule's settings, as a config holds them. */
export type PlateauSettings = ConfigOf<typeof PLATEAU_FIELDS>;

/** The schedule's setting names, in the order links write them. */
export const PLATEAU_SETTING_KEYS = Object.keys(PLATEAU_FIELDS) as (keyof PlateauSettings)[];

/**
 * Keras compares losses only absolutely (its min_delta is subtracted from the best loss); a
 * relative threshold of 1 or more would leave no loss that counts as better. A link that picks
 * Keras without a mode gets Keras's own absolute test without a word.
 */
export function plateauRules<C extends PlateauSettings>(): SettingsRule<C>[] {
  return [
    {
      keys: ['thresholdMode'],
      problem: (c) => (c.flavour === 'keras' && c.thresholdMode === 'rel' ? 'Keras compares losses only absolutely (its min_delta is subtracted from the best loss), so the relative mode is a PyTorch setting.' : null),
      repair: () => ({ thresholdMode: 'abs' }) as Partial<C>,
      restored: () => 'the absolute mode',
    },
    {
      keys: ['threshold'],
      problem: (c) => (c.thresholdMode === 'rel' && c.threshold >= 1 ? 'A relative threshold of 1 or more would mean no loss ever counts as better (it would have to be below 0).' : null),
    },
  ];
}

/** The schedule as the trainer's options. */
export function plateauOptions(config: PlateauSettings): ReduceOnPlateauOptions {
  const { factor, patience, threshold, thresholdMode, cooldown, minLr, flavour } = config;
  return { factor, patience, threshold, thresholdMode, cooldown, minLr, flavour };
}

/** The same schedule as plain data, for a sweep in Web Workers. */
export function plateauSpec(config: PlateauSettings): ScheduleSpec {
  return { kind: 'plateau', ...plateauOptions(config) };
}

/** "factor 0.5, patience 200, threshold 0.0001 (relative), cooldown 0, min_lr 0, PyTorch counting": the schedule in words. */
export function describeSchedule(config: PlateauSettings): string {
  const who = config.flavour === 'keras' ? 'Keras counting' : 'PyTorch counting';
  const threshold = config.flavour === 'keras' ? `min_delta ${config.threshold} (absolute)` : `threshold ${config.threshold} (${config.thresholdMode === 'rel' ? 'relative' : 'absolute'})`;
  return `factor ${config.factor}, patience ${config.patience}, ${threshold}, cooldown ${config.cooldown}, min_lr ${config.minLr}, ${who}`;
}
