// "Save the figure: SVG | PNG" for every widget (WidgetFrame renders the buttons, hidden;
// enableControls wires them). The figure is what the reader sees now: the outermost <svg>s of
// the widget's figure that are [data-panel]s (or every such <svg> if it names no panels), not
// the controls, the table or formulas. Several panels are saved together in one file, placed
// as they are on screen (figureSvg.ts); each element carries its computed style, so the file
// looks the same on its own, in the colour scheme the reader had.
import { saveBlob, fileNameFor } from './download';
import { showSaveGroup } from './saveBox';
import { figureDocument, inlineStyle, INHERITED_STYLES, OWN_STYLES, type FigureDocument, type FigurePanel, type StyleValues } from './figureSvg';
import type { AttrValue, SvgNode } from './svg';

const STYLE_NAMES = [...INHERITED_STYLES, ...Object.keys(OWN_STYLES)];
// Our own markup only, but a file is no place for handlers, focus order or the page's styles.
const DROPPED_ATTRIBUTE = /^(on|style$|tabindex$|data-)/i;
const ATTRIBUTE_NAME = /^[A-Za-z_][\w:.-]*$/;
/** Figures are saved as PNG at twice their size, sharp on high-density screens and in print. */
const PNG_SCALE = 2;

/** The figure's <svg>s (see the top of this file), whether or not they are on screen now. */
export function figureSvgs(figure: Element): SVGSVGElement[] {
  const all = [...figure.querySelectorAll('svg')].filter(
    (svg) => !svg.parentElement?.closest('svg') && svg.closest('figure.widget') === figure && !svg.closest('[data-controls], .np-table, [data-save], .katex'),
  );
  const panels = all.filter((svg) => svg.closest('[data-panel]'));
  return panels.length ? panels : all;
}

function computed(el: Element): { styles: StyleValues; shown: boolean } {
  const css = getComputedStyle(el);
  const styles: Record<string, string> = {};
  for (const name of STYLE_NAMES) styles[name] = css.getPropertyValue(name);
  return { styles, shown: css.display !== 'none' };
}

/** The live element as a scene node with its computed style written out; null if not drawn. */
function sceneOf(el: Element, parent: StyleValues | null): SvgNode | null {
  const { styles, shown } = computed(el);
  if (!shown) return null;
  const attrs: Record<string, AttrValue> = {};
  for (const { name, value } of el.attributes) if (ATTRIBUTE_NAME.test(name) && !DROPPED_ATTRIBUTE.test(name)) attrs[name] = value;
  const style = inlineStyle(styles, parent);
  if (style) attrs.style = style;
  const node: SvgNode = { tag: el.localName, attrs };
  const elements = [...el.childNodes].some((c) => c.nodeType === Node.ELEMENT_NODE);
  if (!elements) {
    if (el.textContent) node.text = el.textContent;
    return node;
  }
  node.children = [];
  for (const child of el.childNodes) {
    if (child.nodeType === Node.ELEMENT_NODE) {
      const scene = sceneOf(child as Element, styles);
      if (scene) node.children.push(scene);
    } else if (child.nodeType === Node.TEXT_NODE && child.textContent?.trim()) {
      // Text beside elements (inside <text>) keeps its place as a <tspan>, which draws the same.
      node.children.push({ tag: 'tspan', text: child.textContent });
    }
  }
  return node;
}

/** The colour behind the figure: the first ancestor with a background of its own. */
function backgroundOf(el: Element): string {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#ffffff';
}

/** The figure as drawn now, as an SVG document; null if none of its panels is on screen. */
export function figureFile(figure: Element): FigureDocument | null {
  const panels: FigurePanel[] = [];
  for (const svg of figureSvgs(figure)) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const scene = sceneOf(svg, null);
    if (scene) panels.push({ svg: scene, x: box.left, y: box.top, width: box.width, height: box.height });
  }
  if (!panels.length) return null;
  const caption = figure.querySelector(':scope > figcaption')?.textContent?.trim();
  const label = figureSvgs(figure)[0]?.getAttribute('aria-label') ?? '';
  return figureDocument(panels, { title: `Nine Parameters: ${caption || label || 'a figure'}`, background: backgroundOf(figure) });
}

/** The SVG document drawn onto a canvas at PNG_SCALE, as a PNG. */
export async function pngOf(file: FigureDocument, doc: Document): Promise<Blob> {
  const image = new Image();
  // A data: URL (the site's CSP allows data: images); an SVG image loads nothing else.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(file.text)}`;
  await image.decode();
  const canvas = doc.createElement('canvas');
  canvas.width = Math.max(1, Math.round(file.width * PNG_SCALE));
  canvas.height = Math.max(1, Math.round(file.height * PNG_SCALE));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas made no image'))), 'image/png'));
}

/**
 * Wires the "Save the figure" buttons WidgetFrame rendered inside `host` (once), and shows
 * them if the widget has a figure. `say` puts a short note in the widget's status line.
 */
export function wireFigureSaving(host: HTMLElement, say: (message: string) => void): void {
  for (const group of host.querySelectorAll<HTMLElement>('[data-save-figure]:not([data-wired])')) {
    group.dataset.wired = '';
    const figure = group.closest('figure.widget');
    if (!figure || figureSvgs(figure).length === 0) continue;
    showSaveGroup(group);
    const save = async (kind: 'svg' | 'png') => {
      const file = figureFile(figure);
      if (!file) return say('Nothing to save: the figure is not on screen.');
      const name = fileNameFor(host, '', kind);
      // Drawing a large figure into a PNG takes a moment: say at once that it is under way.
      if (kind === 'png') say(`Making ${name}…`);
      try {
        const blob = kind === 'svg' ? new Blob([file.text], { type: 'image/svg+xml' }) : await pngOf(file, host.ownerDocument);
        saveBlob(host, blob, name);
        say(`Saved the figure as ${name}.`);
      } catch (error) {
        say(`Could not save the figure as ${kind.toUpperCase()}: ${error instanceof Error ? error.message : String(error)}.`);
      }
    };
    group.querySelector('[data-action="save-svg"]')?.addEventListener('click', () => void save('svg'));
    group.querySelector('[data-action="save-png"]')?.addEventListener('click', () => void save('png'));
  }
}
