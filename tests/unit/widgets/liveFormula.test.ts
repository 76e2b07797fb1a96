import { describe, expect, it } from 'vitest';
import { fillText, slotKeys, UNKNOWN } from '../../../src/experiments/formulaTemplate';
import { liveTex, renderLiveFormula, texOfValue } from '../../../src/lib/live-math';

describe('live formula templates', () => {
  it('slotKeys lists each @key once, in order', () => {
    expect(slotKeys('z_1 = (@W1)\\cdot(@x1) + @B1 = @z1, again @W1')).toEqual(['W1', 'x1', 'B1', 'z1']);
    expect(slotKeys('no slots')).toEqual([]);
  });

  it('fillText puts each value in its slot and a question mark where none is known', () => {
    expect(fillText('z1 = @W1·@x1 = @z1', { W1: '−0.46', x1: '2' })).toBe(`z1 = −0.46·2 = ${UNKNOWN}`);
    expect(fillText('@s_W1 and @g_W1', { s_W1: '1', g_W1: '2' })).toBe('1 and 2');
  });
});

describe('build-time rendering of live formulas', () => {
  it('turns printed numbers into TeX that strict KaTeX accepts', () => {
    expect(texOfValue('−1,234.5')).toBe('-1{,}234.5');
    expect(texOfValue('2.1e+12')).toBe('2.1\\mathrm{e}{+12}');
    expect(texOfValue('8.8e−7')).toBe('8.8\\mathrm{e}{-7}');
    expect(texOfValue('?')).toBe('?');
    expect(texOfValue('not a number')).toBe('\\text{not a number}');
    expect(texOfValue('<b>')).toBe('\\text{b}');
  });

  it('wraps each slot in \\htmlData, braced so the spacing stays outside', () => {
    expect(liveTex('a = @x', { x: '−2' })).toBe('a = {\\htmlData{live=x}{-2}}');
    expect(liveTex('a = @x', {})).toBe('a = {\\htmlData{live=x}{?}}');
  });

  it('renders HTML only (the numbers change, so no stale MathML), with one data-live element per slot', () => {
    const html = renderLiveFormula('z_1 = (@W1)\\cdot(@x1) = @z1', { W1: '−0.46', x1: '1,000', z1: '?' });
    expect(html).toContain('katex-display');
    expect(html).not.toContain('<math');
    expect(html.match(/data-live="/g)).toHaveLength(3);
    expect(html).toMatch(/data-live="W1"><span class="mord">−<\/span><span class="mord">0.46<\/span>/);
  });

  it('fails loudly on broken TeX, so a bad template stops the build', () => {
    expect(() => renderLiveFormula('\\frac{1}{@x', { x: '1' })).toThrow();
  });
});
