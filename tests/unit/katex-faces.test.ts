import { readdirSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { faceFiles, facesUsed, withFacePreloads } from '../../src/integrations/katex-faces';

const page = (body: string) =>
  `<html><head><link rel="preload" href="../../_astro/KaTeX_Main-Regular.B22Nviop.woff2" as="font" type="font/woff2" crossorigin><link rel="stylesheet" href="../../_astro/a.css"></head><body>${body}</body></html>`;
const tex = (source: string, displayMode = false) => katex.renderToString(source, { displayMode });
const files = faceFiles(readdirSync('node_modules/katex/dist/fonts'));

describe('facesUsed', () => {
  it('finds the faces KaTeX draws big operators and brackets with', () => {
    expect(facesUsed(page(tex('\\sum_i x_i')))).toEqual(['Size1-Regular']);
    expect(facesUsed(page(tex('\\sum_i x_i', true)))).toEqual(['Size2-Regular']);
    expect(facesUsed(page(tex('\\bigl( x \\bigr)')))).toEqual(['Size1-Regular']);
    expect(facesUsed(page(tex('\\Bigl( x \\Bigr)')))).toEqual(['Size2-Regular']);
    expect(facesUsed(page(tex('\\mathbf{W} \\mathbb{R}')))).toEqual(['Main-Bold', 'AMS-Regular']);
  });

  it('finds nothing more in plain formulas, and nothing in a page without one', () => {
    expect(facesUsed(page(tex('L = (1/N) \\cdot (\\hat y - y)^2')))).toEqual([]);
    expect(facesUsed(page('<p class="mathbf large-op">no formula here</p>'))).toEqual([]);
  });

  it('names only faces that KaTeX ships', () => {
    const every = facesUsed(page(tex('\\sum \\mathbf{a} \\mathit{b} \\boldsymbol{c} \\mathbb{R} \\mathcal{L} \\mathfrak{g} \\mathsf{s} \\mathtt{t} \\mathscr{S} \\bigl( \\Bigl( \\biggl( \\Biggl( \\Biggr) \\biggr) \\Bigr) \\bigr)', true)));
    expect(every.length).toBeGreaterThan(10);
    for (const face of every) expect(files.has(face), face).toBe(true);
  });
});

describe('withFacePreloads', () => {
  it('adds a preload for each face used, in the folder the page already preloads from', () => {
    const html = withFacePreloads(page(tex('\\sum_i x_i', true)), files);
    expect(html).toContain(`<link rel="preload" href="../../_astro/${files.get('Size2-Regular')}" as="font" type="font/woff2" crossorigin>`);
    expect(html.indexOf(files.get('Size2-Regular') ?? '?')).toBeLessThan(html.indexOf('rel="stylesheet"'));
  });

  it('leaves a page alone when it needs nothing more, or already preloads it', () => {
    const plain = page(tex('x_1'));
    expect(withFacePreloads(plain, files)).toBe(plain);
    const once = withFacePreloads(page(tex('\\sum_i x_i', true)), files);
    expect(withFacePreloads(once, files)).toBe(once);
  });
});
