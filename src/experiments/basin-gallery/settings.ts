// The end-state gallery's settings: which starts (preset and seeds), the learning rate and how
// long each run trains. The link names (preset, learningRate, epochs, firstSeed, runs) are the
// ones links have used since lesson 9 landed, so an old link opens the same gallery.
import { INIT_PRESETS, INIT_PRESET_NAMES, type InitPreset } from '../../trainer/init';
import { choiceField, numberField } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { formatInteger } from '../format';

/** Runs × epochs above this would keep a phone busy for minutes. */
export const MAX_TOTAL_EPOCHS = 2_000_000;

/** Presets whose starts differ from seed to seed (the others would give one run a hundred times). */
export const PRESET_OPTIONS: readonly { value: InitPreset; label: string }[] = INIT_PRESET_NAMES.filter((name) =>
  ['he', 'writeup', 'huge-weights', 'large-biases'].includes(name),
).map((name) => ({ value: name, label: INIT_PRESETS[name].label }));

const fields = {
  /** How each run's starting values are drawn. */
  preset: choiceField<InitPreset>({ label: 'Starting values', default: 'he', options: PRESET_OPTIONS }),
  learningRate: numberField({ label: 'The learning rate η', min: 0.0001, max: 10, default: 0.05, log: true }),
  /** Epochs each run trains. */
  epochs: numberField({ label: 'Epochs per run', min: 1, max: 50_000, integer: true, default: 5000 }),
  /** The starting seeds are firstSeed, firstSeed + 1, … */
  firstSeed: numberField({ label: 'First starting seed', min: 0, max: 999_999_000, integer: true, default: 1 }),
  /** How many runs (seeds). */
  runs: numberField({ label: 'Number of runs', min: 1, max: 200, integer: true, default: 100 }),
};

export type BasinGalleryConfig = ConfigOf<typeof fields>;

/** The problem with a config as a whole (too much work), or null. */
export function totalWorkProblem(config: Pick<BasinGalleryConfig, 'runs' | 'epochs'>): string | null {
  const total = config.runs * config.epochs;
  if (total <= MAX_TOTAL_EPOCHS) return null;
  return `${config.runs} runs of ${formatInteger(config.epochs)} epochs is ${formatInteger(total)} epochs in all: ask for at most ${formatInteger(MAX_TOTAL_EPOCHS)} (fewer runs or fewer epochs).`;
}

export const basinGallerySettings = defineSettings(fields, [
  { keys: ['runs', 'epochs'], problem: totalWorkProblem, restored: (c) => `${c.runs} runs of ${c.epochs} epochs` },
]);

/** The starting seeds of the gallery's runs. */
export function gallerySeeds(config: Pick<BasinGalleryConfig, 'firstSeed' | 'runs'>): number[] {
  return Array.from({ length: config.runs }, (_, i) => config.firstSeed + i);
}

/** The settings in words: "He (recommended for ReLU) starts, seeds 1–100, η = 0.05, 5,000 epochs each". */
export function describeGallery(config: BasinGalleryConfig): string {
  const preset = PRESET_OPTIONS.find((o) => o.value === config.preset)?.label ?? config.preset;
  const last = config.firstSeed + config.runs - 1;
  const seeds = config.runs === 1 ? `seed ${config.firstSeed}` : `seeds ${config.firstSeed}–${last}`;
  return `${preset} starts, ${seeds}, η = ${config.learningRate}, ${formatInteger(config.epochs)} epochs each`;
}
