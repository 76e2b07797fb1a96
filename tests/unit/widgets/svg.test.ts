import { describe, expect, it } from 'vitest';
import { attrText, h, renderInto, round, SVG_NS, toSvgString, type SvgNode } from '../../../src/widgets/kit/svg';

describe('toSvgString', () => {
  it('writes a small node exactly, attributes in the order given', () => {
    const node = h('svg', { viewBox: '0 0 10 10', role: 'img' }, [h('title', {}, 'A dot'), h('circle', { cx: 5, cy: 5, r: 2 })]);
    expect(toSvgString(node)).toBe('<svg viewBox="0 0 10 10" role="img"><title>A dot</title><circle cx="5" cy="5" r="2"></circle></svg>');
  });

  it('escapes markup in text so that it shows as text', () => {
    expect(toSvgString(h('text', {}, '<script>alert("x")</script> & more'))).toBe(
      '<text>&lt;script&gt;alert("x")&lt;/script&gt; &amp; more</text>',
    );
  });

  it('escapes quotes, angle brackets and ampersands in attribute values', () => {
    expect(toSvgString(h('g', { 'aria-label': `"><img src=x onerror=alert(1)>'&` }))).toBe(
      '<g aria-label="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&amp;"></g>',
    );
  });

  it('leaves out null, undefined, false and non-finite numbers, and writes true as an empty attribute', () => {
    const node = h('rect', { x: Number.NaN, y: Infinity, width: null, height: undefined, hidden: false, focusable: true, rx: 0 });
    expect(toSvgString(node)).toBe('<rect focusable="" rx="0"></rect>');
  });

  it('refuses event-handler attributes and malformed names, which would be a bug in a chart helper', () => {
    expect(() => toSvgString(h('g', { onclick: 'x()' }))).toThrow(/refusing/);
    expect(() => toSvgString(h('g', { 'a b': 1 }))).toThrow(/refusing/);
    expect(() => toSvgString({ tag: 'g><script' })).toThrow(/refusing/);
  });
});

describe('attrText and round', () => {
  it('turns numbers into plain text and drops values that cannot be drawn', () => {
    expect(attrText(1.5)).toBe('1.5');
    expect(attrText(Number.NaN)).toBeNull();
    expect(attrText('a')).toBe('a');
  });

  it('rounds to one decimal by default and never produces negative zero', () => {
    expect(round(1.26)).toBe(1.3);
    expect(round(-0.04)).toBe(0);
    expect(Object.is(round(-0.04), 0)).toBe(true);
    expect(round(1.23456, 3)).toBe(1.235);
  });
});

// A minimal stand-in for the DOM calls renderInto makes; the e2e test checks the real thing.
class FakeNode {
  attributes = new Map<string, string>();
  children: FakeNode[] = [];
  text = '';
  constructor(
    public ownerDocument: FakeDocument,
    public namespaceURI: string | null,
    public tagName: string,
  ) {}
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  removeAttribute(name: string) {
    this.attributes.delete(name);
  }
  appendChild(child: FakeNode) {
    if (child.tagName === '#fragment') this.children.push(...child.children);
    else this.children.push(child);
    return child;
  }
  replaceChildren(...nodes: FakeNode[]) {
    this.children = [];
    for (const n of nodes) this.appendChild(n);
  }
  set textContent(value: string) {
    this.children = [];
    this.text = value;
  }
}
class FakeDocument {
  createElementNS(ns: string, tag: string) {
    return new FakeNode(this, ns, tag);
  }
  createDocumentFragment() {
    return new FakeNode(this, null, '#fragment');
  }
}

describe('renderInto', () => {
  const scene: SvgNode = h('svg', { viewBox: '0 0 20 10', 'aria-label': 'new', xmlns: SVG_NS }, [
    h('title', {}, '<b>not bold</b>'),
    h('g', { class: 'points' }, [h('path', { d: 'M0,0h1', 'data-bin': 0 })]),
  ]);

  it('keeps the <svg> element, copies the attributes and replaces the children', () => {
    const doc = new FakeDocument();
    const svg = doc.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('aria-label', 'old');
    svg.appendChild(doc.createElementNS(SVG_NS, 'circle'));
    renderInto(svg as unknown as Element, scene);
    expect(svg.attributes.get('aria-label')).toBe('new');
    expect(svg.attributes.get('viewBox')).toBe('0 0 20 10');
    expect(svg.attributes.has('xmlns')).toBe(false);
    expect(svg.children.map((c) => c.tagName)).toEqual(['title', 'g']);
    expect(svg.children.every((c) => c.namespaceURI === SVG_NS)).toBe(true);
    expect(svg.children[1].children[0].attributes.get('data-bin')).toBe('0');
  });

  it('puts text in as text content, never as markup', () => {
    const doc = new FakeDocument();
    const svg = doc.createElementNS(SVG_NS, 'svg');
    renderInto(svg as unknown as Element, scene);
    expect(svg.children[0].text).toBe('<b>not bold</b>');
    expect(svg.children[0].children).toEqual([]);
  });
});
