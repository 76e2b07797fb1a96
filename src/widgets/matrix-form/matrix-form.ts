// <np-matrix-form>: redraws the matrices, the picked entry's terms and the two partials whenever the
// network, the parameters or the entry change. The entry list follows the network (9 or 15
// parameters); the write-up's example only fits 2-2-1, so choosing 2-2-2-1 moves to a He start,
// and choosing the example moves back to 2-2-1 (rather than leaving the figure stuck on a
// combination that cannot be drawn).
import { defaultDataset } from '../../experiments/data/defaultDataset';
import { matrixFormRun, type MatrixFormRun } from '../../experiments/matrix-form/entries';
import { MATRIX_PARAMETER_COUNT, matrixFormSettings, type MatrixFormConfig } from '../../experiments/matrix-form/settings';
import { WidgetElement } from '../kit/element';
import { ownControls } from '../kit/settingControls';
import { entryOptions, matrixFormScene } from './scene';

class NpMatrixForm extends WidgetElement<MatrixFormConfig> {
  protected readonly settings = matrixFormSettings;
  protected readonly defaultShareKey = 'matrix';
  #run: { key: string; run: MatrixFormRun } | null = null;

  protected changed(name: string): void {
    const config = this.current();
    const fixes: Partial<MatrixFormConfig> = {};
    if (name === 'network') {
      if (config.network !== '2-2-1' && config.start === 'writeup-example') fixes.start = 'he';
      if (config.entry > MATRIX_PARAMETER_COUNT[config.network]) fixes.entry = 1;
      this.#showEntries(config.network);
    }
    if (name === 'start' && config.start === 'writeup-example' && config.network !== '2-2-1' && !this.isLocked('network')) {
      fixes.network = '2-2-1';
      if (config.entry > MATRIX_PARAMETER_COUNT['2-2-1']) fixes.entry = 1;
      this.#showEntries('2-2-1');
    }
    if (Object.keys(fixes).length) {
      this.change(fixes);
      return;
    }
    super.changed(name);
  }

  protected setup(config: MatrixFormConfig): void {
    this.#showEntries(config.network);
    this.#showSeed(config);
  }

  protected update(config: MatrixFormConfig): void {
    const key = `${config.network}:${config.start}:${config.seed}`;
    if (this.#run?.key !== key) this.#run = { key, run: matrixFormRun(config, defaultDataset()) };
    this.drawScene(matrixFormScene(this.#run.run, config.entry));
    this.#showEntries(config.network);
    this.#showSeed(config);
  }

  /** The seed only draws a He start: with the write-up's printed example it would change nothing, so it is off. */
  #showSeed(config: MatrixFormConfig): void {
    const off = config.start !== 'he' || this.isLocked('seed');
    for (const control of ownControls<HTMLInputElement | HTMLButtonElement>(this, '[data-name="seed"] input, button[data-sets="seed"]')) control.disabled = off;
  }

  /** The entry list names the parameters of the network shown; entries it does not have are disabled. */
  #showEntries(network: MatrixFormConfig['network']): void {
    const select = ownControls<HTMLSelectElement>(this, '[data-name="entry"] select')[0];
    if (!select) return;
    const options = entryOptions(network);
    for (const option of select.options) {
      const own = options[Number(option.value) - 1];
      option.disabled = !own;
      if (own && option.textContent !== own.label) option.textContent = own.label;
    }
  }
}

if (!customElements.get('np-matrix-form')) customElements.define('np-matrix-form', NpMatrixForm);
