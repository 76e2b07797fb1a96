// The console's view: draws a run into the server-drawn figure — the loss curve (with the
// reader's cursor), the readout, the fit and parity panels, the network diagram, the parameter
// table and the loss table — from the pure scenes (lossScene.ts, scene.ts). It keeps no state
// but the cursor and the last loss scene (to turn a pointer position into an epoch).
import { unitActivity } from '../../trainer/units';
import { unitSummary } from '../../experiments/training/report';
import { currentLoss, rateDuring, rateMarks, type ConsoleRun } from '../../experiments/training-console/run';
import { replaceRows, showNumbers } from '../kit/dom';
import { networkDiagramScene } from '../kit/networkDiagram';
import { ownControls } from '../kit/settingControls';
import { patchInto } from '../kit/svg';
import { lossScene, lossTableRows, type LossScene } from './lossScene';
import { fitScene, gradientNow, parameterCaption, parameterRows, parityScene, readout, type ParameterRow } from './scene';

export class ConsoleView {
  /** The epoch under the reader's cursor on the loss curve, or null. */
  cursor: number | null = null;
  /** The loss curve drawn last (its axis maps a pointer to an epoch). */
  loss: LossScene | null = null;

  constructor(private readonly host: HTMLElement) {}

  #one<E extends Element = HTMLElement>(selector: string): E | null {
    return ownControls<E>(this.host, selector)[0] ?? null;
  }

  /** Redraws the run; while playing, the loss table (`full`) and the heavier `panels` may wait. */
  draw(run: ConsoleRun, rate: number, full = true, panels = true): void {
    const { trainer, data } = run;
    const H = run.config.hidden;
    this.drawLoss(run);
    this.drawNumbers(run, rate, panels);
    if (panels) {
      const fit = this.#one('[data-panel="fit"] svg');
      if (fit) patchInto(fit, fitScene(data, trainer.params, H, trainer.epoch));
      const parity = this.#one('[data-panel="parity"] svg');
      if (parity) patchInto(parity, parityScene(data, trainer.params, H, trainer.epoch));
      // The diagram draws the course's 2-2-1 network; other widths have only the table.
      const diagram = this.#one('[data-panel="diagram"]');
      if (diagram) diagram.hidden = H !== 2;
      const svg = diagram?.querySelector('svg');
      if (svg && H === 2) patchInto(svg, networkDiagramScene(trainer.params, { states: unitActivity(trainer.params, data, H).states, heading: 'The network now' }));
      showNumbers(this.host, { units: unitSummary(data, trainer.params, H), parameterCaption: parameterCaption(H) });
    }
    if (full) replaceRows(this.#one('[data-loss-table] tbody'), lossTableRows({ past: trainer.losses, current: currentLoss(run), varY: run.varY }));
  }

  /**
   * Takes the server's drawing of `run` as it stands (the page's own settings: TrainingConsole.astro
   * drew this state with the same scenes at build time) and only keeps the loss curve's axis, for
   * the cursor. Redrawing it all at start-up cost 65 ms on a fast machine (issue 17, Lighthouse).
   */
  adopt(run: ConsoleRun): void {
    this.loss = this.#lossScene(run, null);
    this.#showScrub(run, null);
  }

  #lossScene(run: ConsoleRun, cursor: number | null): LossScene {
    const { trainer, varY } = run;
    return lossScene({
      past: trainer.losses,
      current: currentLoss(run),
      varY,
      yScale: run.config.yScale,
      cursor,
      divergedAt: trainer.status === 'diverged' ? trainer.divergedAt : -1,
      rateChanges: rateMarks(run),
    });
  }

  drawLoss(run: ConsoleRun): void {
    const cursor = this.cursor === null ? null : Math.min(this.cursor, run.trainer.epoch);
    this.loss = this.#lossScene(run, cursor);
    const svg = this.#one('[data-panel="loss"] svg');
    if (svg) patchInto(svg, this.loss.svg);
    this.#showScrub(run, cursor);
  }

  /** The curve's slider: its range and value (the server's markup has none), and the readout under the cursor. */
  #showScrub(run: ConsoleRun, cursor: number | null): void {
    const { trainer, varY } = run;
    const current = currentLoss(run);
    const scrub = this.#one('[data-scrub]');
    if (!scrub) return;
    const at = cursor ?? trainer.epoch;
    const n = readout(at, at < trainer.epoch ? trainer.losses[at] : current, varY, rateDuring(run, at));
    scrub.setAttribute('aria-valuemax', String(trainer.epoch));
    scrub.setAttribute('aria-valuenow', String(at));
    scrub.setAttribute('aria-valuetext', `epoch ${n.epoch}: loss ${n.loss}, R² ${n.r2}`);
    const text = this.#one('[data-cursor-readout]');
    if (text && cursor !== null) text.textContent = `Epoch ${n.epoch}: loss ${n.loss}, R² ${n.r2}, trained with η = ${n.rate}.`;
  }

  /** The readout, and (unless `table` is false) the parameter table. */
  drawNumbers(run: ConsoleRun, rate: number, table = true): void {
    const { trainer, data, varY } = run;
    showNumbers(this.host, { ...readout(trainer.epoch, currentLoss(run), varY, rate) });
    const body = table ? this.#one<HTMLTableSectionElement>('[data-parameters] tbody') : null;
    if (body) this.#parameterTable(body, parameterRows(run.start, trainer.params, gradientNow(data, trainer.params, run.config.hidden), rate, run.config.hidden));
  }

  /** Play's label and Step back's availability. */
  buttons(playing: boolean, atStart: boolean): void {
    const play = this.#one('[data-action="play"]');
    if (play) play.textContent = playing ? 'Pause' : 'Play';
    const back = this.#one<HTMLButtonElement>('[data-action="back"]');
    if (back) back.disabled = atStart;
  }

  /** The table keeps its rows while the width stays (cheap while playing) and is rebuilt when it changes. */
  #parameterTable(body: HTMLTableSectionElement, rows: ParameterRow[]): void {
    if (body.rows.length !== rows.length) {
      const doc = body.ownerDocument;
      body.replaceChildren(
        ...rows.map((r) => {
          const tr = doc.createElement('tr');
          const name = doc.createElement('th');
          name.scope = 'row';
          const role = doc.createElement('span');
          role.className = 'tc-role';
          role.textContent = r.role;
          name.append(`${r.name} `, role);
          tr.append(name, ...Array.from({ length: 4 }, () => Object.assign(doc.createElement('td'), { className: 'num' })));
          return tr;
        }),
      );
    }
    rows.forEach((r, i) => {
      const cells = body.rows[i].cells;
      [r.start, r.now, r.gradient, r.step].forEach((text, j) => (cells[j + 1].textContent = text));
    });
  }
}
