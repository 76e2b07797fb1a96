// The loss-surface widget's settings: which two parameters span the picture, where the run
// starts (a seeded preset, with any values dragged or typed on top), how it trains, whether the
// slice goes through the run's start or its end, and how wide the window is. The link names
// (x, y, init, initSeed, learningRate, epochs, span, slice, W1 … B3) are the ones links have
// used since lesson 9 landed; a parameter a link does not name keeps its drawn value.
import { INIT_PRESETS, type InitPreset } from '../../trainer/init';
import { PARAMETER_NAMES, type ParameterName } from '../../trainer/parameters';
import { choiceField, customField, numberField, type CustomField } from '../settings/fields';
import { parseNumberInput } from '../settings/numberInput';
import { defineSettings, differentPair, type ConfigOf } from '../settings/schema';
import { parameterChoiceField } from '../parameters/settings';

export type SliceAt = 'start' | 'end';

/** Starting values may be set within ±this (the network's parameters rarely leave ±10). */
export const START_LIMIT = 20;

export const INIT_OPTIONS: readonly { value: InitPreset; label: string }[] = (['he', 'writeup'] as const).map((value) => ({ value, label: INIT_PRESETS[value].label }));

export const SLICE_OPTIONS: readonly { value: SliceAt; label: string }[] = [
  { value: 'end', label: 'the end of the run' },
  { value: 'start', label: 'the start of the run' },
];

/** The word a data-* attribute holds for a starting value nobody set (the preset draws it). */
const DRAWN = 'drawn';

/** A starting value set by hand, or null: the one the seeded preset draws. */
function startValueField(name: ParameterName): CustomField<number | null> {
  return customField<number | null>({
    label: name,
    default: null,
    read: (text) => (text.trim().toLowerCase() === DRAWN ? { ok: true, value: null } : parseNumberInput(text, { min: -START_LIMIT, max: START_LIMIT, label: name })),
    write: (value) => (value === null ? DRAWN : String(value)),
    show: (value) => (value === null ? 'the drawn starting value' : String(value)),
  });
}

const startValues = Object.fromEntries(PARAMETER_NAMES.map((name) => [name, startValueField(name)])) as Record<ParameterName, CustomField<number | null>>;

const fields = {
  x: parameterChoiceField({ label: 'Across', default: 'B2' }),
  y: parameterChoiceField({ label: 'Up', default: 'W6' }),
  init: choiceField<InitPreset>({ label: 'Starting values', default: 'he', options: INIT_OPTIONS }),
  initSeed: numberField({ label: 'Starting seed', min: 0, max: 999_999_999, integer: true, default: 1 }),
  learningRate: numberField({ label: 'The learning rate η', min: 0.0001, max: 10, default: 0.05, log: true }),
  epochs: numberField({ label: 'Epochs', min: 0, max: 20_000, integer: true, default: 5000 }),
  span: numberField({ label: 'Half-width of the window', min: 0.1, max: 50, default: 3, hint: 'around the slice point' }),
  /** The seven other parameters are held at their values at the run's start or at its end. */
  slice: choiceField<SliceAt>({ label: 'Hold the other seven at', default: 'end', options: SLICE_OPTIONS }),
  ...startValues,
};

export type LossSurfaceConfig = ConfigOf<typeof fields>;

// Picking the other axis's parameter swaps the two (the kit moves the other select and says so).
export const lossSurfaceSettings = defineSettings(fields, [differentPair('x', 'y', 'The two axes must show different parameters.')]);

/** The starting values set by hand, by name (the others are drawn). */
export function handSetValues(config: LossSurfaceConfig): Partial<Record<ParameterName, number>> {
  return Object.fromEntries(PARAMETER_NAMES.flatMap((name) => (config[name] === null ? [] : [[name, config[name]]])));
}

/** No starting value set by hand: every parameter drawn by the preset. */
export const ALL_DRAWN: Readonly<Record<ParameterName, null>> = Object.fromEntries(PARAMETER_NAMES.map((name) => [name, null])) as Record<ParameterName, null>;
