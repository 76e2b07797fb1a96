// The seed sweep's settings: which setups (hidden width × starting scheme) to train, how many
// starting seeds each, for how many epochs, at which learning rate, on which data. The link
// names (widths, inits, runs, firstSeed, epochs, learningRate, dataSeed) and their formats are
// the ones links have used since lesson 15 landed, so an old link opens the same sweep.
import { clipText } from '../settings/source';
import { customField, numberField, type ReadResult } from '../settings/fields';
import { defineSettings, type ConfigOf } from '../settings/schema';
import { DEFAULT_DATASET } from '../../trainer/data';
import { estimateWork, type WorkEstimate } from '../work';

/** The two starting schemes the sweep compares. */
export type SweepInit = 'writeup' | 'he';
export const SWEEP_INITS: readonly SweepInit[] = ['writeup', 'he'];
export const SWEEP_INIT_LABELS: Record<SweepInit, string> = { writeup: 'write-up', he: 'He' };
/** The hidden widths on offer (the write-up's question: do bigger networks vary less?). */
export const SWEEP_WIDTHS: readonly number[] = [2, 4, 8, 16];

/** "2, 16,4" → [2, 4, 16] (offered widths only, each once, in order), or a message. */
export function parseWidths(text: string): ReadResult<number[]> {
  const pieces = text.split(/[,\s]+/).map((t) => t.trim()).filter(Boolean);
  if (!pieces.length) return { ok: false, message: 'Choose at least one hidden width.' };
  const bad = pieces.find((p) => !SWEEP_WIDTHS.includes(Number(p)));
  if (bad !== undefined) return { ok: false, message: `Unknown hidden width “${clipText(bad)}”: use ${SWEEP_WIDTHS.join(', ')}.` };
  return { ok: true, value: SWEEP_WIDTHS.filter((w) => pieces.some((p) => Number(p) === w)) };
}

/** "he, write-up" → ['writeup', 'he'], or a message. */
export function parseInits(text: string): ReadResult<SweepInit[]> {
  const pieces = text.split(/[,\s]+/).map((t) => t.trim().toLowerCase().replace(/[-_–]/g, '')).filter(Boolean);
  if (!pieces.length) return { ok: false, message: 'Choose at least one way to start.' };
  const bad = pieces.find((p) => !(SWEEP_INITS as readonly string[]).includes(p));
  if (bad !== undefined) return { ok: false, message: `Unknown start “${clipText(bad)}”: use writeup or he.` };
  return { ok: true, value: SWEEP_INITS.filter((i) => pieces.includes(i)) };
}

const fields = {
  widths: customField<number[]>({
    label: 'Hidden units',
    default: [...SWEEP_WIDTHS],
    read: parseWidths,
    write: (widths) => widths.join(','),
    show: (widths) => widths.join(', '),
  }),
  inits: customField<SweepInit[]>({
    label: 'Starting values',
    default: [...SWEEP_INITS],
    read: parseInits,
    write: (inits) => inits.join(','),
    show: (inits) => inits.join(', '),
  }),
  /** Starting seeds per setup: firstSeed, firstSeed + 1, … */
  runs: numberField({ label: 'Seeds per setup', min: 1, max: 200, integer: true, default: 100 }),
  firstSeed: numberField({ label: 'First starting seed', min: 0, max: 999_999_000, integer: true, default: 1 }),
  epochs: numberField({ label: 'Epochs per run', min: 1, max: 100_000, integer: true, default: 10_000, log: true }),
  /** η, the same for every setup, so only width and start differ between rows. */
  learningRate: numberField({ label: 'Learning rate η', min: 0.0001, max: 1, default: 0.003, log: true }),
  /** The data set's seed (N = 300, z-scored, as everywhere in the course). */
  dataSeed: numberField({ label: 'Data seed', min: 0, max: 999_999_999, integer: true, default: 1 }),
};

export type SeedSweepConfig = ConfigOf<typeof fields>;

export const seedSweepSettings = defineSettings(fields);

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

/** Samples in every sweep's data set (the course's N). */
export const SWEEP_SAMPLES = DEFAULT_DATASET.n;

/**
 * What a sweep costs before it starts: every setup's runs, each row's width weighing in (a
 * 16-unit run costs about eight 2-unit runs), so a link asking for 200 seeds × 100,000 epochs
 * of every setup (160 million epochs) is seen to be hours of work.
 */
export function sweepWork(config: SeedSweepConfig): WorkEstimate {
  const setups = setupsOf(config);
  const each = setups.map((s) => estimateWork({ runs: config.runs, epochs: config.epochs, samples: SWEEP_SAMPLES, hidden: s.hidden }));
  const widths = [...new Set(setups.map((s) => s.hidden))];
  return {
    runs: config.runs * setups.length,
    epochs: config.epochs,
    samples: SWEEP_SAMPLES,
    hidden: widths.length === 1 ? widths[0] : 2,
    widths,
    seconds: each.reduce((sum, e) => sum + e.seconds, 0),
  };
}
