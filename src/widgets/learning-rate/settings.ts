// Settings the three learning-rate widgets share: where the network starts (a preset and its
// seed) and a list of learning rates typed as "0.001, 0.01, 0.1". Pure; parsing never throws.
import { initParams, type InitPreset } from '../../trainer/init';
import type { Parameters } from '../../trainer/parameters';
import type { NumberInputRules } from '../../experiments/settings/numberInput';
import type { ChoiceSpec } from '../kit/settings';
import { parseLearningRate } from '../../experiments/training/settings';

export type StartPreset = Extract<InitPreset, 'writeup' | 'he' | 'writeup-example'>;

/** `inSentence` names the starts inside a sentence ("100 starts × 3,000 epochs, …"). */
export const START_OPTIONS: readonly { value: StartPreset; label: string; inSentence: string }[] = [
  { value: 'writeup', label: 'Write-up’s random scheme', inSentence: 'the write-up’s random scheme' },
  { value: 'he', label: 'He (recommended for ReLU)', inSentence: 'He starts' },
  { value: 'writeup-example', label: 'Write-up’s printed example', inSentence: 'the write-up’s printed example' },
];

/**
 * The start lesson 8 follows: the write-up's scheme (weights in [−10, 10], biases in [−5, 5])
 * with seed 97. Its λmax lies inside the middle half of the scheme's starts, and from it the
 * usual rates show all four behaviours (the facts test checks both).
 */
export const LESSON_START: Readonly<{ init: StartPreset; initSeed: number }> = { init: 'writeup', initSeed: 97 };

/** The rates the lesson compares, a factor of about 3 apart. */
export const LESSON_RATES: readonly number[] = [0.001, 0.003, 0.01, 0.03, 0.1];

export const SEED_RULES: NumberInputRules = { min: 0, max: 999_999_999, integer: true, label: 'Starting seed' };

export const MAX_RATES = 6;

/** The starting parameters of a preset and seed (the printed example ignores the seed). */
export function startParameters(init: StartPreset, initSeed: number): Parameters {
  return initParams({ preset: init, seed: initSeed });
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The start as one of the widgets' named choices (kit/settings.ts). */
export const START_CHOICE: ChoiceSpec<StartPreset> = { options: START_OPTIONS, name: 'the start' };

/** How the rate list and everything else read in a notice or a link. */
export function showSetting(key: PropertyKey, value: unknown): string {
  return key === 'rates' ? formatRateList(value as number[]) : String(value);
}

/**
 * "0.001, 0.01; 0.1" → [0.001, 0.01, 0.1]: one to six rates, each a learning rate the console
 * would take, sorted, repeats dropped. A bad one is named in the message.
 */
export function parseRateList(text: string | null | undefined): Parsed<number[]> {
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
