import { describe, expect, it } from 'vitest';
import { figureDocument, inlineStyle } from '../../../src/widgets/kit/figureSvg';
import { h } from '../../../src/widgets/kit/svg';
import { policyFor } from '../../../src/integrations/content-security-policy';

const chart = (width: number, height: number, label: string) =>
  h('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart' }, [h('title', {}, 'old title'), h('path', { class: 'line', d: 'M0,0L10,10' }), h('text', {}, label)]);

describe('inlineStyle', () => {
  it('writes every inherited property on the outermost element', () => {
    expect(inlineStyle({ fill: 'rgb(0, 0, 0)', 'font-size': '12px' }, null)).toBe('fill:rgb(0, 0, 0);font-size:12px');
  });

  it('writes only what differs from the parent, and own properties only when not initial', () => {
    const parent = { fill: 'rgb(0, 0, 0)', stroke: 'none', 'font-size': '12px' };
    expect(inlineStyle({ fill: 'rgb(0, 0, 0)', stroke: 'rgb(230, 159, 0)', 'font-size': '12px', opacity: '1' }, parent)).toBe('stroke:rgb(230, 159, 0)');
    expect(inlineStyle({ ...parent, opacity: '0.5' }, parent)).toBe('opacity:0.5');
  });
});

describe('figureDocument', () => {
  const parse = (text: string) => {
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    return text;
  };

  it('makes one panel a standalone file at its viewBox size, with xmlns, a title and a background', () => {
    const file = figureDocument([{ svg: chart(600, 300, 'epoch'), x: 10, y: 20, width: 300, height: 150 }], { title: 'Nine Parameters: the loss', background: 'rgb(241, 242, 244)' });
    const text = parse(file.text);
    expect(file).toMatchObject({ width: 600, height: 300 });
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="600" height="300" viewBox="0 0 600 300" role="img" class="chart">');
    expect(text).toContain('<title>Nine Parameters: the loss</title><rect x="0" y="0" width="600" height="300" fill="rgb(241, 242, 244)"></rect>');
    // The panel's own title gives way to the file's; the drawing is kept as it was.
    expect(text).not.toContain('old title');
    expect(text).toContain('<path class="line" d="M0,0L10,10"></path><text>epoch</text>');
  });

  it('escapes the title', () => {
    const file = figureDocument([{ svg: chart(10, 10, 'x'), x: 0, y: 0, width: 10, height: 10 }], { title: 'a <b> & "c"', background: '#fff' });
    expect(file.text).toContain('<title>a &lt;b&gt; &amp; "c"</title>');
  });

  it('places several panels as they were on screen, enlarged so the most shrunken one is at its own size', () => {
    const file = figureDocument(
      [
        { svg: chart(600, 300, 'loss'), x: 100, y: 50, width: 300, height: 150 },
        { svg: chart(300, 300, 'fit'), x: 420, y: 50, width: 150, height: 150 },
      ],
      { title: 'two', background: 'white' },
    );
    // Union: 470 × 150 CSS px; the loss panel shows at half its viewBox width, so the file is twice that.
    expect(file).toMatchObject({ width: 940, height: 300 });
    expect(file.text).toContain('width="940" height="300" viewBox="0 0 470 150"');
    expect(file.text).toContain('<svg x="0" y="0" width="300" height="150" viewBox="0 0 600 300" role="img" class="chart">');
    expect(file.text).toContain('<svg x="320" y="0" width="150" height="150" viewBox="0 0 300 300" role="img" class="chart">');
    expect(file.text.match(/<title>/g)).toHaveLength(3);
  });

  it('refuses an empty figure', () => {
    expect(() => figureDocument([], { title: 't', background: 'white' })).toThrow(/at least one panel/);
  });

  it('relies on a policy that lets the PNG export draw the SVG from a data: URL', () => {
    expect(policyFor('<html></html>')).toMatch(/img-src 'self' data:/);
  });
});
