import { describe, expect, it } from 'vitest';
import { h, patchInto, SVG_NS, type SvgNode } from '../../../src/widgets/kit/svg';

// A small stand-in for the DOM calls patchInto makes (elements and text nodes); the e2e tests
// of the animated widgets check the real thing.
class FakeText {
  nodeType = 3;
  constructor(public data: string) {}
}
class FakeElement {
  nodeType = 1;
  childNodes: (FakeElement | FakeText)[] = [];
  #attributes = new Map<string, string>();
  /** Every setAttribute/removeAttribute/child change, to see what a patch touched. */
  writes: string[] = [];
  constructor(public ownerDocument: FakeDocument, public namespaceURI: string, public localName: string) {}
  get attributes() {
    return [...this.#attributes.keys()].map((name) => ({ name }));
  }
  get children() {
    return this.childNodes.filter((n): n is FakeElement => n instanceof FakeElement);
  }
  getAttribute(name: string) {
    return this.#attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string) {
    this.writes.push(`set ${name}`);
    this.#attributes.set(name, value);
  }
  removeAttribute(name: string) {
    this.writes.push(`remove ${name}`);
    this.#attributes.delete(name);
  }
  appendChild(child: FakeElement) {
    this.writes.push('append');
    this.childNodes.push(child);
    return child;
  }
  replaceChild(fresh: FakeElement, old: FakeElement) {
    this.writes.push('replace');
    this.childNodes[this.childNodes.indexOf(old)] = fresh;
    return old;
  }
  removeChild(child: FakeElement | FakeText) {
    this.writes.push('remove child');
    this.childNodes.splice(this.childNodes.indexOf(child), 1);
    return child;
  }
  get textContent(): string {
    return this.childNodes.map((n) => (n instanceof FakeText ? n.data : n.textContent)).join('');
  }
  set textContent(value: string) {
    this.writes.push('text');
    this.childNodes = [new FakeText(value)];
  }
}
class FakeDocument {
  createElementNS(ns: string, tag: string) {
    return new FakeElement(this, ns, tag);
  }
}

function shape(el: FakeElement): unknown {
  return {
    tag: el.localName,
    attrs: Object.fromEntries(el.attributes.map(({ name }) => [name, el.getAttribute(name)])),
    text: el.children.length ? undefined : el.textContent,
    children: el.children.map(shape),
  };
}
const allWrites = (el: FakeElement): string[] => [...el.writes, ...el.children.flatMap(allWrites)];
const clearWrites = (el: FakeElement) => {
  el.writes = [];
  el.children.forEach(clearWrites);
};

const frame = (d: string, label: string): SvgNode =>
  h('svg', { viewBox: '0 0 10 10', 'aria-label': label }, [
    h('title', {}, label),
    h('path', { class: 'axis', d: 'M0,0V10H10' }),
    h('g', { class: 'ticks' }, [h('text', { x: 1 }, '0'), h('text', { x: 9 }, '10')]),
    h('path', { class: 'series', d }),
  ]);

describe('patchInto', () => {
  it('builds a scene into an empty <svg> the way renderInto does', () => {
    const doc = new FakeDocument();
    const svg = doc.createElementNS(SVG_NS, 'svg');
    patchInto(svg as unknown as Element, frame('M0,0L5,5', 'first'));
    expect(shape(svg)).toMatchObject({
      attrs: { viewBox: '0 0 10 10', 'aria-label': 'first' },
      children: [{ tag: 'title', text: 'first' }, { tag: 'path' }, { tag: 'g', children: [{ text: '0' }, { text: '10' }] }, { tag: 'path', attrs: { d: 'M0,0L5,5' } }],
    });
  });

  it('touches only what changed between two frames', () => {
    const doc = new FakeDocument();
    const svg = doc.createElementNS(SVG_NS, 'svg');
    patchInto(svg as unknown as Element, frame('M0,0L5,5', 'first'));
    const kept = svg.children.slice();
    clearWrites(svg);
    patchInto(svg as unknown as Element, frame('M0,0L5,5L6,6', 'second'));
    expect(svg.children).toEqual(kept);
    expect(allWrites(svg).sort()).toEqual(['set aria-label', 'set d', 'text'].sort());
    expect(svg.children[3].getAttribute('d')).toBe('M0,0L5,5L6,6');
    expect(svg.children[0].textContent).toBe('second');
  });

  it('replaces a node whose tag changed, adds new ones, removes extra ones and stale attributes', () => {
    const doc = new FakeDocument();
    const svg = doc.createElementNS(SVG_NS, 'svg');
    patchInto(svg as unknown as Element, h('svg', {}, [h('circle', { r: 2, fill: 'red' }), h('path', { d: 'M0,0' }), h('path', { d: 'M1,1' })]));
    patchInto(svg as unknown as Element, h('svg', {}, [h('circle', { r: 3 }), h('text', { x: 1 }, 'hi')]));
    expect(shape(svg)).toEqual({
      tag: 'svg',
      attrs: {},
      text: undefined,
      children: [
        { tag: 'circle', attrs: { r: '3' }, text: '', children: [] },
        { tag: 'text', attrs: { x: '1' }, text: 'hi', children: [] },
      ],
    });
  });

  it('turns a text node into a group and back without leaving text behind', () => {
    const doc = new FakeDocument();
    const svg = doc.createElementNS(SVG_NS, 'svg');
    patchInto(svg as unknown as Element, h('svg', {}, [h('g', {}, 'words')]));
    patchInto(svg as unknown as Element, h('svg', {}, [h('g', {}, [h('path', { d: 'M0,0' })])]));
    expect(svg.children[0].childNodes).toHaveLength(1);
    expect(svg.children[0].textContent).toBe('');
    patchInto(svg as unknown as Element, h('svg', {}, [h('g', {}, 'again')]));
    expect(svg.children[0].children).toHaveLength(0);
    expect(svg.children[0].textContent).toBe('again');
  });

  it('refuses event-handler attributes, as renderInto does', () => {
    const doc = new FakeDocument();
    const svg = doc.createElementNS(SVG_NS, 'svg');
    patchInto(svg as unknown as Element, h('svg', {}, [h('path', {})]));
    expect(() => patchInto(svg as unknown as Element, h('svg', {}, [h('path', { onclick: 'x()' })]))).toThrow(/refusing/);
  });
});
