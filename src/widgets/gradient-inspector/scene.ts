// Everything the gradient inspector shows for nine parameters on the data: the forward pass
// and loss in brief, each of the nine partial derivatives as lesson 6 writes it with its
// numbers, the finite-difference estimate beside it, and one gradient-descent step as a
// before/after table. Pure, so the .astro renders it at build time and the element on every change.
import type { Dataset } from '../../trainer/data';
import { meanSquaredError, rSquared } from '../../trainer/loss';
import { PARAMETER_NAMES, type ParameterName, type Parameters } from '../../trainer/parameters';
import { LESSON_ORDER } from '../../experiments/backprop/formulas';
import { proposeStep, type Inspection, type StepResult } from '../../experiments/gradient-inspector/inspection';
import { formatInteger, formatNumber } from '../../experiments/format';

/** The four sub-steps of one training step, in order. */
export const PHASES = [
  { id: 'forward', label: 'Forward pass' },
  { id: 'loss', label: 'Loss' },
  { id: 'backward', label: 'Backward pass' },
  { id: 'update', label: 'Update' },
] as const;
export type Phase = (typeof PHASES)[number]['id'];

export interface PartialSpec {
  name: ParameterName;
  /** TeX with @slots (src/lib/live-math.ts renders it at build time). */
  tex: string;
  /** The same as plain text, for screen readers. */
  text: string;
  /** What the sum runs over, as plain text with @slots. */
  over: string;
}

const d = (name: string) => String.raw`\frac{\partial L}{\partial ${name}}`;

function outputPartial(name: ParameterName, tex: string, symbol: string, text: string, over: string): PartialSpec {
  const key = name;
  return {
    name,
    tex: String.raw`${d(tex)} = \frac{2}{N}\sum_{i} ${symbol} = \frac{2}{@N}\cdot(@s_${key}) = @g_${key}`,
    text: `∂L/∂${name} = (2/N)·Σ ${text} = (2/@N)·(@s_${key}) = @g_${key}`,
    over,
  };
}

function hiddenPartial(name: ParameterName, unit: 1 | 2, input: string, inputText: string): PartialSpec {
  const weight = unit === 1 ? 'W5' : 'W6';
  const sub = name[0] + '_' + name[1];
  return {
    name,
    tex: String.raw`${d(sub)} = W_${weight[1]}\cdot\frac{2}{N}\sum_{z_{${unit},i}>0} e_i${input} = (@${weight})\cdot\frac{2}{@N}\cdot(@s_${name}) = @g_${name}`,
    text: `∂L/∂${name} = ${weight}·(2/N)·Σ over z${unit} > 0 of e${inputText} = (@${weight})·(2/@N)·(@s_${name}) = @g_${name}`,
    over: `@n_${name} samples where unit ${unit} is on`,
  };
}

/** The nine formulas, in lesson 6's order: output layer, then unit 1, then unit 2. */
export const PARTIALS: Record<ParameterName, PartialSpec> = {
  B3: outputPartial('B3', 'B_3', 'e_i', 'e', 'all @n_B3 samples'),
  W5: outputPartial('W5', 'W_5', String.raw`e_i\,h_{1,i}`, 'e·h1', '@n_W5 samples where unit 1 is on (elsewhere h1 = 0)'),
  W6: outputPartial('W6', 'W_6', String.raw`e_i\,h_{2,i}`, 'e·h2', '@n_W6 samples where unit 2 is on (elsewhere h2 = 0)'),
  B1: hiddenPartial('B1', 1, '', ''),
  W1: hiddenPartial('W1', 1, String.raw`\,x_{1,i}`, '·x1'),
  W3: hiddenPartial('W3', 1, String.raw`\,x_{2,i}`, '·x2'),
  B2: hiddenPartial('B2', 2, '', ''),
  W2: hiddenPartial('W2', 2, String.raw`\,x_{1,i}`, '·x1'),
  W4: hiddenPartial('W4', 2, String.raw`\,x_{2,i}`, '·x2'),
};

export const GROUPS: readonly { title: string; names: readonly ParameterName[] }[] = [
  { title: 'Output layer', names: LESSON_ORDER.slice(0, 3) },
  { title: 'Hidden unit 1 (through W5)', names: LESSON_ORDER.slice(3, 6) },
  { title: 'Hidden unit 2 (through W6)', names: LESSON_ORDER.slice(6, 9) },
];

/** The analysis of one set of parameters: forward pass, loss, gradient and its check. */
/** Every slot of the nine formulas and the check columns: g_ (backprop), fd_, diff_, s_, n_. */
export function partialNumbers(x: Inspection, n: number): Record<string, string> {
  const numbers: Record<string, string> = { N: formatInteger(n) };
  PARAMETER_NAMES.forEach((name, j) => {
    const piece = x.pieces[name];
    numbers[name] = formatNumber(x.params[j]);
    numbers[`s_${name}`] = formatNumber(piece.sum);
    numbers[`n_${name}`] = formatInteger(piece.terms);
    numbers[`g_${name}`] = formatNumber(x.gradient[j]);
    numbers[`fd_${name}`] = formatNumber(x.estimate[j]);
    numbers[`diff_${name}`] = formatNumber(x.gradient[j] - x.estimate[j]);
  });
  return numbers;
}

export const STEP_COLUMNS = ['parameter', 'before', '∂L/∂θ', 'change −η·∂L/∂θ', 'after'] as const;

export interface StepRow {
  name: ParameterName;
  changed: boolean;
  cells: string[];
}

/** The before/after table, in the course's order W1…B3; an unchanged parameter says so. */
export function stepRows(step: StepResult): StepRow[] {
  return PARAMETER_NAMES.map((name, j) => {
    const change = step.after[j] - step.before[j];
    const changed = change !== 0;
    const direction = change > 0 ? '▲ ' : change < 0 ? '▼ ' : '';
    return {
      name,
      changed,
      cells: [
        name,
        formatNumber(step.before[j]),
        formatNumber(step.gradient[j]),
        changed ? `${direction}${formatNumber(-step.learningRate * step.gradient[j])}` : '0 (unchanged)',
        formatNumber(step.after[j]),
      ],
    };
  });
}

/** The current parameters' numbers beside the formulas: units on, loss, Var(y), R². */
export function currentNumbers(x: Inspection): Record<string, string> {
  return { on1: formatInteger(x.on1), on2: formatInteger(x.on2), loss: formatNumber(x.loss), varY: formatNumber(x.varY), r2: formatNumber(x.r2) };
}

/** The update panel's numbers: loss and R² before and after a step, and the table's caption. */
export function stepNumbers(step: StepResult, lossBefore: number, lossAfter: number, varY: number, taken: boolean): Record<string, string> {
  const eta = formatNumber(step.learningRate);
  return {
    lossBefore: formatNumber(lossBefore),
    r2Before: formatNumber(rSquared(lossBefore, varY)),
    lossAfter: formatNumber(lossAfter),
    r2After: formatNumber(rSquared(lossAfter, varY)),
    varYUpdate: formatNumber(varY),
    stepCaption: taken
      ? `The step just taken, with η = ${eta}. Changed values are marked ▲ (up) or ▼ (down).`
      : `The next step, with η = ${eta}: what it would change. Changed values are marked ▲ (up) or ▼ (down).`,
  };
}

/** The sentence for a sub-step, for the visible note and screen readers. */
export function phaseMessage(phase: Phase | 'idle', x: Inspection, n: number, step?: StepResult, afterLoss?: number): string {
  const N = formatInteger(n);
  switch (phase) {
    case 'idle':
      return 'Press Next sub-step to walk through one training step (forward, loss, backward, update), or Take one step to do all four at once.';
    case 'forward':
      return `1 Forward pass: all ${N} samples go through the network. Unit 1 is on for ${formatInteger(x.on1)} of them, unit 2 for ${formatInteger(x.on2)}.`;
    case 'loss':
      return `2 Loss: L = ${formatNumber(x.loss)} against Var(y) = ${formatNumber(x.varY)}, so R² = ${formatNumber(x.r2)}.`;
    case 'backward': {
      let largest = 0;
      x.gradient.forEach((g, j) => (Math.abs(g) > Math.abs(x.gradient[largest]) ? (largest = j) : null));
      const zeros = PARAMETER_NAMES.filter((_, j) => x.gradient[j] === 0);
      return (
        `3 Backward pass: all nine partial derivatives. The largest in size is ∂L/∂${PARAMETER_NAMES[largest]} = ${formatNumber(x.gradient[largest])}. ` +
        (zeros.length ? `Exactly zero: ${zeros.join(', ')}.` : 'None is zero.')
      );
    }
    case 'update': {
      if (!step || afterLoss === undefined) return '4 Update: every parameter moves by −η times its partial derivative.';
      const unchanged = PARAMETER_NAMES.filter((_, j) => step.after[j] === step.before[j]);
      return (
        `4 Update with η = ${formatNumber(step.learningRate)}: the loss went from ${formatNumber(x.loss)} to ${formatNumber(afterLoss)}. ` +
        (unchanged.length ? `Unchanged: ${unchanged.join(', ')}.` : 'Every parameter moved.')
      );
    }
  }
}

/** A step that was taken: its numbers and the inspection of the parameters before it. */
export interface TakenStep {
  step: StepResult;
  before: Inspection;
}

export interface InspectorView {
  /** Every [data-live] slot and [data-number] text. */
  numbers: Record<string, string>;
  rows: StepRow[];
  message: string;
}

/**
 * What the widget shows for the inspection `x` of the current parameters: the formulas' numbers,
 * and either the step just taken (`taken`, whose result `x` is) or a preview of the next one.
 */
export function inspectorView(x: Inspection, data: Dataset, learningRate: number, phase: Phase | 'idle', taken: TakenStep | null): InspectorView {
  const step = taken ? taken.step : proposeStep(x, learningRate);
  const lossBefore = taken ? taken.before.loss : x.loss;
  const lossAfter = taken ? x.loss : meanSquaredError(step.after, data, 2);
  return {
    numbers: { ...partialNumbers(x, data.n), ...currentNumbers(x), ...stepNumbers(step, lossBefore, lossAfter, x.varY, taken !== null) },
    rows: stepRows(step),
    message: phaseMessage(phase, phase === 'update' && taken ? taken.before : x, data.n, step, lossAfter),
  };
}
