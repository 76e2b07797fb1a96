// What the backward-sweep widget draws after a number of steps: the whole computation graph (every
// node with its value and, once known, its gradient; the edges the sweep has used marked, the
// current step's in colour) and the current step large — the node, the gradient that arrived from
// above, each parent with its local derivative and the product passed down, and where paths meet,
// the sum. Pure: the .astro draws the server figure with it, the custom element every step.
import { formatNumber, formatSignificant } from '../../experiments/format';
import { graphNodeCount } from '../../experiments/backward-graph/settings';
import { stateAfter, type BackwardSweep, type SweepNode, type SweepState } from '../../experiments/backward-graph/sweep';
import { h, round, type AttrValue, type SvgNode } from '../kit/svg';
import { figureRootAttrs, MIN_TEXT_PX, TEXT_SIZES, textClass } from '../kit/type';

export const GRAPH_WIDTH = 1200;
export const STEP_WIDTH = 340;

/**
 * The narrowest the graph is drawn, CSS px: its box keeps this width and scrolls sideways on a
 * narrower screen (BackwardGraph.astro), and a desktop's column (about 890 px) is wider. The boxes
 * are laid out for the words at this width, where they are largest in viewBox units.
 */
export const GRAPH_MIN_PX = 860;
/** The graph's words at their largest, in viewBox units (kit/type.ts: never below 12 px). */
const GRAPH_TEXT = Math.max(TEXT_SIZES.body, (MIN_TEXT_PX * GRAPH_WIDTH) / GRAPH_MIN_PX);
const GRAPH_LINE = Math.ceil(GRAPH_TEXT * 1.2);
export const NODE_W = 100;
/** Four lines: a sum's name takes two ("W1·x1+" over "W3·x2"), then the value and the gradient. */
export const NODE_H = 4 * GRAPH_LINE + 8;
const ROW_GAP = 10;
const MARGIN = { top: Math.ceil(GRAPH_TEXT * 2), bottom: 10, left: 8, right: 8 };

const PARAMETER_FILL = 'var(--c-sky, #56b4e9)';
const DATA_FILL = 'var(--border, #ccc)';
const CURRENT = 'var(--c-vermillion, #d55e00)';
const SWEPT = 'var(--c-blue, #0072b2)';

/** The local derivative of each operation, in words, as autodiff.ts writes it beside the operation. */
export const LOCAL_RULES: Readonly<Record<string, string>> = {
  '+': 'a + b: ∂/∂a = 1, ∂/∂b = 1',
  '−': 'a − b: ∂/∂a = 1, ∂/∂b = −1',
  '×': 'a · b: ∂/∂a = b, ∂/∂b = a',
  '×c': 'c · a: ∂/∂a = c',
  square: 'a²: ∂/∂a = 2a',
  ReLU: 'ReLU(a): ∂/∂a = 1 if a > 0, else 0',
  sum: 'Σ a: ∂/∂(each) = 1',
  mean: 'mean of N values: ∂/∂(each) = 1/N',
  '': 'a leaf (a parameter or a number of the data): it has nothing to pass on',
};

/** "z1", or "z1 (sample 2)" when the graph holds more than one sample. */
export function nodeName(node: SweepNode, samples: number): string {
  return node.sample !== null && samples > 1 ? `${node.label} (sample ${node.sample + 1})` : node.label;
}

const n4 = (v: number) => formatNumber(v);
/** A node's value, its trailing zeros kept when they are rounding's (z1 = −9.000 is not −9 exactly). */
const v4 = (v: number) => formatSignificant(v);

/**
 * A text squeezed to `room` when it would be wider (a value in powers of ten), so it stays inside
 * its box; DejaVu Sans's digits are 0.64 em.
 */
function fitted(attrs: Record<string, AttrValue>, text: string, room: number, size = GRAPH_TEXT): SvgNode {
  return h('text', [...text].length * 0.64 * size > room ? { ...attrs, textLength: round(room), lengthAdjust: 'spacingAndGlyphs' } : attrs, text);
}

/** ∂L/∂z1, or ∂L/∂(W1·x1) when the node's name is a formula. */
export function partialName(label: string): string {
  return /^[\p{L}\p{N}²]+$/u.test(label) ? `∂L/∂${label}` : `∂L/∂(${label})`;
}

export interface GraphLayout {
  /** Top-left corner of each node's box, in viewBox units. */
  x: number[];
  y: number[];
  columns: number;
  /** The viewBox height: room for the fullest column. */
  height: number;
}

/**
 * Columns from left to right in the order the forward pass computes: an operation one column
 * right of its last parent, a leaf (parameter, input, target) just left of the first node using
 * it. Rows are set from L backwards, so the graph reads like a tree: each node sits in the order
 * its first user lists it (z1's products above z2's), samples in bands from top to bottom with
 * the shared parameters between sample 1 and the rest (beside sample 1's nodes when it is alone),
 * spread evenly down each column.
 */
export function graphLayout(sweep: BackwardSweep): GraphLayout {
  const { nodes } = sweep;
  const samples = sweep.samples.length;
  const column = new Array<number>(nodes.length).fill(0);
  const children: number[][] = nodes.map(() => []);
  for (const node of nodes) {
    for (const p of node.parents) children[p].push(node.index);
    if (node.parents.length) column[node.index] = 1 + Math.max(...node.parents.map((p) => column[p]));
  }
  for (const node of nodes) {
    if (!node.parents.length && children[node.index].length) column[node.index] = Math.min(...children[node.index].map((c) => column[c])) - 1;
  }
  const columns = Math.max(...column) + 1;
  const band = (node: SweepNode) => (node.sample === null ? (samples === 1 ? 0 : 1) : 2 * node.sample);
  // rank[i]: the node's place in its column, decided column by column from the right.
  const rank = new Array<number>(nodes.length).fill(0);
  const x = new Array<number>(nodes.length), y = new Array<number>(nodes.length);
  const step = (GRAPH_WIDTH - MARGIN.left - MARGIN.right - NODE_W) / Math.max(1, columns - 1);
  const fullest = Math.max(...Array.from({ length: columns }, (_, c) => column.filter((k) => k === c).length));
  const height = MARGIN.top + fullest * (NODE_H + ROW_GAP) + MARGIN.bottom;
  const usable = height - MARGIN.top - MARGIN.bottom;
  for (let c = columns - 1; c >= 0; c--) {
    const key = (node: SweepNode) => {
      // Where its first user sits, then which input of that user it is (a node's users are to its right, already ranked).
      let best = Infinity;
      for (const child of children[node.index]) best = Math.min(best, y[child] * 16 + nodes[child].parents.indexOf(node.index));
      return best === Infinity ? 0 : best;
    };
    const inColumn = nodes.filter((node) => column[node.index] === c).sort((a, b) => band(a) - band(b) || key(a) - key(b) || a.index - b.index);
    const slot = usable / inColumn.length;
    inColumn.forEach((node, j) => {
      rank[node.index] = j;
      x[node.index] = MARGIN.left + c * step;
      y[node.index] = MARGIN.top + (j + 0.5) * slot - NODE_H / 2;
    });
  }
  return { x, y, columns, height };
}

function fillOf(node: SweepNode): string {
  if (node.kind === 'parameter') return PARAMETER_FILL;
  if (node.kind === 'input' || node.kind === 'target') return DATA_FILL;
  return 'var(--surface, #f1f2f4)';
}

/** The overview: every node (label, value, gradient so far), every edge, the current step marked. */
export function graphPanel(sweep: BackwardSweep, state: SweepState, layout: GraphLayout): SvgNode {
  const { nodes } = sweep;
  const samples = sweep.samples.length;
  const current = state.current;
  const edges: SvgNode[] = [];
  for (const node of nodes) {
    for (const p of node.parents) {
      const isCurrent = current !== null && current.node === node.index;
      const used = state.swept[node.index];
      const x1 = layout.x[p] + NODE_W, y1 = layout.y[p] + NODE_H / 2;
      const x2 = layout.x[node.index], y2 = layout.y[node.index] + NODE_H / 2;
      edges.push(h('line', {
        x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2),
        stroke: isCurrent ? CURRENT : used ? SWEPT : 'currentColor',
        'stroke-width': isCurrent ? 3 : used ? 1.6 : 0.8,
        'stroke-opacity': isCurrent || used ? 1 : 0.35,
        'stroke-dasharray': used || isCurrent ? null : '3 3',
        'data-edge': `${p}-${node.index}`,
      }));
    }
  }
  const boxes = nodes.map((node) => {
    const isCurrent = current !== null ? current.node === node.index : node.index === nodes.length - 1;
    const swept = state.swept[node.index];
    const received = state.received[node.index] > 0 || node.index === nodes.length - 1;
    const x = layout.x[node.index], y = layout.y[node.index];
    // A sum's long name takes two lines ("W1·x1+" over "W3·x2"); the sample is a raised mark.
    const mark = node.sample !== null && samples > 1 ? ` ⁽${'¹²³'[node.sample]}⁾` : '';
    const parts = node.label.split(' + ');
    const names = parts.length === 2 ? [`${parts[0]}+`, `${parts[1]}${mark}`] : [`${node.label}${mark}`];
    const room = NODE_W - 10;
    const line = (k: number) => round(y + 4 + GRAPH_LINE * (k + 0.8));
    return h('g', { 'data-node': node.index, 'data-swept': swept ? 'true' : 'false', 'data-current': isCurrent ? 'true' : null }, [
      h('rect', {
        x: round(x), y: round(y), width: NODE_W, height: NODE_H, rx: 5,
        fill: fillOf(node),
        'fill-opacity': node.kind === 'operation' ? 1 : 0.45,
        stroke: isCurrent ? CURRENT : swept ? SWEPT : 'currentColor',
        'stroke-width': isCurrent ? 3 : swept ? 1.8 : 0.8,
      }),
      ...names.map((name, k) => fitted({ class: textClass('body'), x: round(x + 5), y: line(k), 'font-weight': 600 }, name, room)),
      fitted({ class: textClass('body'), x: round(x + 5), y: line(names.length) }, v4(node.value), room),
      // Italic until the node's own turn: more may still arrive.
      fitted({ class: textClass('body'), x: round(x + 5), y: line(names.length + 1), fill: swept ? SWEPT : 'currentColor', 'font-style': swept ? null : 'italic' },
        received ? `∂ ${n4(state.gradient[node.index])}` : '∂ ?', room),
    ]);
  });
  const legend = h('g', { class: textClass('body') }, [
    // The full sentence (what a box holds) is in the caption: at its size on a phone or on paper it is wider than the figure.
    h('text', { class: textClass('heading'), x: MARGIN.left, y: round(GRAPH_TEXT * 1.3) }, 'Each box: node, value, ∂L/∂(node) (italic: may still grow)'),
  ]);
  return h('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `0 0 ${GRAPH_WIDTH} ${layout.height}`,
    ...figureRootAttrs(GRAPH_WIDTH, layout.height),
    role: 'img',
    'aria-label': `The computation graph of L over ${samples} sample${samples === 1 ? '' : 's'}: ${nodes.length} nodes, swept backwards from L`,
    fill: 'currentColor',
  }, [
    h('title', {}, 'The computation graph, swept backwards'),
    h('desc', {}, `Inputs, targets and parameters on the left, L on the right. ${describeState(sweep, state)} The table below lists every step.`),
    legend,
    h('g', { 'data-edges': '' }, edges),
    h('g', { 'data-nodes': '', fill: 'currentColor' }, boxes),
  ]);
}

/** One sentence for the current step (also the live region's text). */
export function describeState(sweep: BackwardSweep, state: SweepState): string {
  const samples = sweep.samples.length;
  const step = state.current;
  if (!step) return `Before the sweep: only ∂L/∂L = 1 is known. L = ${n4(sweep.loss)}.`;
  const node = sweep.nodes[step.node];
  const name = nodeName(node, samples);
  if (!step.passes.length) {
    return node.kind === 'parameter'
      ? `${name} is a parameter: nothing to pass on, and ${partialName(node.label)} = ${n4(step.gradient)} is final.`
      : `${name} is a number of the data: its gradient ${n4(step.gradient)} is computed but nothing uses it.`;
  }
  const passes = step.passes.map((p) => {
    const parent = nodeName(sweep.nodes[p.parent], samples);
    const met = p.contribution > 1 ? ` (its ${ordinal(p.contribution)} contribution; it now holds ${n4(p.parentTotal)})` : '';
    return `${parent} gets ${n4(step.gradient)} × ${n4(p.localDerivative)} = ${n4(p.product)}${met}`;
  });
  return `${name} holds ${partialName(node.label)} = ${n4(step.gradient)} and passes it down: ${passes.join('; ')}.`;
}

function ordinal(n: number): string {
  return n === 2 ? 'second' : n === 3 ? 'third' : `${n}th`;
}

/** The step panel's words: its size in viewBox units is the same on a desktop and on a phone (kit/type.ts). */
const STEP_TEXT = TEXT_SIZES.heading;
const STEP_LINE = Math.ceil(STEP_TEXT * 1.45);
const STEP_TITLE = Math.ceil(TEXT_SIZES.large * 1.6);

/**
 * The current step, large: the node with what arrived from above, then each parent below it with
 * its local derivative and the product passed down. One column, so the same layout reads on a
 * phone (drawn about 309 px wide) and beside the numbers on a desktop; its height follows the
 * number of parents (stepHeight).
 */
export function stepPanel(sweep: BackwardSweep, state: SweepState): SvgNode {
  const samples = sweep.samples.length;
  const step = state.current;
  const nodeIndex = step ? step.node : sweep.nodes.length - 1;
  const node = sweep.nodes[nodeIndex];
  const gradient = step ? step.gradient : 1;
  const width = STEP_WIDTH - 16;
  const children: SvgNode[] = [];
  const box = (x: number, y: number, w: number, title: string, lines: string[], stroke: string): number => {
    const height = STEP_TITLE + STEP_LINE * lines.length + 4;
    children.push(h('g', {}, [
      h('rect', { x, y, width: w, height, rx: 6, fill: 'var(--surface, #f1f2f4)', stroke, 'stroke-width': 2 }),
      fitted({ class: textClass('large'), x: x + 10, y: y + STEP_TITLE - 6, 'font-weight': 700 }, title, w - 20, TEXT_SIZES.large),
      ...lines.map((line, i) => fitted({ class: textClass('heading'), x: x + 10, y: y + STEP_TITLE + STEP_LINE * (i + 1) - 8 }, line, w - 20, STEP_TEXT)),
    ]));
    return y + height;
  };
  let y = 8;
  children.push(h('text', { class: textClass('heading'), x: 8, y: y + STEP_TEXT }, step ? 'Arrived from above:' : 'The sweep starts at L:'));
  y += STEP_LINE + 4;
  const sampleLine = node.sample !== null && samples > 1 ? [`sample ${node.sample + 1}`] : [];
  y = box(8, y, width, nodeName(node, samples), [...sampleLine, `value ${v4(node.value)}`, `${partialName(node.label)} = ${n4(gradient)}`, node.operation ? `operation ${node.operation}` : 'a leaf'], CURRENT);
  const passes = step?.passes ?? [];
  if (!passes.length) {
    const lines = !step
      ? ['Press Next: L passes ∂L/∂L = 1,', 'times its local derivative,', 'down to each e².']
      : node.kind === 'parameter'
        ? ['A parameter: nothing to pass on.', 'Its gradient is final:', 'training uses it.']
        : ['A number of the data: nothing to', 'pass on, and training does not', 'need its gradient.'];
    y += 6;
    for (const line of lines) {
      y += STEP_LINE;
      children.push(fitted({ class: textClass('heading'), x: 8, y: y - 6 }, line, width, STEP_TEXT));
    }
  } else {
    y += 6;
    y += STEP_LINE;
    children.push(h('text', { class: textClass('heading'), x: 8, y: y - 6 }, passes.length > 1 ? 'It passes down to each parent:' : 'It passes down to its parent:'));
    for (const pass of passes) {
      const parent = sweep.nodes[pass.parent];
      const lines = [`${n4(gradient)} × local ${n4(pass.localDerivative)}`, `= ${n4(pass.product)} passed down`];
      if (pass.contribution > 1) lines.push(`it now holds ${n4(pass.parentTotal)} (${pass.contribution} added)`);
      const top = y + 4;
      y = box(28, top, width - 20, nodeName(parent, samples), lines, SWEPT);
      children.push(h('line', { x1: 16, y1: top - 4, x2: 16, y2: top + STEP_TITLE / 2, stroke: SWEPT, 'stroke-width': 2 }));
      children.push(h('line', { x1: 16, y1: top + STEP_TITLE / 2, x2: 28, y2: top + STEP_TITLE / 2, stroke: SWEPT, 'stroke-width': 2 }));
    }
  }
  const height = Math.ceil(y + 8);
  return h('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `0 0 ${STEP_WIDTH} ${height}`,
    ...figureRootAttrs(STEP_WIDTH, height),
    role: 'img',
    'aria-label': 'The current step of the backward sweep',
    fill: 'currentColor',
  }, [h('title', {}, 'The current step of the sweep'), h('desc', {}, describeState(sweep, state)), ...children]);
}

export const STEP_COLUMNS = ['step', 'node', 'value', '∂L/∂node', 'passes down (gradient × local derivative)'];

/** The whole sweep as rows: the text alternative to both pictures. */
export function stepRows(sweep: BackwardSweep): string[][] {
  const samples = sweep.samples.length;
  return sweep.steps.map((step, k) => {
    const node = sweep.nodes[step.node];
    const passes = step.passes.map((p) => `${nodeName(sweep.nodes[p.parent], samples)}: ${n4(step.gradient)} × ${n4(p.localDerivative)} = ${n4(p.product)}${p.contribution > 1 ? ` (now ${n4(p.parentTotal)})` : ''}`);
    return [String(k + 1), nodeName(node, samples), v4(node.value), n4(step.gradient), passes.join('; ') || '—'];
  });
}

export interface BackwardGraphScene {
  panels: { graph: SvgNode; step: SvgNode };
  numbers: Record<string, string>;
  tables: { steps: string[][] };
  /** The step shown, clamped to the sweep. */
  step: number;
  total: number;
}

/** Everything the widget shows after `step` steps. */
export function backwardGraphScene(sweep: BackwardSweep, step: number): BackwardGraphScene {
  const total = graphNodeCount(sweep.samples.length);
  const shown = Math.max(0, Math.min(step, total));
  const state = stateAfter(sweep, shown);
  const layout = graphLayout(sweep);
  const node = state.current ? sweep.nodes[state.current.node] : sweep.nodes[sweep.nodes.length - 1];
  const parameterGradients = sweep.parameters.map((p) => `${sweep.nodes[p].label} ${state.swept[p] ? n4(sweep.nodes[p].gradient) : '?'}`);
  return {
    panels: { graph: graphPanel(sweep, state, layout), step: stepPanel(sweep, state) },
    numbers: {
      step: String(shown),
      total: String(total),
      node: nodeName(node, sweep.samples.length),
      rule: LOCAL_RULES[node.operation] ?? node.operation,
      say: describeState(sweep, state),
      loss: n4(sweep.loss),
      parameters: parameterGradients.join(', '),
    },
    tables: { steps: stepRows(sweep) },
    step: shown,
    total,
  };
}
