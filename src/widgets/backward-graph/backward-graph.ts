// <np-backward-graph>: steps the backward sweep forwards and back (buttons, the "Nodes swept"
// slider, the arrow keys on it), plays it one node at a time, and redraws the graph and the step.
// Settings, links, locks and redrawing are the kit's WidgetElement; the step is a setting, so a
// link opens the sweep where it was left.
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { backwardGraphSettings, graphNodeCount, type BackwardGraphConfig } from '../../experiments/backward-graph/settings';
import { backwardSweep, type BackwardSweep } from '../../experiments/backward-graph/sweep';
import { WidgetElement } from '../kit/element';
import { ownControls } from '../kit/settingControls';
import { backwardGraphScene } from './scene';

/** One node per beat when playing; reduced motion keeps the same discrete steps (nothing moves between them). */
const PLAY_MS = 900;

class NpBackwardGraph extends WidgetElement<BackwardGraphConfig> {
  protected readonly settings = backwardGraphSettings;
  protected readonly defaultShareKey = 'graph';
  #sweep: { key: string; sweep: BackwardSweep } | null = null;
  #timer = 0;

  protected setup(config: BackwardGraphConfig): void {
    const moves: Record<string, (step: number, total: number) => number> = {
      first: () => 0,
      back: (s) => s - 1,
      next: (s) => s + 1,
      last: (_, total) => total,
    };
    for (const button of ownControls<HTMLButtonElement>(this, 'button[data-action]')) {
      const move = moves[button.dataset.action ?? ''];
      if (move) button.addEventListener('click', () => {
        this.#stop();
        this.#go(move);
      });
    }
    ownControls<HTMLButtonElement>(this, 'button[data-action="play"]')[0]?.addEventListener('click', () => (this.#timer ? this.#stop() : this.#play()));
    this.#showButtons(config.step, graphNodeCount(config.samples));
  }

  disconnectedCallback(): void {
    this.#stop();
  }

  protected changed(name: string): void {
    if (name === 'samples' || name === 'step') {
      // Fewer samples make a shorter sweep: stay inside it rather than name a broken rule.
      const config = this.current();
      const total = graphNodeCount(config.samples);
      if (config.step > total) {
        this.change({ step: total });
        return;
      }
    }
    super.changed(name);
  }

  protected update(config: BackwardGraphConfig): void {
    const scene = backwardGraphScene(this.#sweepFor(config), config.step);
    // Both figures' heights follow what they show (the samples, the parents of this step): their boxes keep the proportions.
    for (const [name, svg] of Object.entries(scene.panels)) {
      const box = ownControls<HTMLElement>(this, `[data-panel="${name}"]`)[0];
      const [, , w, h] = String(svg.attrs?.viewBox ?? '').split(' ');
      if (box && w && h) box.style.aspectRatio = `${w} / ${h}`;
    }
    this.drawScene(scene);
    this.#showButtons(scene.step, scene.total);
    if (scene.step === scene.total) this.#stop();
  }

  /** A button that would not move the sweep is disabled (at either end, or when a teacher's link fixes the step). */
  #showButtons(step: number, total: number): void {
    const at = (action: string) => ownControls<HTMLButtonElement>(this, `button[data-action="${action}"]`)[0];
    const locked = this.isLocked('step');
    for (const action of ['first', 'back']) if (at(action)) at(action).disabled = locked || step === 0;
    for (const action of ['next', 'last', 'play']) if (at(action)) at(action).disabled = locked || step >= total;
    this.dataset.total = String(total);
  }

  #sweepFor(config: BackwardGraphConfig): BackwardSweep {
    const key = `${config.start}:${config.samples}`;
    if (this.#sweep?.key !== key) this.#sweep = { key, sweep: backwardSweep(config, defaultDataset()) };
    return this.#sweep.sweep;
  }

  #go(move: (step: number, total: number) => number): void {
    const config = this.current();
    const total = graphNodeCount(config.samples);
    this.change({ step: Math.max(0, Math.min(total, move(config.step, total))) });
  }

  #play(): void {
    const button = ownControls<HTMLButtonElement>(this, 'button[data-action="play"]')[0];
    if (button) {
      button.setAttribute('aria-pressed', 'true');
      button.textContent = 'Pause';
    }
    this.dataset.playing = 'true';
    const beat = () => {
      const config = this.current();
      if (config.step >= graphNodeCount(config.samples)) return this.#stop();
      this.#go((s) => s + 1);
      this.#timer = window.setTimeout(beat, PLAY_MS);
    };
    this.#timer = window.setTimeout(beat, 0);
  }

  #stop(): void {
    window.clearTimeout(this.#timer);
    this.#timer = 0;
    delete this.dataset.playing;
    const button = ownControls<HTMLButtonElement>(this, 'button[data-action="play"]')[0];
    if (button) {
      button.setAttribute('aria-pressed', 'false');
      button.textContent = 'Play';
    }
  }
}

if (!customElements.get('np-backward-graph')) customElements.define('np-backward-graph', NpBackwardGraph);
