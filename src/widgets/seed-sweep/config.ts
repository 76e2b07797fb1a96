// The seed sweep's settings: which setups (hidden width × starting scheme) to train, how many
// starting seeds each, for how many epochs, at which learning rate, on which data. One typed
// object, read from the component's data-* attributes or a shared link; parsing never throws:
// anything unknown or garbled is ignored with a notice saying what is used instead.
import { clipText, configEntries, type ConfigSource } from '../../experiments/settings/source';
import type { NumberInputRules } from '../../experiments/settings/numberInput';
import { parseSettings, serializeSettings } from '../kit/settings';

/** The two starting schemes the sweep compares. */
export type SweepInit = 'writeup' | 'he';
export const SWEEP_INITS: readonly SweepInit[] = ['writeup', 'he'];
export const SWEEP_INIT_LABELS: Record<SweepInit, string> = { writeup: 'write-up', he: 'He' };
/** The hidden widths on offer (the write-up's question: do bigger networks vary less?). */
export const SWEEP_WIDTHS: readonly number[] = [2, 4, 8, 16];

export interface SeedSweepConfig {
  /** Starting seeds per setup: firstSeed, firstSeed + 1, … */
  runs: number;
  firstSeed: number;
  epochs: number;
  /** η, the same for every setup, so only width and start differ between rows. */
  learningRate: number;
  widths: number[];
  inits: SweepInit[];
  /** The data set's seed (N = 300, z-scored, as everywhere in the course). */
  dataSeed: number;
}

type NumberKey = 'runs' | 'firstSeed' | 'epochs' | 'learningRate' | 'dataSeed';

export const SEED_SWEEP_RULES: Readonly<Record<NumberKey, NumberInputRules>> = {
  runs: { min: 1, max: 200, integer: true, label: 'Seeds per setup' },
  firstSeed: { min: 0, max: 999_999_000, integer: true, label: 'First starting seed' },
  epochs: { min: 1, max: 100_000, integer: true, label: 'Epochs per run' },
  learningRate: { min: 0.0001, max: 1, label: 'Learning rate η' },
  dataSeed: { min: 0, max: 999_999_999, integer: true, label: 'Data seed' },
};

export const SEED_SWEEP_DEFAULTS: Readonly<SeedSweepConfig> = {
  runs: 100,
  firstSeed: 1,
  epochs: 10_000,
  learningRate: 0.003,
  widths: [2, 4, 8, 16],
  inits: ['writeup', 'he'],
  dataSeed: 1,
};

export const SEED_SWEEP_KEYS: readonly (keyof SeedSweepConfig)[] = ['widths', 'inits', 'runs', 'firstSeed', 'epochs', 'learningRate', 'dataSeed'];

/** "2, 16,4" → [2, 4, 16] (offered widths only, each once, in order), or a message. */
export function parseWidths(text: string): { ok: true; value: number[] } | { ok: false; message: string } {
  const pieces = text.split(/[,\s]+/).map((t) => t.trim()).filter(Boolean);
  if (!pieces.length) return { ok: false, message: 'Choose at least one hidden width.' };
  const bad = pieces.find((p) => !SWEEP_WIDTHS.includes(Number(p)));
  if (bad !== undefined) return { ok: false, message: `Unknown hidden width “${clipText(bad)}”: use ${SWEEP_WIDTHS.join(', ')}.` };
  return { ok: true, value: SWEEP_WIDTHS.filter((w) => pieces.some((p) => Number(p) === w)) };
}

/** "he, write-up" → ['writeup', 'he'], or a message. */
export function parseInits(text: string): { ok: true; value: SweepInit[] } | { ok: false; message: string } {
  const pieces = text.split(/[,\s]+/).map((t) => t.trim().toLowerCase().replace(/[-_–]/g, '')).filter(Boolean);
  if (!pieces.length) return { ok: false, message: 'Choose at least one way to start.' };
  const bad = pieces.find((p) => !(SWEEP_INITS as readonly string[]).includes(p));
  if (bad !== undefined) return { ok: false, message: `Unknown start “${clipText(bad)}”: use writeup or he.` };
  return { ok: true, value: SWEEP_INITS.filter((i) => pieces.includes(i)) };
}

export function parseSeedSweepConfig(source: ConfigSource): { config: SeedSweepConfig; notices: string[] } {
  // The two lists are read here; every number goes through the kit's usual checks.
  const entries = configEntries(source);
  const lists = new Map(entries.filter(([key]) => key === 'widths' || key === 'inits'));
  const { config, notices } = parseSettings<SeedSweepConfig>(
    Object.fromEntries(entries.filter(([key]) => !lists.has(key))),
    { defaults: { ...SEED_SWEEP_DEFAULTS, widths: [...SEED_SWEEP_DEFAULTS.widths], inits: [...SEED_SWEEP_DEFAULTS.inits] }, numbers: SEED_SWEEP_RULES },
  );
  const widths = lists.has('widths') ? parseWidths(lists.get('widths')!) : null;
  if (widths?.ok) config.widths = widths.value;
  else if (widths) notices.push(`${widths.message} Using ${config.widths.join(', ')}.`);
  const inits = lists.has('inits') ? parseInits(lists.get('inits')!) : null;
  if (inits?.ok) config.inits = inits.value;
  else if (inits) notices.push(`${inits.message} Using ${config.inits.join(', ')}.`);
  return { config, notices };
}

export function serializeSeedSweepConfig(config: SeedSweepConfig): URLSearchParams {
  return serializeSettings(config, SEED_SWEEP_KEYS);
}

/** One setup: a row of the figure. */
export interface Setup {
  init: SweepInit;
  hidden: number;
}

/** The setups a config asks for, by width, each width's starts side by side. */
export function setupsOf(config: Pick<SeedSweepConfig, 'widths' | 'inits'>): Setup[] {
  return config.widths.flatMap((hidden) => config.inits.map((init) => ({ init, hidden })));
}

/** The seeds of one setup's runs. */
export function seedsOf(config: Pick<SeedSweepConfig, 'runs' | 'firstSeed'>): number[] {
  return Array.from({ length: config.runs }, (_, i) => config.firstSeed + i);
}
