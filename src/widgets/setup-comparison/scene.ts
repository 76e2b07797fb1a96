// What the setup comparison shows, as pure functions of its two runs: both loss curves on one
// log axis against epochs or updates, each setup's Var(y) as a dashed line, a mark where a run
// diverged, and a side-by-side table of the numbers behind them (updates per epoch, the step in
// mean-loss terms against 2/λmax, the final loss and R², when R² first reached 0.9).
import { rSquared } from '../../trainer/loss';
import { downsampleIndices } from '../kit/downsample';
import { formatInteger, formatLoss, formatNumber, formatR2 } from '../../experiments/format';
import { tableEpochs } from '../../experiments/training/report';
import { lineChart, type LineSeries, type ReferenceLine } from '../kit/lineChart';
import type { ChartMarker } from '../kit/marker';
import type { SvgNode } from '../kit/svg';
import { SCALING_OPTIONS } from '../../experiments/data/settings';
import { LOSS_OPTIONS, RANGES, setupOf, type Setup, type SetupComparisonConfig, type SetupName, type XAxis } from '../../experiments/setup-comparison/settings';
import { GOOD_FIT, isFullBatch, samplesPerUpdate, type SetupRun } from '../../experiments/setup-comparison/run';

export const CHART_WIDTH = 420;
export const CHART_HEIGHT = 330;

const STYLE: Record<SetupName, { color: string; dash: string; name: string }> = {
  a: { color: 'var(--c-blue, #0072b2)', dash: '', name: 'A' },
  b: { color: 'var(--c-vermillion, #d55e00)', dash: '7 4', name: 'B' },
};

export type Runs = Record<SetupName, SetupRun>;

/** One line per setup: "A: original ranges, z-score, N = 300, mean loss, full batch". */
export function describeSetup(config: SetupComparisonConfig, s: SetupName): string {
  const setup = setupOf(config, s);
  const scaling = SCALING_OPTIONS.find((o) => o.value === setup.scaling)!.label;
  const loss = setup.lossForm === 'mean' ? 'mean loss' : 'summed loss';
  const batch = isFullBatch(setup) ? 'full batch' : `batches of ${formatInteger(samplesPerUpdate(setup))}`;
  return `${STYLE[s].name}: ${setup.range} ranges, ${scaling}, N = ${formatInteger(setup.n)}, ${loss}, ${batch}`;
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

export function lossChart(config: SetupComparisonConfig, runs: Runs): SvgNode {
  const xAxis: XAxis = config.xAxis;
  // A diverging run climbs towards 1e308; the axis stops a thousand times above the highest
  // starting loss or Var(y), and anything higher is drawn along the top edge.
  let top = 0, bottom = Infinity;
  for (const s of ['a', 'b'] as const) {
    const run = runs[s];
    for (const v of [run.losses[0], run.varY]) if (Number.isFinite(v) && v > 0) top = Math.max(top, v * 1e3);
    for (const v of run.losses) if (Number.isFinite(v) && v > 0) bottom = Math.min(bottom, v);
    if (run.varY > 0) bottom = Math.min(bottom, run.varY);
  }
  const domain: [number, number] | undefined = top > 0 && bottom < top ? [bottom, top] : undefined;
  const clamp = (v: number) => (domain && (v > domain[1] || v === Infinity) ? domain[1] : v);
  const series: LineSeries[] = [];
  const markers: ChartMarker[] = [];
  let xMax = 10;
  for (const s of ['a', 'b'] as const) {
    const run = runs[s];
    const per = xAxis === 'updates' ? run.updatesPerEpoch : 1;
    const keep = downsampleIndices(run.losses.length, (i) => run.losses[i], 200);
    series.push({ label: describeSetup(config, s), x: keep.map((e) => e * per), y: keep.map((e) => clamp(run.losses[e])), color: STYLE[s].color, dash: STYLE[s].dash });
    xMax = Math.max(xMax, config.epochs * per);
    if (run.status === 'diverged') {
      markers.push({ x: run.divergedAt * per, label: `${STYLE[s].name} diverged`, color: STYLE[s].color, dash: STYLE[s].dash || '2 2' });
    }
  }
  const references: ReferenceLine[] = sameValue(runs.a.varY, runs.b.varY)
    ? [{ value: runs.a.varY, label: `Var(y) = ${formatNumber(runs.a.varY)} (A and B)` }]
    : (['a', 'b'] as const).map((s) => ({ value: runs[s].varY, label: `Var(y) of ${STYLE[s].name} = ${formatNumber(runs[s].varY)}`, color: STYLE[s].color }));
  const end = (s: SetupName) => `${STYLE[s].name} ends at ${formatLoss(runs[s].losses[runs[s].epochs])}${runs[s].status === 'diverged' ? ' (diverged)' : ''}`;
  return lineChart({
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    margin: { top: 30, right: 14, bottom: 44, left: 66 },
    heading: `Loss L per ${xAxis === 'updates' ? 'update' : 'epoch'}, A and B`,
    title: `The mean squared error of setups A and B against ${xAxis} on a logarithmic axis: ${end('a')}; ${end('b')}.`,
    description:
      'Solid blue: setup A; dashed orange-red: setup B. Dashed horizontal lines: Var(y), the loss of always predicting the mean. ' +
      'A vertical mark shows where a run diverged. Whatever loss a setup trains on, the curve shows the mean squared error on all its samples.',
    x: { label: xAxis === 'updates' ? 'updates (parameter steps)' : 'epoch', domain: [0, xMax] },
    y: { label: 'loss L (log scale)', type: 'log', domain },
    series,
    references,
    markers,
    // The page shows the key above the chart, where the setups' long descriptions have room.
    legend: false,
  });
}

export const TABLE_ROWS: readonly { key: string; label: string }[] = [
  { key: 'data', label: 'data' },
  { key: 'training', label: 'loss and batch' },
  { key: 'updatesPerEpoch', label: 'updates per epoch' },
  { key: 'effectiveRate', label: 'step size in mean-loss terms' },
  { key: 'stableRate', label: '2/λmax at the start' },
  { key: 'varY', label: 'Var(y)' },
  { key: 'lossStart', label: 'loss at the start' },
  { key: 'lossEnd', label: 'loss at the end' },
  { key: 'r2', label: 'R² at the end' },
  { key: 'reached', label: `first epoch with R² ≥ ${GOOD_FIT}` },
  { key: 'status', label: 'outcome' },
];

/** "full batch", "10 per update", or "100 per update: all 30 samples, so the full batch". */
export function batchWords(setup: Setup): string {
  if (setup.batchSize === 'full') return 'full batch';
  if (isFullBatch(setup)) return `${formatInteger(setup.batchSize)} per update: all ${formatInteger(setup.n)} samples, so the full batch`;
  return `${formatInteger(setup.batchSize)} per update`;
}

/** Each setup's numbers by the keys of TABLE_ROWS, as printed. */
export function setupNumbers(config: SetupComparisonConfig, s: SetupName, run: SetupRun): Record<string, string> {
  const setup = setupOf(config, s);
  const batch = samplesPerUpdate(setup);
  const last = run.losses[run.epochs];
  return {
    data: `${RANGES[setup.range].label.split(':')[0]} ranges, ${SCALING_OPTIONS.find((o) => o.value === setup.scaling)!.label}, N = ${formatInteger(setup.n)}`,
    training: `${LOSS_OPTIONS.find((o) => o.value === setup.lossForm)!.label}; ${batchWords(setup)}`,
    updatesPerEpoch: formatInteger(run.updatesPerEpoch),
    effectiveRate: setup.lossForm === 'sum' ? `η × ${formatInteger(batch)} = ${formatNumber(run.effectiveRate)}` : `η = ${formatNumber(run.effectiveRate)}`,
    stableRate: formatNumber(run.stableRate),
    varY: formatNumber(run.varY),
    lossStart: formatLoss(run.losses[0]),
    lossEnd: formatLoss(last),
    r2: formatR2(rSquared(last, run.varY)),
    reached: run.reachedAt >= 0 ? formatInteger(run.reachedAt) : 'not reached',
    status:
      run.status === 'diverged'
        ? `diverged at epoch ${formatInteger(run.divergedAt)}`
        : `trained ${formatInteger(run.epochs)} epochs (${formatInteger(run.updates)} updates)`,
  };
}

export interface ComparisonScene {
  panels: { chart: SvgNode };
  /** 'a.lossEnd', 'b.r2', …: every number of the table, and each setup's description. */
  numbers: Record<string, string>;
  tables: { samples: string[][] };
  /** What the status line should say about a divergence (without advice), or null. */
  divergence: string | null;
  /** One sentence per setup: its loss and R² at the end. */
  summary: string;
}

export function comparisonScene(config: SetupComparisonConfig, runs: Runs): ComparisonScene {
  const numbers: Record<string, string> = {};
  for (const s of ['a', 'b'] as const) {
    for (const [k, v] of Object.entries(setupNumbers(config, s, runs[s]))) numbers[`${s}.${k}`] = v;
    numbers[`${s}.describe`] = describeSetup(config, s);
  }
  const gone = (['a', 'b'] as const).filter((s) => runs[s].status === 'diverged');
  const divergence = gone.length
    ? gone
        .map((s) => {
          const run = runs[s];
          const over = run.effectiveRate > run.stableRate ? ` Its step, ${formatNumber(run.effectiveRate)} in mean-loss terms, is above 2/λmax = ${formatNumber(run.stableRate)}.` : '';
          return `Setup ${STYLE[s].name} diverged at epoch ${formatInteger(run.divergedAt)}: each step overshot by more than the last until the loss was too large to represent.${over}`;
        })
        .join(' ')
    : null;
  const summary = (['a', 'b'] as const).map((s) => `${describeSetup(config, s)}: loss ${numbers[`${s}.lossEnd`]}, R² ${numbers[`${s}.r2`]}.`).join(' ');
  return { panels: { chart: lossChart(config, runs) }, numbers, tables: { samples: lossTableRows(config, runs) }, divergence, summary };
}

export const LOSS_TABLE_COLUMNS = ['epoch', 'updates A', 'loss A', 'R² A', 'updates B', 'loss B', 'R² B'];

export function lossTableRows(config: SetupComparisonConfig, runs: Runs): string[][] {
  const cell = (run: SetupRun, e: number) =>
    e <= run.epochs ? [formatInteger(e * run.updatesPerEpoch), formatLoss(run.losses[e]), formatR2(rSquared(run.losses[e], run.varY))] : ['–', 'diverged', '–'];
  return tableEpochs(config.epochs).map((e) => [formatInteger(e), ...cell(runs.a, e), ...cell(runs.b, e)]);
}
