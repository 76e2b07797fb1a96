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

/**
 * Like renderInto, but changes only what differs from what the element already shows: nodes of
 * the same tag at the same place are kept and only their changed attributes and text are set.
 * For figures redrawn every animation frame, where most of the scene (axes, ticks, labels) stays
 * the same, this spares the browser re-styling hundreds of new elements per frame. The result is
 * the same DOM as renderInto's. DOM methods only, never innerHTML.
 */
export function patchInto(svg: Element, node: SvgNode): void {
  // The <svg> itself keeps attributes the scene does not mention (as with renderInto).
  patchAttributes(svg, node.attrs, false);
  patchChildren(svg, node);
}

function patchAttributes(el: Element, attrs: SvgNode['attrs'], removeOthers: boolean): void {
  const wanted = new Set<string>();
  for (const [name, value] of Object.entries(attrs ?? {})) {
    checkName('attribute', name);
    if (name === 'xmlns') continue;
    const text = attrText(value);
    if (text === null) {
      if (el.getAttribute(name) !== null) el.removeAttribute(name);
      continue;
    }
    wanted.add(name);
    if (el.getAttribute(name) !== text) el.setAttribute(name, text);
  }
  if (removeOthers) for (const name of Array.from(el.attributes, (a) => a.name)) if (!wanted.has(name)) el.removeAttribute(name);
}

function patchNode(el: Element, node: SvgNode): void {
  patchAttributes(el, node.attrs, true);
  patchChildren(el, node);
}

function patchChildren(el: Element, node: SvgNode): void {
  if (node.text !== undefined) {
    if (el.children.length > 0 || el.textContent !== node.text) el.textContent = node.text;
    return;
  }
  const kids = node.children ?? [];
  // Text left over from an earlier scene (this node used to be a <text>) goes.
  if (el.childNodes.length !== el.children.length) {
    for (const child of Array.from(el.childNodes)) if (child.nodeType !== 1) el.removeChild(child);
  }
  for (let i = 0; i < kids.length; i++) {
    checkName('tag', kids[i].tag);
    const current = el.children[i];
    if (current && current.localName === kids[i].tag && current.namespaceURI === SVG_NS) patchNode(current, kids[i]);
    else {
      const fresh = build(el.ownerDocument, kids[i]);
      if (current) el.replaceChild(fresh, current);
      else el.appendChild(fresh);
    }
  }
  while (el.children.length > kids.length) el.removeChild(el.children[el.children.length - 1]);
}
