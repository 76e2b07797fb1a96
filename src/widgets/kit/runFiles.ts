// A training run's numbers as files a spreadsheet or a script can read: the data set, the
// parameters and the loss history as CSV (one table per file), and everything — with the
// settings and the link that rebuild the run — as JSON. DOM-free (runExport.ts saves them).
//
// Numbers are written in full: String(x), the shortest text that reads back as exactly the same
// double (1e-7 stays 1e-7; spreadsheets and scripts read both forms). A value that is not a finite
// number (the loss after a run diverged) is an empty CSV field and null in JSON: the one "missing"
// every reader understands, where words like Infinity or NaN read back differently in each.
import type { Dataset } from '../../trainer/data';

export interface RunRecord {
  /** Which widget made the run (e.g. "training-console") and its share key. */
  widget: string;
  shareKey: string;
  /** The page address that opens this exact run. */
  link: string;
  /** The widget's full settings (seeds, η and its changes, start, …), as its config object. */
  settings: unknown;
  /** Hidden units H; the parameters are 4H + 1. */
  hidden: number;
  /** Epochs completed; the parameters are those after this many updates. */
  epoch: number;
  /** "ok", or "diverged" (the trainer's status). */
  status: string;
  data: Dataset;
  /** The network's output ŷ for each sample at the current parameters (scaled units, as y). */
  prediction: ArrayLike<number>;
  /** Names in layout order: W1…W6, B1…B3 for H = 2 (the trainer's names otherwise). */
  parameterNames: readonly string[];
  /** The parameters at epoch 0 and now. */
  start: ArrayLike<number>;
  parameters: ArrayLike<number>;
  /** loss[e] is L after e updates, e = 0…epoch (epoch + 1 values). */
  loss: ArrayLike<number>;
  /** learningRate[e] is the η of the update from epoch e (the last: the η of the next one). */
  learningRate: ArrayLike<number>;
}

/** A number for a CSV field or JSON: full precision; null if not finite. */
export function exactNumber(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** One CSV field (RFC 4180): numbers in full, text quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV table: a header row and the rows, CRLF line ends as RFC 4180 asks. */
export function csvTable(header: readonly string[], rows: Iterable<readonly (string | number | null)[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

function* indices(n: number): Generator<number> {
  for (let i = 0; i < n; i++) yield i;
}

/**
 * One row per sample: the raw inputs, noise and target, then what the network sees after
 * scaling (x1, x2, y) and its output ŷ in those units. The method is in the file's name
 * (dataFileLabel); its shift and scale per variable are in the JSON's data.scaling.
 */
export function dataCsv(run: RunRecord): string {
  const { data } = run;
  return csvTable(
    ['sample', 'x1_raw', 'x2_raw', 'noise', 'y_raw', 'x1_scaled', 'x2_scaled', 'y_scaled', 'yhat_scaled'],
    (function* () {
      for (const i of indices(data.n)) {
        yield [i + 1, data.raw.x1[i], data.raw.x2[i], data.raw.noise[i], data.raw.y[i], data.x1[i], data.x2[i], data.y[i], run.prediction[i]];
      }
    })(),
  );
}

/** The data file's name part: which scaling its "_scaled" columns went through. */
export function dataFileLabel(run: Pick<RunRecord, 'data'>): string {
  const method = run.data.scaling.method;
  return method === 'none' ? 'data-unscaled' : `data-${method}-scaled`;
}

/** One row per parameter: its name, its value at epoch 0 and now. */
export function parametersCsv(run: RunRecord): string {
  return csvTable(['parameter', 'start', `epoch_${run.epoch}`], run.parameterNames.map((name, i) => [name, run.start[i], run.parameters[i]]));
}

/** One row per epoch 0…E: the loss after that many updates and the η of the next update. */
export function lossCsv(run: RunRecord): string {
  return csvTable(
    ['epoch', 'loss', 'learning_rate'],
    (function* () {
      for (const e of indices(run.loss.length)) yield [e, run.loss[e], run.learningRate[e] ?? null];
    })(),
  );
}

const numbers = (values: ArrayLike<number>) => Array.from(values, exactNumber);

// An array of numbers (or nulls) as JSON.stringify indents it, to be put on one line.
const NUMBER_ARRAY = /\[\s+((?:-?[\d.eE+-]+|null)(?:,\s+(?:-?[\d.eE+-]+|null))*)\s+\]/g;

/** Everything about the run as one JSON document (2-space indented, each array of numbers on one line). */
export function runJson(run: RunRecord): string {
  const { data } = run;
  const stats = (s: Dataset['scaling']['x1']) => ({ shift: s.shift, scale: s.scale, mean: s.mean, std: s.std, min: s.min, max: s.max });
  const document = {
    format: 'nine-parameters-run',
    version: 1,
    widget: run.widget,
    shareKey: run.shareKey,
    link: run.link,
    settings: run.settings,
    hidden: run.hidden,
    epoch: run.epoch,
    status: run.status,
    parameters: {
      names: [...run.parameterNames],
      start: numbers(run.start),
      now: numbers(run.parameters),
    },
    lossHistory: { loss: numbers(run.loss), learningRate: numbers(run.learningRate) },
    data: {
      n: data.n,
      scaling: {
        method: data.scaling.method,
        note: 'scaled = (raw − shift) / scale, for each of x1, x2 and y',
        x1: stats(data.scaling.x1),
        x2: stats(data.scaling.x2),
        y: stats(data.scaling.y),
      },
      raw: { x1: numbers(data.raw.x1), x2: numbers(data.raw.x2), noise: numbers(data.raw.noise), y: numbers(data.raw.y) },
      scaled: { x1: numbers(data.x1), x2: numbers(data.x2), y: numbers(data.y) },
      prediction: numbers(run.prediction),
    },
  };
  return JSON.stringify(document, null, 2).replace(NUMBER_ARRAY, (_, inner: string) => `[${inner.replace(/,\s+/g, ', ')}]`) + '\n';
}
