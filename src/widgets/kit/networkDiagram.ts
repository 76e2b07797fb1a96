// The 2-2-1 network as a picture: five nodes (x1, x2, h1, h2, ŷ), six weighted edges and
// three biases. Pure, so every widget that shows the network draws it the same way, on the
// server and in the browser. An edge's thickness grows with |weight| on a fixed scale (the
// same weight is equally thick in every figure); its sign is told twice, by colour and by
// dash, so it survives colour-blindness and greyscale print.
import { PARAMETER_NAMES, type ParameterName } from '../../trainer/parameters';
import type { UnitState } from '../../trainer/units';
import { formatFixed } from '../../experiments/format';
import { h, round, type SvgNode } from './svg';
import { COLOURS, NEUTRALS } from './palette';
import { figureRootAttrs, textClass, textSizeOnPhone } from './type';

export type Sign = 'positive' | 'negative' | 'zero';

export interface EdgeStyle {
  sign: Sign;
  /** stroke-width in viewBox units. */
  width: number;
  color: string;
  /** stroke-dasharray, or undefined for a solid line. */
  dash: string | undefined;
}

export const POSITIVE_COLOR = COLOURS.blue;
export const NEGATIVE_COLOR = COLOURS.vermillion;
export const ZERO_COLOR = NEUTRALS.muted;
export const NEGATIVE_DASH = '7 4';
export const ZERO_DASH = '1 4';
export const MIN_EDGE_WIDTH = 1;
export const MAX_EDGE_WIDTH = 11;

/**
 * How an edge with this weight is drawn: width 1 + 3·√|w| (so 0 → 1, 1 → 4, 4 → 7, and
 * 10 or more → 11), blue and solid if positive, vermillion and dashed if negative, a thin
 * grey dotted line if exactly zero (the connection is there, but carries nothing).
 */
export function edgeStyle(weight: number): EdgeStyle {
  if (!Number.isFinite(weight)) return { sign: 'zero', width: MIN_EDGE_WIDTH, color: ZERO_COLOR, dash: ZERO_DASH };
  const width = round(Math.min(MAX_EDGE_WIDTH, MIN_EDGE_WIDTH + 3 * Math.sqrt(Math.abs(weight))), 2);
  if (weight > 0) return { sign: 'positive', width, color: POSITIVE_COLOR, dash: undefined };
  if (weight < 0) return { sign: 'negative', width, color: NEGATIVE_COLOR, dash: NEGATIVE_DASH };
  return { sign: 'zero', width: MIN_EDGE_WIDTH, color: ZERO_COLOR, dash: ZERO_DASH };
}

export type NodeName = 'x1' | 'x2' | 'h1' | 'h2' | 'yhat';

/** The six connections in the course's naming: W1 x1→h1, W2 x1→h2, W3 x2→h1, W4 x2→h2, W5 h1→ŷ, W6 h2→ŷ. */
export const EDGES: readonly { name: ParameterName; from: NodeName; to: NodeName }[] = [
  { name: 'W1', from: 'x1', to: 'h1' },
  { name: 'W2', from: 'x1', to: 'h2' },
  { name: 'W3', from: 'x2', to: 'h1' },
  { name: 'W4', from: 'x2', to: 'h2' },
  { name: 'W5', from: 'h1', to: 'yhat' },
  { name: 'W6', from: 'h2', to: 'yhat' },
];

/** Which node each bias belongs to. */
export const BIASES: readonly { name: ParameterName; node: NodeName }[] = [
  { name: 'B1', node: 'h1' },
  { name: 'B2', node: 'h2' },
  { name: 'B3', node: 'yhat' },
];

export const DIAGRAM_WIDTH = 420;
export const DIAGRAM_HEIGHT = 260;
const NODE_RADIUS = 22;
/** The labels' size on a phone, where they are largest in viewBox units (kit/type.ts): the room they get. */
const LABEL_SIZE = textSizeOnPhone('body', DIAGRAM_WIDTH);

/** Node centres in viewBox units: inputs left, hidden units middle, output right. */
export const NODE_POSITIONS: Record<NodeName, readonly [number, number]> = {
  x1: [50, 70],
  x2: [50, 190],
  h1: [210, 70],
  h2: [210, 190],
  yhat: [365, 130],
};

const NODE_LABEL: Record<NodeName, string> = { x1: 'x1', x2: 'x2', h1: 'h1', h2: 'h2', yhat: 'ŷ' };
const NODE_WORDS: Record<NodeName, string> = {
  x1: 'input x1',
  x2: 'input x2',
  h1: 'hidden unit h1',
  h2: 'hidden unit h2',
  yhat: 'output ŷ',
};

/** Where along its edge (0 = source, 1 = target) each weight's label sits, so no two collide. */
const LABEL_AT: Record<string, number> = { W1: 0.5, W2: 0.28, W3: 0.28, W4: 0.5, W5: 0.5, W6: 0.5 };

export interface NetworkDiagramOptions {
  /** What each hidden unit does on the training data (unitActivity): marked under the node. */
  states?: readonly UnitState[];
  /** Decimals of the printed values (default 2). */
  decimals?: number;
  /** Visible heading above the drawing. */
  heading?: string;
}

const STATE_WORDS: Record<UnitState, string> = { dead: 'dead', linear: 'always on', hinge: 'hinge' };

/** The network with the given nine parameters (layout order W1…W6, B1…B3) as an SVG scene. */
export function networkDiagramScene(params: ArrayLike<number>, options: NetworkDiagramOptions = {}): SvgNode {
  const decimals = options.decimals ?? 2;
  const value = (name: ParameterName) => params[PARAMETER_NAMES.indexOf(name)];
  const shown = (name: ParameterName) => formatFixed(value(name), decimals);
  const edges: SvgNode[] = [];
  const labels: SvgNode[] = [];
  for (const edge of EDGES) {
    const [ax, ay] = NODE_POSITIONS[edge.from], [bx, by] = NODE_POSITIONS[edge.to];
    // Start and end on the circles' rims, so arrow-less edges still read as from → to.
    const length = Math.hypot(bx - ax, by - ay);
    const ux = (bx - ax) / length, uy = (by - ay) / length;
    const style = edgeStyle(value(edge.name));
    edges.push(
      h('path', {
        class: 'np-edge',
        'data-edge': edge.name,
        'data-sign': style.sign,
        d: `M${round(ax + ux * NODE_RADIUS)},${round(ay + uy * NODE_RADIUS)}L${round(bx - ux * NODE_RADIUS)},${round(by - uy * NODE_RADIUS)}`,
        stroke: style.color,
        'stroke-width': style.width,
        'stroke-dasharray': style.dash,
        'stroke-linecap': 'butt',
        fill: 'none',
      }),
    );
    const t = LABEL_AT[edge.name];
    const lx = round(ax + (bx - ax) * t), ly = round(ay + (by - ay) * t);
    const text = `${edge.name} = ${shown(edge.name)}`;
    // The label sits on its edge on a small plate of the background colour, which hides the
    // line behind it: legible however thick the edge is.
    const plate = round(text.length * 0.6 * LABEL_SIZE + 8);
    labels.push(
      h('g', { class: 'np-edge-label' }, [
        h('rect', { x: round(lx - plate / 2), y: round(ly - 0.6 * LABEL_SIZE), width: plate, height: round(1.2 * LABEL_SIZE), rx: 4, fill: NEUTRALS.surface, stroke: 'none' }),
        h('text', { 'data-label': edge.name, x: lx, y: ly, dy: '0.32em', 'text-anchor': 'middle', stroke: 'none' }, text),
      ]),
    );
  }

  const nodes: SvgNode[] = [];
  for (const name of Object.keys(NODE_POSITIONS) as NodeName[]) {
    const [x, y] = NODE_POSITIONS[name];
    const kind = name.startsWith('x') ? 'input' : name === 'yhat' ? 'output' : 'hidden';
    nodes.push(
      h('g', { class: `np-node np-node-${kind}`, 'data-node': name }, [
        h('circle', {
          cx: x,
          cy: y,
          r: NODE_RADIUS,
          fill: NEUTRALS.bg,
          stroke: 'currentColor',
          'stroke-width': kind === 'hidden' ? 2 : 1.5,
        }),
        h('text', { class: textClass('large'), x, y, dy: '0.35em', 'text-anchor': 'middle', 'font-weight': 600 }, NODE_LABEL[name]),
      ]),
    );
  }
  const states = options.states ?? [];
  for (const bias of BIASES) {
    const [x, y] = NODE_POSITIONS[bias.node];
    // B3's label goes under ŷ, clear of W6's label on the edge into it.
    const below = bias.node === 'h1' ? -NODE_RADIUS - 0.75 * LABEL_SIZE : bias.node === 'h2' ? NODE_RADIUS + LABEL_SIZE : NODE_RADIUS + 2 * LABEL_SIZE;
    labels.push(
      h('text', { class: 'np-bias-label', 'data-label': bias.name, x, y: round(y + below), dy: '0.32em', 'text-anchor': 'middle' }, `${bias.name} = ${shown(bias.name)}`),
    );
  }
  states.forEach((state, k) => {
    if (k > 1) return;
    const node = k === 0 ? 'h1' : 'h2';
    const [x, y] = NODE_POSITIONS[node];
    const offset = k === 0 ? -NODE_RADIUS - 1.95 * LABEL_SIZE : NODE_RADIUS + 2.2 * LABEL_SIZE;
    labels.push(
      h(
        'text',
        { class: `np-unit-state np-unit-${state}`, 'data-state': state, x, y: round(y + offset), dy: '0.32em', 'text-anchor': 'middle', 'font-style': 'italic' },
        STATE_WORDS[state],
      ),
    );
  });

  const description =
    EDGES.map((e) => `${e.name} from ${NODE_WORDS[e.from]} to ${NODE_WORDS[e.to]} is ${shown(e.name)}`).join('; ') +
    '. ' +
    BIASES.map((b) => `${b.name}, the bias of ${NODE_WORDS[b.node]}, is ${shown(b.name)}`).join('; ') +
    '.' +
    states
      .slice(0, 2)
      .map((s, k) => ` Unit h${k + 1} is ${s === 'dead' ? 'dead (off for every sample)' : s === 'linear' ? 'on for every sample' : 'a hinge: on for some samples, off for others'}.`)
      .join('') +
    ' Thicker lines are larger weights; positive weights are solid blue, negative ones dashed orange-red, zero ones dotted grey.';

  const children: SvgNode[] = [h('title', {}, 'The 2-2-1 network with its six weights and three biases.'), h('desc', {}, description)];
  if (options.heading) {
    children.push(h('text', { class: textClass('heading', 'np-heading'), x: 8, y: 16, 'font-weight': 600 }, options.heading));
  }
  children.push(
    h('g', { class: 'np-edges' }, edges),
    h('g', { class: 'np-nodes', fill: 'currentColor' }, nodes),
    // Labels carry a halo in the background colour so they stay legible where they cross an edge.
    h(
      'g',
      { class: textClass('body', 'np-labels'), fill: 'currentColor', stroke: NEUTRALS.surface, 'stroke-width': 4, 'paint-order': 'stroke', 'stroke-linejoin': 'round' },
      labels,
    ),
  );
  return h(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${DIAGRAM_WIDTH} ${DIAGRAM_HEIGHT}`,
      role: 'img',
      'aria-label': 'Diagram of the 2-2-1 network with its six weights and three biases.',
      ...figureRootAttrs(DIAGRAM_WIDTH, DIAGRAM_HEIGHT, 'np-network-diagram'),
    },
    children,
  );
}
