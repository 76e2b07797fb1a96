// The deeper-network widget's settings: the hidden widths of the network trained (one to four
// hidden layers, 1–16 units each), optionally a second network trained beside it from the same seed
// for comparison, the rate, the starting seed and the epochs. The data are the course's default.
import { checkHiddenWidths, MAX_HIDDEN_LAYERS } from '../../trainer/deepParameters';
import { MAX_HIDDEN } from '../../trainer/parameters';
import { customField, numberField, type ReadResult } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { clipText } from '../settings/source';
import { initSeedField, learningRateField } from '../training/settings';

/** The longest run the widget trains: long enough for lesson 18's 20,000 epochs. */
export const MAX_DEEP_EPOCHS = 50_000;

/** "3, 3", "3 3", "3-3" or "[3,3]" → [3, 3]: one to four widths of 1 to 16. */
export function parseWidths(text: string, label: string): ReadResult<number[]> {
  const trimmed = text.trim().replace(/^\[|\]$/g, '');
  // A dash between two widths separates them ("3-3"); one before a width, with no width before it, is a minus.
  if (/(^|[,;\s])\s*[-−]\s*\d/.test(trimmed)) {
    return { ok: false, message: `${label}: “${clipText(text)}” has a negative width. Each hidden layer needs at least one unit.` };
  }
  const pieces = trimmed === '' ? [] : trimmed.split(/[\s,;x×-]+/).filter(Boolean);
  const widths = pieces.map(Number);
  if (!pieces.length || widths.some((w) => !Number.isFinite(w))) {
    return { ok: false, message: `${label}: “${clipText(text)}” is not a list of widths. Type one whole number per hidden layer, such as 3, 3.` };
  }
  const problem = checkHiddenWidths(widths);
  return problem ? { ok: false, message: `${label}: ${problem}` } : { ok: true, value: widths };
}

const widthsField = (label: string, fallback: number[], hint: string) =>
  customField<number[]>({
    label,
    default: fallback,
    hint,
    read: (text) => parseWidths(text, label),
    write: (widths) => widths.join(','),
    show: (widths) => widths.join(', '),
  });

const fields = {
  widths: widthsField('Hidden layers', [3, 3], `Units per hidden layer, input side first (1 to ${MAX_HIDDEN_LAYERS} layers of 1 to ${MAX_HIDDEN}).`),
  against: customField<number[] | null>({
    label: 'Compare with',
    default: [6],
    hint: 'A second network trained from the same seed; leave empty for none.',
    read: (text) => (/^\s*(none)?\s*$/i.test(text) ? { ok: true, value: null } : parseWidths(text, 'Compare with')),
    write: (widths) => (widths ? widths.join(',') : 'none'),
    show: (widths) => (widths ? widths.join(', ') : 'none'),
  }),
  learningRate: learningRateField({ default: 0.05, max: 10 }),
  initSeed: initSeedField(1),
  epochs: numberField({ label: 'Epochs', min: 1, max: MAX_DEEP_EPOCHS, integer: true, default: 5000 }),
};

export type DeepNetworkConfig = ConfigOf<typeof fields>;

export const deepNetworkSettings = defineSettings(fields);
