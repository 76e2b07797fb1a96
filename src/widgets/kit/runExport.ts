// "Save the run's numbers" (WidgetFrame's saveRun buttons): the widget gives the run it shows
// now as a RunRecord; the files are made from it only when a button is pressed.
import { fileNameFor, saveBlob } from './download';
import { showSaveGroup } from './saveBox';
import { dataCsv, dataFileLabel, lossCsv, parametersCsv, runJson, type RunRecord } from './runFiles';

const CSV = 'text/csv;charset=utf-8';

const FILES: Record<string, { what: string; name: (run: RunRecord) => string; extension: string; type: string; text: (run: RunRecord) => string }> = {
  'save-data-csv': { what: 'data set', name: dataFileLabel, extension: 'csv', type: CSV, text: dataCsv },
  'save-parameters-csv': { what: 'parameters', name: () => 'parameters', extension: 'csv', type: CSV, text: parametersCsv },
  'save-loss-csv': { what: 'loss history', name: () => 'loss-history', extension: 'csv', type: CSV, text: lossCsv },
  'save-run-json': { what: 'settings, data, parameters and loss history', name: () => 'run', extension: 'json', type: 'application/json', text: runJson },
};

/**
 * Wires the run's save buttons inside `host` and shows them. `run` returns the run as shown now
 * (null while there is none, e.g. during a replay); `say` notes what was saved in the status line.
 */
export function wireRunSaving(host: HTMLElement, run: () => RunRecord | null, say: (message: string) => void): void {
  const group = host.querySelector<HTMLElement>('[data-save-run]');
  if (!group || group.dataset.wired !== undefined) return;
  group.dataset.wired = '';
  showSaveGroup(group);
  for (const [action, file] of Object.entries(FILES)) {
    group.querySelector(`[data-action="${action}"]`)?.addEventListener('click', () => {
      try {
        const record = run();
        if (!record) return say('The run is still being replayed; save it once it has arrived.');
        const name = fileNameFor(host, file.name(record), file.extension);
        saveBlob(host, new Blob([file.text(record)], { type: file.type }), name);
        say(`Saved the run’s ${file.what} as ${name}.`);
      } catch (error) {
        say(`Could not save the run’s ${file.what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }
}
