// The figures' colours come from one module (src/widgets/kit/palette.ts), which must agree with
// the stylesheet's custom properties: each fallback is the light scheme's value, so a figure
// looks the same where no stylesheet applies.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOURS, NEUTRALS, OKABE_ITO, TEXT_COLOURS } from '../../../src/widgets/kit/palette';

const css = readFileSync(new URL('../../../src/styles/global.css', import.meta.url), 'utf8');
/** The light scheme's custom properties: the first :root block. */
const lightRoot = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));
const lightValue = (name: string) => new RegExp(`${name}:\\s*(#[0-9a-fA-F]+);`).exec(lightRoot)?.[1];

const widgetsDir = new URL('../../../src/widgets/', import.meta.url).pathname;
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.ts$/.test(f) ? [full] : [];
  });

/**
 * Scenes that still write their colours out, to be moved onto the palette (they were being
 * rewritten by others when the palette came; remove a line when its file is clean).
 */
const NOT_YET_ON_THE_PALETTE = [
  'learning-rate/slice-scene.ts',
  'learning-rate/comparison-scene.ts',
  'learning-rate/sweep-scene.ts',
  'seed-sweep/scene.ts',
  'basin-gallery/scene.ts',
  'network/scene.ts',
  'operation-counter/scene.ts',
  'setup-comparison/scene.ts',
  'extreme-starts/scene.ts',
  'dead-units/scene.ts',
  'symmetry/scene.ts',
  // Part IV's scenes, landed after the palette
  'backward-graph/scene.ts',
  'matrix-form/scene.ts',
];
/** Where a literal colour is the point: the palette itself, viridis, the export's last resort. */
const OWN_COLOURS = ['kit/palette.ts', 'kit/heatmap.ts', 'kit/heatmapChart.ts', 'kit/exportFigure.ts'];

describe('the palette', () => {
  it('names only custom properties of the stylesheet, each with its light value as the fallback', () => {
    const all = { ...COLOURS, ...TEXT_COLOURS, ...NEUTRALS };
    for (const [role, value] of Object.entries(all)) {
      const m = /^var\((--[a-z-]+), (#[0-9a-f]{6})\)$/.exec(value);
      expect(m, `${role}: ${value}`).not.toBeNull();
      expect(lightValue(m![1]), `${role}: ${m![1]} in global.css`).toBe(m![2]);
    }
  });

  it('uses Okabe and Ito’s colours for the series, as published', () => {
    for (const [name, value] of Object.entries(COLOURS)) expect(value).toContain(OKABE_ITO[name as keyof typeof OKABE_ITO]);
  });

  it('is where every widget takes its colours from (no hex or rgb literal elsewhere)', () => {
    const offenders = sourceFiles(widgetsDir)
      .map((f) => path.relative(widgetsDir, f))
      .filter((f) => !OWN_COLOURS.includes(f) && !NOT_YET_ON_THE_PALETTE.includes(f))
      .filter((f) => /#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|rgba?\(/.test(readFileSync(path.join(widgetsDir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('lists no file as not yet on the palette once it is', () => {
    const clean = NOT_YET_ON_THE_PALETTE.filter((f) => {
      try {
        return !/#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|rgba?\(/.test(readFileSync(path.join(widgetsDir, f), 'utf8'));
      } catch {
        return true; // moved or gone
      }
    });
    expect(clean).toEqual([]);
  });
});
