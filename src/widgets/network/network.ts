// <np-network>: redraws the server-rendered network, its slices and its loss whenever a
// parameter or a slice position changes. A preset button, or a new seed of the He start, loads
// nine values through change(), so a teacher's locked values stay. Settings, link, locks and the
// status line are the kit's WidgetElement.
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { networkSettings, presetSettings, PRESET_OPTIONS, type NetworkConfig, type NetworkPreset } from '../../experiments/network/settings';
import { PARAMETER_NAMES } from '../../trainer/parameters';
import { WidgetElement } from '../kit/element';
import { ownControls } from '../kit/settingControls';
import { networkScene } from './scene';

class NpNetwork extends WidgetElement<NetworkConfig> {
  protected readonly settings = networkSettings;
  protected readonly defaultShareKey = 'net';
  readonly #data = defaultDataset();

  protected setup(): void {
    for (const button of ownControls<HTMLButtonElement>(this, '[data-action="preset"]')) {
      const preset = PRESET_OPTIONS.find((o) => o.value === button.dataset.preset);
      if (preset) button.addEventListener('click', () => this.#load(preset.value));
    }
  }

  /** A new seed means a new He start; every other control is a value of the figure. */
  protected changed(name: string): void {
    if (name === 'seed') this.#load('he');
    else super.changed(name);
  }

  #load(preset: NetworkPreset): void {
    this.change(presetSettings(preset, this.current().seed));
    const label = PRESET_OPTIONS.find((o) => o.value === preset)?.label ?? preset;
    const kept = PARAMETER_NAMES.filter((name) => this.isLocked(name));
    this.say(kept.length ? `Loaded: ${label}. ${kept.join(', ')} stay${kept.length === 1 ? 's' : ''} as the link fixed ${kept.length === 1 ? 'it' : 'them'}.` : '');
  }

  protected update(config: NetworkConfig): void {
    const scene = networkScene(this.#data, config);
    this.drawScene({ panels: scene.panels, numbers: { ...scene.numbers, samplesCaption: scene.sampleCaption }, tables: { samples: scene.samples } });
  }
}

if (!customElements.get('np-network')) customElements.define('np-network', NpNetwork);
