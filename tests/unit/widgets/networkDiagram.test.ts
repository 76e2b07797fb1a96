import { describe, expect, it } from 'vitest';
import { edgeStyle, EDGES, MAX_EDGE_WIDTH, NEGATIVE_DASH, networkDiagramScene } from '../../../src/widgets/kit/networkDiagram';
import { toSvgString, type SvgNode } from '../../../src/widgets/kit/svg';
import { fromNamed } from '../../../src/trainer/parameters';

function find(node: SvgNode, predicate: (n: SvgNode) => boolean): SvgNode[] {
  const own = predicate(node) ? [node] : [];
  return [...own, ...(node.children ?? []).flatMap((c) => find(c, predicate))];
}

const params = fromNamed({ W1: 1.6, W2: -1.6, W3: 0.6, W4: 0.6, W5: 1, W6: -4, B1: 0, B2: 0.25, B3: -1.4 });
const edge = (scene: SvgNode, name: string) => find(scene, (n) => n.attrs?.['data-edge'] === name)[0];

describe('edgeStyle', () => {
  it('draws larger weights thicker, on a fixed scale: 1 + 3·√|w|, capped', () => {
    expect(edgeStyle(0).width).toBe(1);
    expect(edgeStyle(1).width).toBe(4);
    expect(edgeStyle(-4).width).toBe(7);
    expect(edgeStyle(100).width).toBe(MAX_EDGE_WIDTH);
    const widths = [0.1, 0.5, 1, 2, 5].map((w) => edgeStyle(w).width);
    expect([...widths].sort((a, b) => a - b)).toEqual(widths);
  });

  it('tells the sign by colour and by dash: positive solid, negative dashed, zero dotted', () => {
    expect(edgeStyle(2)).toMatchObject({ sign: 'positive', dash: undefined, color: expect.stringContaining('blue') });
    expect(edgeStyle(-2)).toMatchObject({ sign: 'negative', dash: NEGATIVE_DASH, color: expect.stringContaining('vermillion') });
    expect(edgeStyle(0)).toMatchObject({ sign: 'zero', dash: '1 4' });
    expect(edgeStyle(2).width).toBe(edgeStyle(-2).width);
  });

  it('draws a value that is not a number as a thin dotted line rather than failing', () => {
    expect(edgeStyle(Number.NaN)).toMatchObject({ sign: 'zero', width: 1 });
  });
});

describe('networkDiagramScene', () => {
  it('has five nodes, six edges named W1…W6 and three bias labels', () => {
    const scene = networkDiagramScene(params);
    expect(find(scene, (n) => n.attrs?.['data-node'] !== undefined).map((n) => n.attrs?.['data-node'])).toEqual(['x1', 'x2', 'h1', 'h2', 'yhat']);
    expect(find(scene, (n) => n.attrs?.['data-edge'] !== undefined).map((n) => n.attrs?.['data-edge'])).toEqual(EDGES.map((e) => e.name));
    const labels = find(scene, (n) => n.attrs?.['data-label'] !== undefined).map((n) => n.text);
    expect(labels).toEqual(['W1 = 1.60', 'W2 = −1.60', 'W3 = 0.60', 'W4 = 0.60', 'W5 = 1.00', 'W6 = −4.00', 'B1 = 0.00', 'B2 = 0.25', 'B3 = −1.40']);
  });

  it('gives each edge the width and dash of its weight', () => {
    const scene = networkDiagramScene(params);
    expect(edge(scene, 'W5').attrs).toMatchObject({ 'stroke-width': 4, 'data-sign': 'positive' });
    expect(edge(scene, 'W5').attrs?.['stroke-dasharray']).toBeUndefined();
    expect(edge(scene, 'W6').attrs).toMatchObject({ 'stroke-width': 7, 'data-sign': 'negative', 'stroke-dasharray': NEGATIVE_DASH });
    expect(edge(scene, 'W2').attrs?.['stroke-width']).toBe(edge(scene, 'W1').attrs?.['stroke-width']);
    expect(edge(scene, 'W2').attrs?.['data-sign']).toBe('negative');
  });

  it('is accessible: role img, a name, and a description listing every parameter', () => {
    const scene = networkDiagramScene(params, { states: ['hinge', 'dead'] });
    expect(scene.attrs).toMatchObject({ role: 'img' });
    expect(scene.attrs?.['aria-label']).toMatch(/2-2-1 network/);
    const desc = find(scene, (n) => n.tag === 'desc')[0].text ?? '';
    for (const name of ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3']) expect(desc).toContain(`${name}`);
    expect(desc).toMatch(/W6[^.;]*h2[^.;]*−4\.00/); // W6 is described with its two ends and its value
    expect(desc).toContain('Unit h2 is dead');
    expect(desc).toMatch(/dashed/);
  });

  it('marks dead and always-on hidden units under their nodes', () => {
    const scene = networkDiagramScene(params, { states: ['linear', 'dead'] });
    expect(find(scene, (n) => n.attrs?.['data-state'] !== undefined).map((n) => n.text)).toEqual(['always on', 'dead']);
  });

  it('is the same string for the same parameters, and never prints NaN', () => {
    expect(toSvgString(networkDiagramScene(params))).toBe(toSvgString(networkDiagramScene(Float64Array.from(params))));
    const bad = Float64Array.from(params);
    bad[0] = Number.NaN;
    expect(toSvgString(networkDiagramScene(bad))).not.toMatch(/NaN|undefined/);
  });
});
