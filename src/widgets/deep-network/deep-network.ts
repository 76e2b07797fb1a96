// <np-deep-network>: retrains the network(s) whenever a setting changes, in slices of a few
// milliseconds (kit/slices.ts) so the page keeps scrolling; a newer change drops the older run.
// The two width fields are the widget's own text controls (a list of widths per field).
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { deepNetworkRunSteps, type DeepProgress } from '../../experiments/deep-network/run';
import { deepNetworkSettings, type DeepNetworkConfig } from '../../experiments/deep-network/settings';
import { formatCount, formatInteger } from '../../experiments/format';
import { shareUrl } from '../../experiments/link';
import { WidgetElement } from '../kit/element';
import { ownControls, type TextControl } from '../kit/settingControls';
import { sliceScheduler } from '../kit/slices';
import { deepNetworkScene } from './scene';

class NpDeepNetwork extends WidgetElement<DeepNetworkConfig> {
  protected readonly settings = deepNetworkSettings;
  protected readonly defaultShareKey = 'deep';
  // Training runs after the redraw, in slices: it says it ran once the trained networks are drawn
  // (a predict-then-run exercise waits for that).
  protected readonly reportsOwnRuns = true;
  readonly #slices = sliceScheduler();

  protected ownControls(): Record<string, TextControl> {
    const controls: Record<string, TextControl> = {};
    for (const name of ['widths', 'against'] as const) {
      const input = ownControls<HTMLInputElement>(this, `[data-text-setting][data-name="${name}"] input`)[0];
      if (!input) continue;
      const field = this.settings.fields[name];
      let valid = input.value;
      input.addEventListener('input', () => {
        const result = field.read(input.value);
        if (!result.ok) {
          input.setAttribute('aria-invalid', 'true');
          this.status.problem(name, result.message);
          return;
        }
        input.removeAttribute('aria-invalid');
        this.status.problem(name, null);
        const text = field.write(result.value as never);
        if (text === valid) return;
        valid = text;
        this.changed(name);
      });
      controls[name] = {
        value: () => valid,
        set: (text) => {
          valid = text;
          input.value = text === 'none' ? '' : text.split(',').join(', ');
          input.removeAttribute('aria-invalid');
        },
      };
    }
    return controls;
  }

  protected setup(): void {
    ownControls<HTMLButtonElement>(this, 'button[data-action="cancel"]')[0]?.addEventListener('click', () => {
      this.#slices.cancel();
      this.#idle('Stopped: the figure still shows the last finished run.');
    });
  }

  protected update(config: DeepNetworkConfig): void {
    this.#keepAddress();
    void this.#train(config);
  }

  /** With data-keep-address (the playground), the address holds the settings drawn, under this widget's prefix only. */
  #keepAddress(): void {
    if (!this.hasAttribute('data-keep-address')) return;
    const doc = this.ownerDocument;
    const url = shareUrl(doc.location.href, this.dataset.shareKey ?? this.defaultShareKey, this.link(), this.shared);
    if (url !== doc.location.href) history.replaceState(history.state, '', url);
  }

  async #train(config: DeepNetworkConfig): Promise<void> {
    const progress = ownControls<HTMLProgressElement>(this, '[data-progress]')[0];
    const cancel = ownControls<HTMLButtonElement>(this, 'button[data-action="cancel"]')[0];
    const total = config.epochs * (config.against ? 2 : 1);
    this.dataset.state = 'training';
    if (cancel) cancel.disabled = false;
    this.say('Training…');
    const result = await this.#slices.run(deepNetworkRunSteps(config, defaultDataset()), {
      onProgress: (p: DeepProgress) => {
        const done = p.network * config.epochs + p.epoch;
        if (progress) {
          progress.max = total;
          progress.value = done;
        }
        this.say(`Training network ${p.network + 1}: epoch ${formatInteger(p.epoch)} of ${formatInteger(config.epochs)}…`);
      },
    });
    if (!result.done) return;
    this.drawScene(deepNetworkScene(result.value));
    this.reportRun(config);
    const diverged = result.value.runs.find((r) => r.status !== 'ok');
    this.#idle(diverged ? `${diverged.label} diverged: ${diverged.message}` : `Trained ${result.value.runs.map((r) => r.label).join(' and ')} for ${formatCount(config.epochs, 'epoch')}.`);
  }

  #idle(message: string): void {
    const progress = ownControls<HTMLProgressElement>(this, '[data-progress]')[0];
    const cancel = ownControls<HTMLButtonElement>(this, 'button[data-action="cancel"]')[0];
    if (progress) progress.value = progress.max;
    if (cancel) cancel.disabled = true;
    this.dataset.state = 'idle';
    this.say(message);
  }
}

if (!customElements.get('np-deep-network')) customElements.define('np-deep-network', NpDeepNetwork);
