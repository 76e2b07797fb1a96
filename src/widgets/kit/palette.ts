// Every colour a figure uses, in one place. The series colours are Okabe and Ito's ("Color
// Universal Design", 2008): told apart with the common colour-vision deficiencies, and each
// figure adds a second cue (a dash, a marker shape, a label) besides colour. Each is a CSS custom
// property of src/styles/global.css, so a figure follows the reader's light or dark scheme; the
// value after the comma is the light scheme's, used where no stylesheet applies (a saved figure
// is written out with its computed colours, kit/exportFigure.ts). tests/unit/widgets/palette.test.ts
// keeps the two files in step. Strokes and fills take these; coloured text takes TEXT_COLOURS,
// which reach 4.5:1 against the page and the widget background in both schemes.

/** Okabe and Ito's colours as they published them (the light scheme's). */
export const OKABE_ITO = {
  blue: '#0072b2',
  orange: '#e69f00',
  vermillion: '#d55e00',
  green: '#009e73',
  purple: '#cc79a7',
  sky: '#56b4e9',
  black: '#000000',
} as const;

export const COLOURS = {
  blue: 'var(--c-blue, #0072b2)',
  orange: 'var(--c-orange, #e69f00)',
  vermillion: 'var(--c-vermillion, #d55e00)',
  green: 'var(--c-green, #009e73)',
  purple: 'var(--c-purple, #cc79a7)',
  sky: 'var(--c-sky, #56b4e9)',
} as const;

export const TEXT_COLOURS = {
  blue: 'var(--c-blue-text, #0072b2)',
  orange: 'var(--c-orange-text, #8a5a00)',
  vermillion: 'var(--c-vermillion-text, #b34700)',
  green: 'var(--c-green-text, #00704f)',
  purple: 'var(--c-purple-text, #9c3f78)',
  sky: 'var(--c-sky-text, #1d6f9f)',
} as const;

/** The page's neutral colours. */
export const NEUTRALS = {
  /** The page's background: halos behind labels, hollow markers. */
  bg: 'var(--bg, #fcfcfa)',
  /** A widget's background. */
  surface: 'var(--surface, #f1f2f4)',
  fg: 'var(--fg, #1d1f24)',
  /** Secondary lines and words: reference lines, hints. */
  muted: 'var(--muted, #555b66)',
  /** Borders that must be seen (3:1 against the background). */
  border: 'var(--border, #80868f)',
  /** Hairlines that only separate: grids. */
  rule: 'var(--rule, #d5d8dd)',
} as const;

/** What the colours stand for, the same in every figure. */
export const ROLES = {
  /** Lines of a chart in order: the first series, the second, … (with dashes as the second cue). */
  series: [COLOURS.blue, COLOURS.vermillion, COLOURS.green, COLOURS.purple],
  /** A positive weight or value, and a negative one (the network diagram, the meter). */
  positive: COLOURS.blue,
  negative: COLOURS.vermillion,
  zero: NEUTRALS.muted,
  /** The current point, a marker the reader moves. */
  current: COLOURS.vermillion,
  /** A reference line (Var(y), a best fit). */
  reference: NEUTRALS.muted,
  /** The halo under a label drawn over a figure. */
  halo: NEUTRALS.surface,
} as const;

/**
 * Marks drawn over a heat map (kit/heatmap.ts): the map's viridis colours are the same in both
 * schemes, so these are too — Okabe–Ito's own values, not the scheme's, with white halos and
 * black outlines that stand out from both ends of viridis.
 */
export const OVER_HEATMAP = {
  current: OKABE_ITO.vermillion,
  start: OKABE_ITO.green,
  halo: '#ffffff',
  outline: OKABE_ITO.black,
  /** Contour lines: white, half transparent, so the colours show through. */
  contour: 'rgba(255,255,255,0.55)',
} as const;
