// <np-bowl>: redraws the bowl, the path and the numbers on every change (a thousand steps on a
// bowl take well under a millisecond); dragging on the picture, or the arrow keys on it, moves the
// start through change(), so a link's lock on the start holds.
import { bowlSettings, START_LIMIT, type BowlConfig } from '../../experiments/bowl/settings';
import { formatNumber } from '../../experiments/format';
import { wireDragLayer } from '../kit/dragLayer';
import { WidgetElement } from '../kit/element';
import { bowlFrame, bowlScene, runBowl, BOWL_HEIGHT, BOWL_WIDTH } from './scene';

class NpBowl extends WidgetElement<BowlConfig> {
  protected readonly settings = bowlSettings;
  protected readonly defaultShareKey = 'bowl';

  protected setup(): void {
    const handle = this.querySelector<HTMLElement>('[data-drag]');
    const svg = this.querySelector('[data-panel="bowl"] svg');
    if (!handle || !svg) return;
    const frame = bowlFrame();
    const clamp = (v: number) => Math.max(-START_LIMIT, Math.min(START_LIMIT, Math.round(v * 20) / 20));
    const setStart = (x: number, y: number) => {
      if (this.isLocked('startX') || this.isLocked('startY')) return;
      const c = this.current();
      const startX = clamp(x), startY = clamp(y);
      if (startX !== c.startX || startY !== c.startY) this.change({ startX, startY });
    };
    const invert = (v: number, range: [number, number], pixels: [number, number]) => range[0] + ((v - pixels[0]) / (pixels[1] - pixels[0])) * (range[1] - range[0]);
    const moves: Record<string, [number, number]> = { ArrowRight: [0.1, 0], ArrowLeft: [-0.1, 0], ArrowUp: [0, 0.1], ArrowDown: [0, -0.1] };
    wireDragLayer(handle, svg, BOWL_WIDTH, BOWL_HEIGHT, {
      point: (px, py) => setStart(invert(px, frame.xDomain, [frame.x(frame.xDomain[0]), frame.x(frame.xDomain[1])]), invert(py, frame.yDomain, [frame.y(frame.yDomain[0]), frame.y(frame.yDomain[1])])),
      key: (key) => {
        const move = moves[key];
        if (!move) return false;
        const c = this.current();
        setStart(c.startX + move[0], c.startY + move[1]);
        return true;
      },
    });
  }

  protected update(config: BowlConfig): void {
    const scene = bowlScene(runBowl(config));
    this.drawScene({ panels: scene.panels, numbers: scene.numbers, tables: { path: scene.rows } });
    const verdict = this.querySelector<HTMLElement>('[data-number="verdict"]');
    if (verdict) verdict.dataset.state = scene.state;
    const handle = this.querySelector<HTMLElement>('[data-drag]');
    handle?.setAttribute('aria-valuetext', `θ1 = ${formatNumber(config.startX)}, θ2 = ${formatNumber(config.startY)}`);
  }
}

if (!customElements.get('np-bowl')) customElements.define('np-bowl', NpBowl);
