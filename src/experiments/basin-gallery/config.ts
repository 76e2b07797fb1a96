// The end-state gallery's settings: which starts (preset and seeds), the learning rate and how
// long each run trains. One typed object, read from the element's data-* attributes or a shared
// link; anything unknown or garbled is ignored with a notice, and parsing never throws.
import { INIT_PRESETS, INIT_PRESET_NAMES, type InitPreset } from '../../trainer/init';
import { clipText, configEntries, oneOf, type ConfigSource } from '../settings/source';
import { parseNumberInput, type NumberInputRules } from '../settings/numberInput';

export interface BasinGalleryConfig {
  /** How each run's starting values are drawn. */
  preset: InitPreset;
  learningRate: number;
  /** Epochs each run trains. */
  epochs: number;
  /** The starting seeds are firstSeed, firstSeed + 1, … */
  firstSeed: number;
  /** How many runs (seeds). */
  runs: number;
}

type NumberKey = Exclude<keyof BasinGalleryConfig, 'preset'>;

export const BASIN_GALLERY_DEFAULTS: Readonly<BasinGalleryConfig> = {
  preset: 'he',
  learningRate: 0.05,
  epochs: 5000,
  firstSeed: 1,
  runs: 100,
};

export const BASIN_GALLERY_RULES: Readonly<Record<NumberKey, NumberInputRules>> = {
  learningRate: { min: 0.0001, max: 10, label: 'The learning rate η' },
  epochs: { min: 1, max: 50_000, integer: true, label: 'Epochs per run' },
  firstSeed: { min: 0, max: 999_999_000, integer: true, label: 'First starting seed' },
  runs: { min: 1, max: 200, integer: true, label: 'Number of runs' },
};

/** Runs × epochs above this would keep a phone busy for minutes. */
export const MAX_TOTAL_EPOCHS = 2_000_000;

/** Presets whose starts differ from seed to seed (the others would give one run a hundred times). */
export const PRESET_OPTIONS: readonly { value: InitPreset; label: string }[] = INIT_PRESET_NAMES.filter((name) =>
  ['he', 'writeup', 'huge-weights', 'large-biases'].includes(name),
).map((name) => ({ value: name, label: INIT_PRESETS[name].label }));

const NUMBER_KEYS = Object.keys(BASIN_GALLERY_RULES) as NumberKey[];
export const BASIN_GALLERY_KEYS: readonly (keyof BasinGalleryConfig)[] = ['preset', ...NUMBER_KEYS];

/** The problem with a config as a whole (too much work), or null. */
export function totalWorkProblem(config: BasinGalleryConfig): string | null {
  const total = config.runs * config.epochs;
  if (total <= MAX_TOTAL_EPOCHS) return null;
  return `${config.runs} runs of ${config.epochs.toLocaleString('en-GB')} epochs is ${total.toLocaleString('en-GB')} epochs in all: ask for at most ${MAX_TOTAL_EPOCHS.toLocaleString('en-GB')} (fewer runs or fewer epochs).`;
}

export function parseBasinGalleryConfig(source: ConfigSource): { config: BasinGalleryConfig; notices: string[] } {
  const config: BasinGalleryConfig = { ...BASIN_GALLERY_DEFAULTS };
  const notices: string[] = [];
  for (const [key, text] of configEntries(source)) {
    if (key === 'preset') {
      const preset = oneOf(text, PRESET_OPTIONS);
      if (preset) config.preset = preset;
      else notices.push(`Ignored the starting values “${clipText(text)}”: use ${PRESET_OPTIONS.map((o) => o.value).join(', ')}. Using ${config.preset}.`);
      continue;
    }
    if (!(NUMBER_KEYS as string[]).includes(key)) {
      notices.push(`Ignored the unknown setting “${clipText(key)}”.`);
      continue;
    }
    const k = key as NumberKey;
    const result = parseNumberInput(text, BASIN_GALLERY_RULES[k]);
    if (result.ok) config[k] = result.value;
    else notices.push(`${result.message} Using ${BASIN_GALLERY_DEFAULTS[k]}.`);
  }
  const tooMuch = totalWorkProblem(config);
  if (tooMuch) {
    config.runs = BASIN_GALLERY_DEFAULTS.runs;
    config.epochs = BASIN_GALLERY_DEFAULTS.epochs;
    notices.push(`${tooMuch} Using ${config.runs} runs of ${config.epochs} epochs.`);
  }
  return { config, notices };
}

export function serializeBasinGalleryConfig(config: BasinGalleryConfig): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of BASIN_GALLERY_KEYS) params.set(key, String(config[key]));
  return params;
}

/** The starting seeds of the gallery's runs. */
export function gallerySeeds(config: Pick<BasinGalleryConfig, 'firstSeed' | 'runs'>): number[] {
  return Array.from({ length: config.runs }, (_, i) => config.firstSeed + i);
}

/** The settings in words: "He (recommended for ReLU) starts, seeds 1–100, η = 0.05, 5,000 epochs each". */
export function describeGallery(config: BasinGalleryConfig): string {
  const preset = PRESET_OPTIONS.find((o) => o.value === config.preset)?.label ?? config.preset;
  const last = config.firstSeed + config.runs - 1;
  const seeds = config.runs === 1 ? `seed ${config.firstSeed}` : `seeds ${config.firstSeed}–${last}`;
  return `${preset} starts, ${seeds}, η = ${config.learningRate}, ${config.epochs.toLocaleString('en-GB')} epochs each`;
}
