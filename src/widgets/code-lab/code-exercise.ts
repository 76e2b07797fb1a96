// <np-code-exercise>: one code-lab exercise. The server drew the goal, the starting code and the
// buttons (disabled); this script puts a CodeMirror editor in place of the listing, restores the
// student's saved work, and wires Check (run in the sandbox worker), hints one at a time, the
// solution (only after a real attempt, never when a teacher's link hides it), reset and saving.
// Built on the kit's WidgetElement with no settings of its own: the base reads the link (a
// teacher's `?lab.hide=solutions` hides [data-name="solutions"]), enables the controls and sets
// data-ready. State the tests wait on is mirrored in data attributes: data-ready, data-state
// (idle / checking), data-result (passed / failed / error), data-diagnosis, data-error, data-checks.
import { defineSettings } from '../../experiments/settings/schema';
import { WidgetElement } from '../kit/element';
import { checkInSandbox } from './sandbox';
import { createEditor, type LabEditor } from './editor';
import { renderReport } from './report-view';
import { wireTraining } from './training-view';
import { loadWork, recordLabCheck, saveWork, type LabWork } from '../../lib/lab-store';
import type { CheckReport } from '../../experiments/code-lab/types';

/** The share key of every lab exercise: `?lab.hide=solutions` hides the solutions (a teacher's link). */
export const LAB_SHARE_KEY = 'lab';
const SAVE_DELAY_MS = 400;

/** A real attempt: code that differs from the starting code by more than spacing. */
export function isRealAttempt(code: string, stub: string): boolean {
  const squash = (text: string) => text.replace(/\s+/g, '');
  return squash(code) !== squash(stub);
}

/** An exercise has no settings a link could change; only the teacher's hide list applies. */
const NO_SETTINGS = defineSettings({});
type NoSettings = Record<string, never>;

class NpCodeExercise extends WidgetElement<NoSettings> {
  protected readonly settings = NO_SETTINGS;
  protected readonly defaultShareKey = LAB_SHARE_KEY;
  #id = '';
  #stub = '';
  #work: LabWork = loadWork('');
  #editor: LabEditor | null = null;
  #saveTimer = 0;

  /** The code in the editor now (CodeMirror draws only the lines near the screen, so the DOM may not hold all of it). */
  get code(): string {
    return this.#editor?.text() ?? this.#stub;
  }

  /** Nothing is drawn from settings: the exercise's own wiring is all in setup. */
  protected update(): void {}

  protected setup(): void {
    this.#id = this.dataset.exercise ?? '';
    this.#stub = this.querySelector<HTMLElement>('[data-stub]')?.textContent ?? '';
    this.#work = loadWork(this.#id);

    const mount = this.querySelector<HTMLElement>('[data-editor]');
    if (!mount) return;
    const label = `Code for ${this.querySelector('[data-title]')?.textContent ?? 'this exercise'}`;
    mount.replaceChildren();
    this.#editor = createEditor(mount, this.#work.code ?? this.#stub, label, () => this.#scheduleSave());

    this.#button('check')?.addEventListener('click', () => void this.#check());
    this.#button('hint')?.addEventListener('click', () => this.#showHint());
    this.#button('solution')?.addEventListener('click', () => this.#showSolution());
    this.#button('reset')?.addEventListener('click', () => this.#reset());
    for (let i = 0; i < this.#work.hints; i++) this.#revealHint(i);
    this.#updateHintButton();
    this.#updateSolution();
    const training = wireTraining(this);
    document.addEventListener('np-lab-passed', () => training.refresh());
    if (this.#work.passedCode !== null) this.dataset.passed = '';
    this.dataset.state = 'idle';
  }

  #button(action: string): HTMLButtonElement | null {
    return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  }

  #say(text: string): void {
    this.status.note(text);
  }

  #scheduleSave(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = window.setTimeout(() => this.#save(), SAVE_DELAY_MS);
  }

  #save(): void {
    clearTimeout(this.#saveTimer);
    const code = this.#editor?.text() ?? '';
    this.#work = { ...this.#work, code: code === this.#stub ? null : code };
    saveWork(this.#id, this.#work);
  }

  async #check(): Promise<void> {
    const editor = this.#editor;
    const check = this.#button('check');
    if (!editor || !check || this.dataset.state === 'checking') return;
    this.#save();
    const code = editor.text();
    this.dataset.state = 'checking';
    check.disabled = true;
    this.#say('Checking your code against the trainer…');
    const seed = String(this.#work.checks + 1);
    const report = await checkInSandbox(this.#id, code, seed);
    this.#show(report);
    const attempted = this.#work.attempted || (isRealAttempt(code, this.#stub) && report.error?.kind !== 'syntax');
    const passed = report.status === 'passed';
    this.#work = { ...this.#work, checks: this.#work.checks + 1, attempted, passedCode: passed ? code : this.#work.passedCode };
    saveWork(this.#id, this.#work);
    recordLabCheck(this.#id, passed);
    if (passed) this.dataset.passed = '';
    this.#updateSolution();
    check.disabled = false;
    this.dataset.state = 'idle';
    this.dataset.checks = String(this.#work.checks);
    this.dispatchEvent(new CustomEvent('np-progress', { bubbles: true }));
    if (passed) document.dispatchEvent(new CustomEvent('np-lab-passed', { detail: { exercise: this.#id } }));
  }

  #show(report: CheckReport): void {
    const target = this.querySelector<HTMLElement>('[data-report]');
    if (target) renderReport(target, report, { goTo: (line, column) => this.#editor?.goTo(line, column) });
    this.dataset.result = report.status;
    if (report.diagnosis) this.dataset.diagnosis = report.diagnosis.id;
    else delete this.dataset.diagnosis;
    if (report.error) this.dataset.error = report.error.kind;
    else delete this.dataset.error;
    this.#say(report.diagnosis ? `${report.summary} Likely bug: ${report.diagnosis.message}` : report.summary);
  }

  #hints(): HTMLElement[] {
    return Array.from(this.querySelectorAll<HTMLElement>('[data-hint]'));
  }

  #revealHint(index: number): void {
    const hint = this.#hints()[index];
    if (hint) hint.hidden = false;
  }

  #showHint(): void {
    const total = this.#hints().length;
    if (this.#work.hints >= total) return;
    this.#revealHint(this.#work.hints);
    this.#work = { ...this.#work, hints: this.#work.hints + 1 };
    saveWork(this.#id, this.#work);
    this.#updateHintButton();
    this.#say(`Hint ${this.#work.hints} of ${total} is shown below the buttons.`);
  }

  #updateHintButton(): void {
    const button = this.#button('hint');
    const total = this.#hints().length;
    if (!button) return;
    const shown = Math.min(this.#work.hints, total);
    button.textContent = shown >= total ? `All ${total} hints shown` : `Show hint ${shown + 1} of ${total}`;
    button.disabled = shown >= total;
    const list = this.querySelector<HTMLElement>('[data-hints]');
    if (list) list.hidden = shown === 0;
  }

  #updateSolution(): void {
    const button = this.#button('solution');
    const note = this.querySelector<HTMLElement>('[data-solution-note]');
    if (!button || !note) return;
    if (this.isLocked('solutions')) {
      button.hidden = true;
      note.textContent = 'Your teacher’s link hides the solutions.';
    } else {
      button.hidden = !this.#work.attempted;
      note.textContent = this.#work.attempted ? '' : 'The solution opens after you have checked an attempt of your own.';
    }
  }

  #showSolution(): void {
    if (this.isLocked('solutions') || !this.#work.attempted) return;
    const template = this.querySelector<HTMLTemplateElement>('template[data-solution]');
    const target = this.querySelector<HTMLElement>('[data-solution-view]');
    if (!template || !target) return;
    target.replaceChildren(template.content.cloneNode(true));
    target.hidden = false;
    this.#button('solution')?.setAttribute('aria-expanded', 'true');
    this.#say('The solution is shown below. Try typing it yourself rather than copying it.');
  }

  #reset(): void {
    this.#editor?.replace(this.#stub);
    this.#save();
    this.#say('Back to the starting code. Undo (Ctrl-Z in the editor) brings your code back.');
  }
}

if (!customElements.get('np-code-exercise')) customElements.define('np-code-exercise', NpCodeExercise);
