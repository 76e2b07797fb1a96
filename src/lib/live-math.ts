// Build-time half of kit/liveFormula.ts (templates: experiments/formulaTemplate.ts): renders a formula template with KaTeX, each @slot
// wrapped in \htmlData{live=key}{…} holding the value known at build time, so the page shows
// real numbers without JavaScript and the widget only swaps text. HTML output only: the
// numbers change, so the accessible version is the plain-text twin the widget keeps current.
import katex from 'katex';
import { katexOptions } from './katex-options';
import { SLOT, UNKNOWN } from '../experiments/formulaTemplate';

/**
 * A number as the widgets print it (−1,234.5, 2.1e+12, '?', 'infinite') as TeX that KaTeX's
 * strict mode accepts: ASCII minus, grouped commas, an upright e; words as \text.
 */
export function texOfValue(text: string): string {
  if (text === UNKNOWN) return '?';
  const t = text.replace(/\u2212/g, '-');
  if (/^[+-]?[\d,]*\.?\d+(e[+-]?\d+)?$/.test(t)) return t.replace(/,/g, '{,}').replace(/e([+-]?\d+)$/, '\\mathrm{e}{$1}');
  return `\\text{${t.replace(/[^A-Za-z ]/g, '')}}`;
}

/** The template with each slot as \htmlData{live=key}{value}, braced so spacing stays outside. */
export function liveTex(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(SLOT, (_, key: string) => `{\\htmlData{live=${key}}{${texOfValue(values[key] ?? UNKNOWN)}}}`);
}

/** KaTeX HTML of a live formula (display mode by default). Throws on bad TeX, failing the build. */
export function renderLiveFormula(template: string, values: Readonly<Record<string, string>>, displayMode = true): string {
  return katex.renderToString(liveTex(template, values), { ...katexOptions, displayMode, output: 'html', throwOnError: true });
}
