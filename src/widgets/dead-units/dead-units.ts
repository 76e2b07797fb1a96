// <np-dead-units>: retrains the before/after table whenever a setting changes (in slices) and
// redraws the table, the planes and the findings. "Load the write-up's starting values" goes
// through change(), so a teacher's locked start stays locked (and the button is off then).
// Settings, links and locks are the kit's WidgetElement.
import { deadUnitsSettings, type DeadUnitsConfig } from '../../experiments/dead-units/settings';
import { deadUnitsRunSteps } from '../../experiments/dead-units/run';
import { formatInteger } from '../../experiments/format';
import { WidgetElement } from '../kit/element';
import { ownControls } from '../kit/settingControls';
import { deadUnitsScene, type TableRow } from './scene';

const WRITEUP_VALUES = 'W1 = −0.46, W2 = −6.59, W3 = 8.47, W4 = −9.91, W5 = −8.92, W6 = 2.06, B1 = −4.44, B2 = 4.01, B3 = −2.5';

class NpDeadUnits extends WidgetElement<DeadUnitsConfig> {
  protected readonly settings = deadUnitsSettings;
  protected readonly defaultShareKey = 'dead';
  /** What the status line says once the next run is drawn (why it was rerun). */
  #why = '';

  protected setup(): void {
    const button = ownControls<HTMLButtonElement>(this, '[data-action="writeup"]')[0];
    if (!button) return;
    if (this.isLocked('start')) {
      button.disabled = true;
      return;
    }
    button.addEventListener('click', () => {
      this.#why = `Loaded the write-up’s starting values exactly as printed: ${WRITEUP_VALUES}.`;
      this.change({ start: 'writeup-example' });
    });
  }

  protected changed(name: string): void {
    // A seed means nothing to the printed example: typing one asks for the random scheme.
    if (name === 'initSeed' && this.current().start === 'writeup-example' && !this.isLocked('start')) {
      this.#why = 'The seed picks a random start, so the start switched to the write-up’s random scheme.';
      this.change({ start: 'writeup' });
      return;
    }
    super.changed(name);
  }

  protected async update(config: DeadUnitsConfig): Promise<void> {
    const run = await this.runSliced(deadUnitsRunSteps(config), (epoch) => `Training… epoch ${formatInteger(epoch)} of ${formatInteger(config.epochs)}.`);
    if (!run) return;
    const scene = deadUnitsScene(run, config.scaling, !this.isLocked('learningRate'));
    this.drawScene(scene);
    const outcome = this.querySelector<HTMLElement>('[data-outcome]');
    if (outcome) outcome.dataset.outcome = run.status;
    for (const row of scene.rows) this.#drawRow(row);
    // A diverged run is news about the run, shown with the findings and in the status note, so
    // that later notes ("link copied") can still be seen; the status line's problems are for input.
    const why = this.#why;
    this.#why = '';
    this.say([why, run.status === 'diverged' ? scene.numbers.outcome : '', scene.numbers.unchanged, scene.numbers.largest].filter(Boolean).join(' '));
  }

  #drawRow(row: TableRow): void {
    const tr = this.querySelector<HTMLElement>(`[data-before-after] tr[data-row="${row.name}"]`);
    if (!tr) return;
    tr.dataset.unchanged = String(row.unchanged);
    const cell = (name: string, text: string, badge: string | null = null, kind = '') => {
      const el = tr.querySelector<HTMLElement>(`[data-cell="${name}"]`);
      if (!el) return;
      const parts: (string | Node)[] = [text];
      if (badge) {
        const span = this.ownerDocument.createElement('span');
        span.className = 'dz-badge';
        span.dataset.badge = kind;
        span.textContent = badge;
        parts.push(span);
      }
      el.replaceChildren(...parts);
    };
    cell('owner', row.owner);
    cell('start', row.start);
    cell('final', row.final);
    cell('change', row.change, row.largest ? 'largest change' : null, 'largest');
    cell('moved', row.moved);
    cell('zeroed', row.zeroed, row.mostImportant ? 'matters most' : null, 'important');
  }
}

if (!customElements.get('np-dead-units')) customElements.define('np-dead-units', NpDeadUnits);
