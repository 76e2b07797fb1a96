// <np-backward-flow>: steps one sample's error backwards through the network and keeps the
// diagram, the five steps' lines, the sentence and the table current. Settings, links, locks and
// redrawing are the kit's WidgetElement; the buttons change the step like any control, so the
// step slider's arrow keys and the buttons go through the same path (and a teacher's lock holds).
import { initParams } from '../../trainer/init';
import { makeDataset } from '../../trainer/data';
import { backwardFlowSettings, type BackwardFlowConfig } from '../../experiments/backward-flow/settings';
import { BACKWARD_STEP_COUNT } from '../../experiments/backward-flow/flow';
import { WidgetElement } from '../kit/element';
import { ownControls } from '../kit/settingControls';
import { backwardFlowScene } from './scene';

const data = makeDataset();
const params = initParams({ preset: 'writeup-example' });

class NpBackwardFlow extends WidgetElement<BackwardFlowConfig> {
  protected readonly settings = backwardFlowSettings;
  protected readonly defaultShareKey = 'flow';

  protected setup(): void {
    const moves: Record<string, (c: BackwardFlowConfig) => Partial<BackwardFlowConfig>> = {
      reset: () => ({ step: 0 }),
      back: (c) => ({ step: Math.max(0, c.step - 1) }),
      next: (c) => ({ step: Math.min(BACKWARD_STEP_COUNT, c.step + 1) }),
    };
    for (const [action, move] of Object.entries(moves)) {
      ownControls(this, `[data-action="${action}"]`)[0]?.addEventListener('click', () => this.change(move(this.current())));
    }
  }

  protected update(config: BackwardFlowConfig): void {
    const scene = backwardFlowScene(params, data, config.sample - 1, config.step);
    this.drawScene({ panels: { diagram: scene.diagram }, tables: { terms: scene.rows } });
    for (const li of this.querySelectorAll<HTMLElement>('li[data-step]')) {
      const k = Number(li.dataset.step);
      li.classList.toggle('is-done', k <= config.step);
      if (k === config.step) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
      const line = li.querySelector('[data-line]');
      if (line) line.textContent = scene.lines[k - 1] ?? '';
    }
    const message = this.querySelector('[data-message]');
    if (message && message.textContent !== scene.message) message.textContent = scene.message;
    const enable: Record<string, boolean> = { reset: config.step > 0, back: config.step > 0, next: config.step < BACKWARD_STEP_COUNT };
    const active = this.ownerDocument.activeElement;
    let lostFocus = false;
    for (const [action, on] of Object.entries(enable)) {
      const button = this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
      if (!button || button.dataset.locked !== undefined) continue;
      if (!on && button === active) lostFocus = true;
      button.disabled = !on;
    }
    // A button that just went off (Next at the last step) hands the focus to one still on.
    if (lostFocus) this.querySelector<HTMLButtonElement>('[data-action="back"]:not(:disabled), [data-action="next"]:not(:disabled)')?.focus();
  }
}

if (!customElements.get('np-backward-flow')) customElements.define('np-backward-flow', NpBackwardFlow);
