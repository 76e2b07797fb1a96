// Figure text sizes, as CSS classes (global.css draws them). A figure's viewBox is fixed and scales
// with its box, so a size in viewBox units alone shrinks on a phone: 12 units in a 420-unit chart
// drawn 309 px wide is 8.8 px (issue 12). Each class is "this many viewBox units, but never below
// 12 CSS px on the screen": global.css reads the scale from the figure's root <svg>, a size
// container that knows its viewBox width (figureRootAttrs). A desktop keeps the figure's own
// proportions; on a phone the words grow in viewBox units, and layouts leave room for that with
// textSizeOnPhone.

/** The smallest text a reader gets in a figure, CSS px (the legibility guard's floor). */
export const MIN_TEXT_PX = 12;

/**
 * The width a figure is drawn at on a 375 px phone, CSS px: the page's and the widget's padding
 * leave 309 px (measured). Narrower phones get larger words than the layouts plan for.
 */
export const PHONE_FIGURE_PX = 309;

/** The type sizes, in viewBox units at desktop scale, and their classes. */
export const TEXT_SIZES = {
  /** Notes and secondary lines. */
  small: 11,
  /** Tick labels, legends, labels on marks: the default. */
  body: 12,
  /** Axis titles. */
  title: 13,
  /** A chart's heading. */
  heading: 14,
  /** Names of nodes in a diagram. */
  large: 16,
} as const;

export type TextSize = keyof typeof TEXT_SIZES;

export const TEXT_CLASS: Record<TextSize, string> = {
  small: 'np-text-small',
  body: 'np-text',
  title: 'np-text-title',
  heading: 'np-text-heading',
  large: 'np-text-large',
};

/** The class of a type size, with any other classes of the element. */
export function textClass(size: TextSize = 'body', ...others: (string | undefined | false)[]): string {
  return [TEXT_CLASS[size], ...others.filter(Boolean)].join(' ');
}

/**
 * How large a type size is in viewBox units on a 375 px phone, for a figure `viewBoxWidth` wide:
 * what a layout must leave room for (margins for tick labels, gaps between rows of labels).
 */
export function textSizeOnPhone(size: TextSize | number, viewBoxWidth: number): number {
  const units = typeof size === 'number' ? size : TEXT_SIZES[size];
  return Math.max(units, (MIN_TEXT_PX * viewBoxWidth) / PHONE_FIGURE_PX);
}

/**
 * The attributes of a figure's root <svg>: its class (a size container, see global.css), its
 * viewBox width for the text floor, and its aspect ratio (a size container has no intrinsic one).
 */
export function figureRootAttrs(width: number, height: number, className?: string): { class: string; style: string } {
  return { class: className ? `np-figure ${className}` : 'np-figure', style: `--np-vbw: ${width}; aspect-ratio: ${width} / ${height}` };
}
