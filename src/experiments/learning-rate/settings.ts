// Settings the three learning-rate widgets of lesson 8 share: where the network starts (a preset
// and its seed) and a list of learning rates typed as "0.001, 0.01, 0.1" — a custom field, read
// the same way in a link, a lesson's props and the widget's own text field.
import { initParams, type InitPreset } from '../../trainer/init';
import type { Parameters } from '../../trainer/parameters';
import { customField, type ChoiceOption, type ReadResult } from '../settings/fields';
import { initField, initSeedField, parseLearningRate } from '../training/settings';

export type StartPreset = Extract<InitPreset, 'writeup' | 'he' | 'writeup-example'>;

export const START_OPTIONS = [
  { value: 'writeup', label: 'Write-up’s random scheme' },
  { value: 'he', label: 'He (recommended for ReLU)' },
  { value: 'writeup-example', label: 'Write-up’s printed example' },
] as const satisfies readonly ChoiceOption<StartPreset>[];

/** The starts as a sentence names them ("100 starts × 3,000 epochs, the write-up’s random scheme"). */
export const START_IN_SENTENCE: Readonly<Record<StartPreset, string>> = {
  writeup: 'the write-up’s random scheme',
  he: 'He starts',
  'writeup-example': 'the write-up’s printed example',
};

/**
 * The start lesson 8 follows: the write-up's scheme (weights in [−10, 10], biases in [−5, 5])
 * with seed 97. Its λmax lies inside the middle half of the scheme's starts, and from it the
 * usual rates show all four behaviours (the facts test checks both).
 */
export const LESSON_START: Readonly<{ init: StartPreset; initSeed: number }> = { init: 'writeup', initSeed: 97 };

/** The rates the lesson compares, a factor of about 3 apart. */
export const LESSON_RATES: readonly number[] = [0.001, 0.003, 0.01, 0.03, 0.1];

/** At most this many rates fit side by side. */
export const MAX_RATES = 6;

/** The start's two settings, from the training group, with lesson 8's defaults. */
export function startFields(defaults: { init: StartPreset; initSeed?: number } = LESSON_START) {
  return {
    init: initField<StartPreset>({ default: defaults.init, options: START_OPTIONS }),
    initSeed: initSeedField(defaults.initSeed ?? LESSON_START.initSeed),
  };
}

/** The starting parameters of a preset and seed (the printed example ignores the seed). */
export function startParameters(init: StartPreset, initSeed: number): Parameters {
  return initParams({ preset: init, seed: initSeed });
}

/**
 * "0.001, 0.01; 0.1" → [0.001, 0.01, 0.1]: one to six rates, each a learning rate the console
 * would take, sorted, repeats dropped. A bad one is named in the message.
 */
export function parseRateList(text: string | null | undefined): ReadResult<number[]> {
  const pieces = String(text ?? '')
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (pieces.length === 0) return { ok: false, message: `The list of learning rates is empty. Type 1 to ${MAX_RATES} rates separated by commas, e.g. 0.001, 0.01, 0.1.` };
  const rates: number[] = [];
  for (const piece of pieces) {
    const r = parseLearningRate(piece);
    if (!r.ok) return { ok: false, message: r.message };
    if (!rates.includes(r.value)) rates.push(r.value);
  }
  if (rates.length > MAX_RATES) return { ok: false, message: `At most ${MAX_RATES} learning rates fit side by side; ${rates.length} were given.` };
  return { ok: true, value: rates.sort((a, b) => a - b) };
}

export function formatRateList(rates: readonly number[]): string {
  return rates.map(String).join(', ');
}

/** The learning rates to compare, as one setting ("rates=0.001, 0.01, 0.1" in a link). */
export const rateListField = (defaults: readonly number[] = LESSON_RATES) =>
  customField<number[]>({ label: 'Learning rates η', default: [...defaults], hint: `1 to ${MAX_RATES} rates, separated by commas`, read: parseRateList, write: formatRateList });
