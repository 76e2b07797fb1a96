// <np-setup-comparison>: retrains both setups whenever a setting changes, in slices so the longest
// runs never hold the page, and redraws the chart and the numbers. A combination that asks for
// more work than a page runs at once is a rule of the schema: the kit names it and keeps the last
// figure. Settings, links and locks are the kit's WidgetElement.
import { setupComparisonSettings, SETUPS, settingName, type SetupComparisonConfig } from '../../experiments/setup-comparison/settings';
import { runBothSteps } from '../../experiments/setup-comparison/run';
import { ownControls } from '../kit/settingControls';
import { WidgetElement } from '../kit/element';
import { comparisonScene } from './scene';

class NpSetupComparison extends WidgetElement<SetupComparisonConfig> {
  protected readonly settings = setupComparisonSettings;
  protected readonly defaultShareKey = 'compare';

  /** A link may ask for a batch size the menu does not list: it gets an option of its own. */
  protected setup(config: SetupComparisonConfig): void {
    for (const s of SETUPS) {
      const name = settingName(s, 'batchSize');
      const select = ownControls<HTMLSelectElement>(this, `[data-select][data-name="${name}"] select`)[0];
      const value = String(config[name]);
      if (select && ![...select.options].some((o) => o.value === value)) select.add(new Option(`${value} samples`, value));
      if (select) select.value = value;
    }
  }

  protected async update(config: SetupComparisonConfig): Promise<void> {
    const runs = await this.runSliced(runBothSteps(config));
    if (!runs) return;
    const scene = comparisonScene(config, runs);
    this.drawScene(scene);
    // A diverged run is news, not a mistake of the reader's: it goes with the summary (the chart
    // and the table mark it too), so later notes such as "link copied" can still be seen.
    const advice = scene.divergence ? this.suggest('learningRate', ' Try a smaller learning rate.') : '';
    this.say([scene.divergence && scene.divergence + advice, scene.summary].filter(Boolean).join(' '));
  }
}

if (!customElements.get('np-setup-comparison')) customElements.define('np-setup-comparison', NpSetupComparison);
