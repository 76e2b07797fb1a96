import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, scriptsIn, widgetsIn } from '../../src/lib/embed';

const lesson = `<p>Prose <a href="#x">x</a></p>
<np-data-explorer class="np-widget wide" id="widget-data" data-n="300"><figure class="widget"><svg></svg></figure></np-data-explorer>
<script type="module" src="/_astro/DataExplorer.js"></script>
<p>More prose</p>
<np-playground id="widget-outer"><np-training-console id="widget-play"><np-training-console id="inner-2"></np-training-console></np-training-console></np-playground>
<np-choice id="q1"></np-choice>`;

describe('widgetsIn', () => {
  it('finds each widget named for links, whole, in reading order', () => {
    const widgets = widgetsIn(lesson);
    expect(widgets.map((w) => w.key)).toEqual(['data', 'outer']);
    expect(widgets[0].html).toMatch(/^<np-data-explorer[\s\S]*<\/np-data-explorer>$/);
  });

  it('keeps a widget inside another as part of it, with nested elements of one tag closed in pairs', () => {
    const outer = widgetsIn(lesson)[1].html;
    expect(outer.endsWith('</np-training-console></np-training-console></np-playground>')).toBe(true);
  });

  it('skips elements that are not shareable widgets', () => {
    expect(widgetsIn('<np-choice id="q1"></np-choice>')).toEqual([]);
  });

  it('names an element that never closes', () => {
    expect(() => widgetsIn('<np-x id="widget-a"><div>')).toThrow(/never closes/);
  });
});

describe('scriptsIn', () => {
  it('keeps the lesson’s scripts', () => {
    expect(scriptsIn(lesson)).toEqual(['<script type="module" src="/_astro/DataExplorer.js"></script>']);
  });
});

describe('embedUrl and embedSnippet', () => {
  it('carries the share link’s settings and locks to the embed page, with the widget as target', () => {
    const url = embedUrl('https://s.example/ml/embed/01-the-data/', 'https://s.example/ml/lessons/01-the-data/?data.n=30&data.lock=n#widget-data', 'data');
    expect(url).toBe('https://s.example/ml/embed/01-the-data/?data.n=30&data.lock=n#widget-data');
  });

  it('writes an iframe whose attributes cannot be broken out of', () => {
    const snippet = embedSnippet('https://s.example/e/?a=1&b="2"', 'The <data>');
    expect(snippet).toContain('src="https://s.example/e/?a=1&amp;b=&quot;2&quot;"');
    expect(snippet).toContain('title="The &lt;data>"');
    expect(snippet).toMatch(/^<iframe [^<]*><\/iframe>$/);
  });
});
