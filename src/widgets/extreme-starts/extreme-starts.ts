// <np-extreme-starts>: retrains the chosen start whenever a setting changes, in slices so a
// 20,000-epoch run never holds the page, and redraws the loss curve, meter, tables and numbers.
// Settings, links and locks are the kit's WidgetElement; the run can be saved (runRecord.ts).
import { extremeStartsSettings, type ExtremeStartsConfig } from '../../experiments/extreme-starts/settings';
import { extremeRun, extremeRunSteps } from '../../experiments/extreme-starts/run';
import { formatInteger } from '../../experiments/format';
import { shareUrl } from '../../experiments/link';
import { nameSavedFiles } from '../kit/download';
import { WidgetElement } from '../kit/element';
import { wireRunSaving } from '../kit/runExport';
import { extremeRunRecord } from './runRecord';
import { divergenceAdvice, extremeScene } from './scene';

class NpExtremeStarts extends WidgetElement<ExtremeStartsConfig> {
  protected readonly settings = extremeStartsSettings;
  protected readonly defaultShareKey = 'extremes';

  protected setup(): void {
    const key = this.dataset.shareKey ?? this.defaultShareKey;
    nameSavedFiles(this, () => `${this.current().start}-epoch-${this.current().epochs}`);
    // The run shown is the current settings' (the figure is redrawn from them): rebuilt to save it.
    wireRunSaving(this, () => {
      const config = this.current();
      const link = shareUrl(this.ownerDocument.location.href, key, this.settings.serialise(config), this.shared, this.id || undefined);
      return extremeRunRecord(extremeRun(config), key, link);
    }, (m) => this.status.note(m));
  }

  protected async update(config: ExtremeStartsConfig): Promise<void> {
    const run = await this.runSliced(extremeRunSteps(config), (epoch) => `Training… epoch ${formatInteger(epoch)} of ${formatInteger(config.epochs)}.`);
    if (!run) return;
    this.drawScene(extremeScene(run));
    this.status.problem('diverged', run.status === 'diverged' ? divergenceAdvice(run, (name) => this.isLocked(name)) : null);
  }
}

if (!customElements.get('np-extreme-starts')) customElements.define('np-extreme-starts', NpExtremeStarts);
