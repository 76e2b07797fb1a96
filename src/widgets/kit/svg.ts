// A tiny SVG scene: plain objects that chart helpers return, turned into a string at build
// time (Astro, via <Fragment set:html>) or into DOM nodes in the browser. Both paths escape
// everything, so a value that came from a URL or a text field can never become markup.

export type AttrValue = string | number | boolean | null | undefined;

export interface SvgNode {
  tag: string;
  attrs?: Record<string, AttrValue>;
  children?: SvgNode[];
  /** Text content (escaped); used for <text>, <title>, <desc>. */
  text?: string;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Shorthand for building a node. */
export function h(tag: string, attrs: Record<string, AttrValue> = {}, children?: SvgNode[] | string): SvgNode {
  if (typeof children === 'string') return { tag, attrs, text: children };
  return children ? { tag, attrs, children } : { tag, attrs };
}

/** Rounds coordinates so scenes stay small and identical on server and client. */
export function round(value: number, decimals = 1): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

// Tag and attribute names come from our own code, never from input; a bad one is a bug.
const NAME = /^[A-Za-z_][\w:.-]*$/;

function checkName(kind: string, name: string): void {
  if (!NAME.test(name) || /^on/i.test(name)) throw new Error(`svg: refusing the ${kind} name "${name}".`);
}

/**
 * The attribute's text, or null when it should be left out: null, undefined and false are
 * absent, true is present-and-empty, and a non-finite number is dropped (a NaN coordinate
 * would make the browser log an error and skip the shape; leaving it out is the same picture).
 */
export function attrText(value: AttrValue): string | null {
  if (value === null || value === undefined || value === false) return null;
  if (value === true) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  return value;
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The node as an SVG/HTML string with every attribute value and text escaped. */
export function toSvgString(node: SvgNode): string {
  checkName('tag', node.tag);
  let out = `<${node.tag}`;
  for (const [name, value] of Object.entries(node.attrs ?? {})) {
    checkName('attribute', name);
    const text = attrText(value);
    if (text !== null) out += ` ${name}="${escapeAttr(text)}"`;
  }
  out += '>';
  if (node.text !== undefined) out += escapeText(node.text);
  for (const child of node.children ?? []) out += toSvgString(child);
  return out + `</${node.tag}>`;
}

function build(doc: Document, node: SvgNode): Element {
  checkName('tag', node.tag);
  const el = doc.createElementNS(SVG_NS, node.tag);
  setAttributes(el, node.attrs);
  if (node.text !== undefined) el.textContent = node.text;
  for (const child of node.children ?? []) el.appendChild(build(doc, child));
  return el;
}

function setAttributes(el: Element, attrs: SvgNode['attrs']): void {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    checkName('attribute', name);
    // xmlns matters only in a standalone file; in the DOM the namespace comes from createElementNS.
    if (name === 'xmlns') continue;
    const text = attrText(value);
    if (text === null) el.removeAttribute(name);
    else el.setAttribute(name, text);
  }
}

/**
 * Makes an existing <svg> element show `node` (normally the <svg> node a chart helper
 * returned): copies its attributes onto the element and replaces all children. The element
 * itself stays, so the box never changes size. DOM methods only, never innerHTML.
 */
export function renderInto(svg: Element, node: SvgNode): void {
  const doc = svg.ownerDocument;
  setAttributes(svg, node.attrs);
  if (node.text !== undefined) {
    svg.textContent = node.text;
    return;
  }
  const fragment = doc.createDocumentFragment();
  for (const child of node.children ?? []) fragment.appendChild(build(doc, child));
  svg.replaceChildren(fragment);
}
