// <np-data-explorer>: redraws the server-drawn figure, numbers and sample table whenever a
// setting changes. Everything else (settings from the page and the link, locks, Copy link,
// New seed) is the kit's WidgetElement.
import { TrainerInputError } from '../../trainer/errors';
import { dataExplorerSettings, explorerDataset, type DataExplorerConfig } from '../../experiments/data-explorer/settings';
import { WidgetElement } from '../kit/element';
import { dataExplorerScene } from './scene';

class NpDataExplorer extends WidgetElement<DataExplorerConfig> {
  protected readonly settings = dataExplorerSettings;
  protected readonly defaultShareKey = 'data';

  protected update(config: DataExplorerConfig): void {
    try {
      this.drawScene(dataExplorerScene(explorerDataset(config)));
      this.status.problem('data', null);
    } catch (error) {
      if (!(error instanceof TrainerInputError)) throw error;
      this.status.problem('data', `${error.message} The figure still shows the last valid data.`);
    }
  }
}

if (!customElements.get('np-data-explorer')) customElements.define('np-data-explorer', NpDataExplorer);
