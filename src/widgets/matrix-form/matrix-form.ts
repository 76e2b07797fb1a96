// <np-matrix-form>: redraws the matrices, the picked entry's terms and the partials whenever the
// network, the parameters or the entry change. The entry list follows the network (9 parameters
// for 2-2-1, 105 for 2-8-8-1); when the widths change, the picked entry stays where it was (the
// same layer, row and column) if the new network has it. The write-up's example only fits 2-2-1, so
// another network moves to a He start, and choosing the example moves back to 2-2-1 (rather than
// leaving the figure stuck on a combination that cannot be drawn). Clicking an entry picks it.
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { matrixFormRun, type MatrixFormRun } from '../../experiments/matrix-form/entries';
import { isCourseNetwork, matrixFormSettings, matrixWidths, type MatrixFormConfig } from '../../experiments/matrix-form/settings';
import { deepLayout } from '../../trainer/deepParameters';
import { matrixEntryOf, parameterAtEntry } from '../../trainer/matrixForm';
import { WidgetElement } from '../kit/element';
import { ownControls } from '../kit/settingControls';
import { entryOptions, MATRICES_WIDTH, matrixFormScene } from './scene';

const SHAPE = ['network', 'h1', 'h2'];

class NpMatrixForm extends WidgetElement<MatrixFormConfig> {
  protected readonly settings = matrixFormSettings;
  protected readonly defaultShareKey = 'matrix';
  #run: { key: string; run: MatrixFormRun } | null = null;
  /** The widths the entry list was last built for ("2,2"). */
  #listed = '';
  /** The network the last drawing showed: where the picked entry sat before the widths changed. */
  #shown: MatrixFormConfig | null = null;

  protected changed(name: string): void {
    const config = this.current();
    const fixes: Partial<MatrixFormConfig> = {};
    if (name === 'start' && config.start === 'writeup-example' && !isCourseNetwork(config) && !this.isLocked('network') && !this.isLocked('h1')) {
      fixes.network = '2-H-1';
      fixes.h1 = 2;
    }
    const next = { ...config, ...fixes };
    if (SHAPE.includes(name) || fixes.network) {
      if (!isCourseNetwork(next) && next.start === 'writeup-example') fixes.start = 'he';
      const entry = this.#sameEntry(next);
      this.#listEntries(next);
      fixes.entry = entry;
    }
    if (Object.keys(fixes).length) {
      this.change(fixes);
      return;
    }
    super.changed(name);
  }

  /** The entry at the picked one's layer, row and column in the new widths; parameter 1 when they do not have it. */
  #sameEntry(next: MatrixFormConfig): number {
    const before = this.#shown;
    if (!before) return 1;
    try {
      const widths = matrixWidths(next);
      const old = deepLayout(matrixWidths(before));
      const entry = matrixEntryOf(old, Math.min(old.parameterCount, before.entry) - 1);
      // The output layer is the last one in both: a second layer's output weights are the first's output weights.
      const layer = entry.layer === old.layers ? widths.length + 1 : entry.layer;
      return parameterAtEntry(deepLayout(widths), { ...entry, layer }).index + 1;
    } catch {
      return 1;
    }
  }

  protected setup(config: MatrixFormConfig): void {
    this.#listEntries(config);
    this.#showShapeControls(config);
    this.#shown = config;
    // Clicking an entry picks it (the list does the same from the keyboard).
    this.addEventListener('click', (event) => {
      const cell = event.target instanceof Element ? event.target.closest('[data-panel] [data-entry]') : null;
      if (!cell || !this.contains(cell) || this.isLocked('entry')) return;
      const entry = Number(cell.getAttribute('data-entry'));
      if (Number.isInteger(entry) && entry !== this.current().entry) this.change({ entry });
    });
  }

  protected update(config: MatrixFormConfig): void {
    const key = `${matrixWidths(config).join(',')}:${config.start}:${config.seed}`;
    if (this.#run?.key !== key) this.#run = { key, run: matrixFormRun(config, defaultDataset()) };
    const scene = matrixFormScene(this.#run.run, config.entry);
    // The matrices' height follows the network: their boxes keep the figure's proportions.
    for (const box of ownControls<HTMLElement>(this, '.mf-matrices [data-panel]')) box.style.aspectRatio = `${MATRICES_WIDTH} / ${scene.height}`;
    this.drawScene(scene);
    this.#listEntries(config);
    this.#showShapeControls(config);
    this.#shown = config;
  }

  /** The seed only draws a He start, and H₂ only exists with a second layer: otherwise they are off. */
  #showShapeControls(config: MatrixFormConfig): void {
    const seedOff = config.start !== 'he' || this.isLocked('seed');
    for (const control of ownControls<HTMLInputElement | HTMLButtonElement>(this, '[data-name="seed"] input, button[data-sets="seed"]')) control.disabled = seedOff;
    const h2Off = config.network !== '2-H-H-1' || this.isLocked('h2');
    for (const control of ownControls<HTMLInputElement>(this, '[data-name="h2"] input')) control.disabled = h2Off;
  }

  /** The entry list names the parameters of the network shown, rebuilt when its widths change. */
  #listEntries(config: MatrixFormConfig): void {
    const widths = matrixWidths(config);
    const select = ownControls<HTMLSelectElement>(this, '[data-name="entry"] select')[0];
    if (!select) return;
    if (this.#listed !== widths.join(',')) {
      const options = entryOptions(widths).map((o) => {
        const option = document.createElement('option');
        option.value = o.value;
        option.textContent = o.label;
        return option;
      });
      select.replaceChildren(...options);
      this.#listed = widths.join(',');
    }
    select.value = String(config.entry);
  }
}

if (!customElements.get('np-matrix-form')) customElements.define('np-matrix-form', NpMatrixForm);
