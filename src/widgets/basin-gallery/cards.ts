// The gallery's cards in the page: one list item per seed, a placeholder until its run arrives,
// then a link that replays the run in the training console (cardLink.ts writes where it points).
// DOM methods only; each card's figure is a scene from scene.ts.
import type { SweepRun } from '../../trainer/sweep';
import { renderInto, SVG_NS, type SvgNode } from '../kit/svg';
import { pendingCardScene, runState } from './scene';

function svgOf(doc: Document, scene: SvgNode): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  renderInto(svg, scene);
  return svg;
}

/** One placeholder card per seed (a link only once its run has finished). */
export function placeholderCards(host: HTMLElement, seeds: readonly number[], words: string): void {
  const list = host.querySelector('[data-cards]');
  if (!list) return;
  const doc = host.ownerDocument;
  list.replaceChildren(
    ...seeds.map((seed) => {
      const li = doc.createElement('li');
      const card = doc.createElement('span');
      card.className = 'bg-card';
      card.dataset.seed = String(seed);
      card.append(svgOf(doc, pendingCardScene(seed, words)));
      li.append(card);
      return li;
    }),
  );
}

/** The card at `index`: a link to `href` once `run` has finished, else a plain placeholder. */
export function setCard(host: HTMLElement, index: number, scene: SvgNode, run?: SweepRun, href?: string): void {
  const li = host.querySelector('[data-cards]')?.children[index];
  if (!li) return;
  const doc = host.ownerDocument;
  let card: HTMLElement;
  if (run && href !== undefined) {
    const a = doc.createElement('a');
    a.href = href;
    card = a;
    (li as HTMLElement).dataset.state = runState(run);
  } else card = doc.createElement('span');
  card.className = 'bg-card';
  card.append(svgOf(doc, scene));
  li.replaceChildren(card);
}

/** A server-drawn card's run: only its seed and length are needed to replay it. */
export function serverRun(card: HTMLAnchorElement): SweepRun | undefined {
  const seed = Number(card.dataset.seed), epochs = Number(card.dataset.epochs);
  if (!Number.isInteger(seed) || !Number.isInteger(epochs)) return undefined;
  return { seed, status: 'ok', finalLoss: NaN, rSquared: NaN, epochs, units: [] };
}
