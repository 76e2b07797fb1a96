// Every number lesson 4 ("The forward pass") prints, computed from the trainer. The worked
// sample uses the forward-pass widget's own scene, so the prose and the widget's starting
// state show the same digits.
import { forward, initParams, makeDataset, operationsPerSample, PARAMETER_NAMES, type Parameters } from '../trainer';
import { allSamples, passNumbers, samplePass, INPUT_DECIMALS, RESULT_DECIMALS } from '../experiments/forward-pass/pass';
import { forwardPassSettings } from '../experiments/forward-pass/settings';
import { startingParameters, startValues } from '../experiments/parameters/start';
import { fixed, percent, printedValue } from './format';

const data = makeDataset();
const params: Parameters = initParams({ preset: 'writeup-example' });
const index = forwardPassSettings.defaults.sample - 1;
const pass = samplePass(params, data, index);
const shown = passNumbers(params, pass);
const every = allSamples(params, data);
const forwardOps = operationsPerSample(2).forward;

/** A product of two factors as the lesson prints it (rounded like every computed number). */
const product = (a: number, b: number) => fixed(a * b, RESULT_DECIMALS);

/** The first sample whose pass has both units on / both off (1-based; null if none). */
function firstSample(test: (z1: number, z2: number) => boolean): number | null {
  for (let i = 0; i < data.n; i++) {
    const { z } = forward(params, data.x1[i], data.x2[i], 2);
    if (test(z[0], z[1])) return i + 1;
  }
  return null;
}

function bothOnPass() {
  const number = firstSample((a, b) => a > 0 && b > 0) ?? 1;
  const p = samplePass(params, data, number - 1);
  const x1 = fixed(p.x1, INPUT_DECIMALS);
  const x2 = fixed(p.x2, INPUT_DECIMALS);
  // The answer is worked from the printed numbers, so the student's calculation meets it exactly
  // and the exercise can accept only what rounds to the two decimals it shows.
  const printed = (name: (typeof PARAMETER_NAMES)[number]) => printedValue(shown[name]);
  const z2 = printed('W2') * printedValue(x1) + printed('W4') * printedValue(x2) + printed('B2');
  return { number, x1, x2, z2, exactZ2: p.z2 };
}

/** The first few rows of the all-samples table, and the last one. */
const TABLE_HEAD = 4;
const rowOf = (i: number) => {
  const p = samplePass(params, data, i);
  const r = (v: number) => fixed(v, RESULT_DECIMALS);
  return { number: i + 1, x1: fixed(p.x1, INPUT_DECIMALS), x2: fixed(p.x2, INPUT_DECIMALS), z1: r(p.z1), h1: r(p.h1), z2: r(p.z2), h2: r(p.h2), yhat: r(p.yhat), y: fixed(p.y, INPUT_DECIMALS), e: r(p.e) };
};

/** The widget's text for these slots. */
function pick<K extends string>(keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, shown[k]])) as Record<K, string>;
}

const W = Object.fromEntries(PARAMETER_NAMES.map((name, j) => [name, params[j]])) as Record<(typeof PARAMETER_NAMES)[number], number>;
const lossBeside = 1 - every.loss / every.varY;

/** The He start as the widget's "Start from" loads it, for the exercise only the widget's summary answers. */
const heEvery = allSamples(startingParameters({ start: 'he', ...startValues('he') }), data);

export const forwardPass = {
  n: data.n,
  widgetOnly: { heOn2: heEvery.on2 },
  decimals: { input: INPUT_DECIMALS, result: RESULT_DECIMALS },
  /** The nine starting values, as the widget prints them. */
  params: pick(PARAMETER_NAMES),
  sample: {
    number: index + 1,
    ...pick(['x1', 'x2', 'y', 'z1', 'h1', 'z2', 'h2', 'yhat', 'e', 'e2'] as const),
    /** The products inside z1, z2 and ŷ. */
    W1x1: product(W.W1, pass.x1),
    W3x2: product(W.W3, pass.x2),
    W2x1: product(W.W2, pass.x1),
    W4x2: product(W.W4, pass.x2),
    W5h1: product(W.W5, pass.h1),
    W6h2: product(W.W6, pass.h2),
    unit1On: pass.z1 > 0,
    unit2On: pass.z2 > 0,
  },
  /** Samples (1-based) where both units are on, and where both are off, under this start. */
  bothOn: firstSample((a, b) => a > 0 && b > 0),
  bothOff: firstSample((a, b) => a <= 0 && b <= 0),
  /** The sample where both units are on, for the exercise (1-based number and its printed numbers). */
  bothOnPass: bothOnPass(),
  table: [...Array.from({ length: TABLE_HEAD }, (_, i) => rowOf(i)), rowOf(data.n - 1)],
  all: {
    loss: every.loss.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
    varY: fixed(every.varY, 3),
    r2: lossBeside.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).replace('-', '−'),
    on1: every.on1,
    on2: every.on2,
    on1Share: percent(every.on1 / data.n),
    on2Share: percent(every.on2 / data.n),
  },
  /** Arithmetic of one pass (the trainer's operation counts): 2 multiplications and 2 additions in each of z1, z2 and ŷ. */
  count: {
    multiplications: forwardOps.multiplications,
    additions: forwardOps.additions,
    relus: forwardOps.comparisons,
    totalMultiplications: (forwardOps.multiplications * data.n).toLocaleString('en-GB'),
  },
  /** Unrounded values for the tests. */
  exact: { params, pass, loss: every.loss, varY: every.varY, on1: every.on1, on2: every.on2 },
};
