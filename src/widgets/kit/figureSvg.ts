// A widget's figure as a standalone SVG file: the pure half of "Save figure" (exportFigure.ts
// reads the live page). On the page a figure's colours come from CSS (custom properties, the
// light/dark palette, `.widget svg text`), which a file on its own does not have; so each element
// carries the styles it was drawn with (`inlineStyle`), and a figure of several panels keeps the
// arrangement the reader saw (`figureDocument`).
import { h, SVG_NS, toSvgString, type SvgNode } from './svg';

/** Properties SVG elements inherit: written only where they differ from the parent's. */
export const INHERITED_STYLES = [
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray',
  'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin', 'paint-order', 'color', 'font-family',
  'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'visibility',
] as const;

/** Properties that are not inherited, with their initial values: written only when they differ. */
export const OWN_STYLES: Readonly<Record<string, string>> = { opacity: '1', 'vector-effect': 'none', 'shape-rendering': 'auto' };

export type StyleValues = Readonly<Record<string, string>>;

/**
 * The style attribute an element needs to look the same outside the page: `own` is its computed
 * style, `parent` its parent's (null for the outermost element, which writes everything).
 */
export function inlineStyle(own: StyleValues, parent: StyleValues | null): string {
  const parts: string[] = [];
  for (const name of INHERITED_STYLES) {
    const value = own[name];
    if (value && (parent === null || parent[name] !== value)) parts.push(`${name}:${value}`);
  }
  for (const [name, initial] of Object.entries(OWN_STYLES)) {
    const value = own[name];
    if (value && value !== initial) parts.push(`${name}:${value}`);
  }
  return parts.join(';');
}

/** One <svg> of the figure and the box it filled on screen (CSS pixels, any common origin). */
export interface FigurePanel {
  svg: SvgNode;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FigureDocument {
  text: string;
  /** The file's size in its own units (also the PNG size at scale 1). */
  width: number;
  height: number;
}

function viewBoxOf(node: SvgNode, fallback: { width: number; height: number }): [number, number, number, number] {
  const parts = String(node.attrs?.viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  if (parts.length === 4 && parts.every(Number.isFinite) && parts[2] > 0 && parts[3] > 0) return parts as [number, number, number, number];
  return [0, 0, fallback.width, fallback.height];
}

const tidy = (value: number) => Math.round(value * 100) / 100;

/**
 * The figure as one standalone SVG document: xmlns, a <title>, a background (the widget's surface
 * colour, so light text from the dark scheme stays readable), and the panels. One panel is the
 * file itself, at its viewBox size. Several are nested <svg>s placed as they were on screen, the
 * whole enlarged so the most shrunken panel is back at its own viewBox size.
 */
export function figureDocument(panels: readonly FigurePanel[], options: { title: string; background: string }): FigureDocument {
  if (panels.length === 0) throw new Error('figureDocument: a figure needs at least one panel.');
  const title = h('title', {}, options.title);
  const root = { xmlns: SVG_NS, 'xmlns:xlink': 'http://www.w3.org/1999/xlink', version: '1.1' };
  if (panels.length === 1) {
    const only = panels[0];
    const [x, y, width, height] = viewBoxOf(only.svg, only);
    const children = (only.svg.children ?? []).filter((c) => c.tag !== 'title');
    const { viewBox: _v, width: _w, height: _h, ...rest } = only.svg.attrs ?? {};
    const node: SvgNode = {
      tag: 'svg',
      attrs: { ...root, width: tidy(width), height: tidy(height), viewBox: `${x} ${y} ${width} ${height}`, ...rest },
      children: [title, h('rect', { x, y, width, height, fill: options.background }), ...children],
    };
    return { text: serialise(node), width: tidy(width), height: tidy(height) };
  }
  const left = Math.min(...panels.map((p) => p.x));
  const top = Math.min(...panels.map((p) => p.y));
  const width = Math.max(...panels.map((p) => p.x + p.width)) - left;
  const height = Math.max(...panels.map((p) => p.y + p.height)) - top;
  const scale = Math.max(1, ...panels.map((p) => viewBoxOf(p.svg, p)[2] / (p.width || 1)));
  const nested = panels.map((p) => {
    const [vx, vy, vw, vh] = viewBoxOf(p.svg, p);
    const { viewBox: _v, width: _w, height: _h, ...rest } = p.svg.attrs ?? {};
    return { ...p.svg, attrs: { x: tidy(p.x - left), y: tidy(p.y - top), width: tidy(p.width), height: tidy(p.height), viewBox: `${vx} ${vy} ${vw} ${vh}`, ...rest } };
  });
  const outer: SvgNode = {
    tag: 'svg',
    attrs: { ...root, width: tidy(width * scale), height: tidy(height * scale), viewBox: `0 0 ${tidy(width)} ${tidy(height)}` },
    children: [title, h('rect', { x: 0, y: 0, width: tidy(width), height: tidy(height), fill: options.background }), ...nested],
  };
  return { text: serialise(outer), width: tidy(width * scale), height: tidy(height * scale) };
}

function serialise(node: SvgNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${toSvgString(node)}\n`;
}
