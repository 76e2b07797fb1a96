// <np-exercise>: checks an answer in the page and records it in the student's own browser.
//   choice   a wrong pick shows that option's explanation and its hint only; the student tries
//            again, or gives up; all explanations show once right or given up
//   predict  the pick locks; what happens shows only once the named widget reports a run with
//            the asked settings (kit/events.ts WIDGET_RAN_EVENT)
//   number   read as answer.ts reads it (fractions, percentages where they fit), judged within
//            what the shown decimals promise, with the student's number in the message
// data-state says where the exercise is: open, wrong, solved, given-up, locked, revealed.
import { recordAnswer } from '../../lib/progress';
import { loadProgress, saveProgress } from '../../lib/progress-store';
import { WIDGET_RAN_EVENT, type WidgetRanDetail } from '../kit/events';
import { judgeAnswer, readAnswer, type AnswerFormat } from './answer';
import { ranWith, type AskedSettings } from './ranWith';

type State = 'open' | 'wrong' | 'solved' | 'given-up' | 'locked' | 'revealed';

function parseAsked(text: string | undefined): AskedSettings {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as AskedSettings) : {};
  } catch {
    return {};
  }
}

function isFormat(value: string | undefined): value is AnswerFormat {
  return value === 'number' || value === 'share' || value === 'percent';
}

class NpExercise extends HTMLElement {
  #feedback: HTMLElement | null = null;
  #answer: HTMLDetailsElement | null = null;

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const check = this.querySelector<HTMLButtonElement>('[data-action="check"]');
    this.#feedback = this.querySelector<HTMLElement>('[data-feedback]');
    this.#answer = this.querySelector<HTMLDetailsElement>('[data-answer]');
    for (const input of this.querySelectorAll<HTMLInputElement>('input')) input.disabled = false;
    if (!check || !this.#feedback) return;
    check.disabled = false;
    const kind = this.dataset.kind;
    // In the page, the full answer waits until it is earned (a right pick, giving up, a run).
    if (this.#answer && kind !== 'number') this.#answer.hidden = true;
    if (kind === 'predict') this.querySelector<HTMLElement>('[data-run]')?.setAttribute('hidden', '');
    if (loadProgress().exercises[this.dataset.exercise ?? ''] === 'correct') this.#say('You have solved this one before.', false);
    check.addEventListener('click', () => {
      if (kind === 'number') this.#checkNumber();
      else if (kind === 'predict') this.#lockPrediction();
      else this.#checkChoice();
    });
    this.querySelector('[data-action="give-up"]')?.addEventListener('click', () => this.#giveUp());
    this.querySelector<HTMLInputElement>('[data-field]')?.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.#checkNumber();
    });
    this.#setState('open');
    this.setAttribute('data-ready', '');
  }

  #setState(state: State): void {
    this.dataset.state = state;
  }

  #say(message: string, error: boolean): void {
    if (!this.#feedback) return;
    this.#feedback.textContent = message;
    this.#feedback.classList.toggle('error', error);
  }

  #record(correct: boolean): void {
    saveProgress(recordAnswer(loadProgress(), this.dataset.exercise ?? '', correct));
    this.dispatchEvent(new CustomEvent('np-progress', { bubbles: true }));
  }

  #showAnswer(): void {
    if (!this.#answer) return;
    this.#answer.hidden = false;
    this.#answer.open = true;
  }

  /** Shows one option's explanation and hint (written only for wrong options), hiding the others. */
  #explainOnly(index: string | null): void {
    const box = this.querySelector<HTMLElement>('[data-why-box]');
    if (!box) return;
    box.hidden = index === null;
    for (const why of box.querySelectorAll<HTMLElement>('[data-why]')) why.hidden = why.dataset.why !== index;
  }

  #picked(): HTMLInputElement | null {
    const chosen = this.querySelector<HTMLInputElement>('input[type=radio]:checked');
    if (!chosen) this.#say('Choose one of the options first.', true);
    return chosen;
  }

  #checkChoice(): void {
    const chosen = this.#picked();
    if (!chosen) return;
    const correct = chosen.dataset.correct === 'true';
    this.#record(correct);
    if (correct) {
      this.#explainOnly(null);
      this.#showAnswer();
      this.#setState('solved');
      this.#say('Right. The explanations below say why each option is right or wrong.', false);
      return;
    }
    this.#explainOnly(chosen.value);
    const giveUp = this.querySelector<HTMLButtonElement>('[data-action="give-up"]');
    if (giveUp) giveUp.hidden = false;
    this.#setState('wrong');
    this.#say('Not this one: the reason is below. Pick another option and check again.', true);
  }

  #giveUp(): void {
    this.#explainOnly(null);
    this.#showAnswer();
    this.#setState('given-up');
    this.#say('Here are all the options with why each is right or wrong.', false);
  }

  #lockPrediction(): void {
    const chosen = this.#picked();
    if (!chosen) return;
    for (const input of this.querySelectorAll<HTMLInputElement>('input[type=radio]')) input.disabled = true;
    const check = this.querySelector<HTMLButtonElement>('[data-action="check"]');
    if (check) {
      check.disabled = true;
      check.textContent = 'Prediction locked';
    }
    this.querySelector<HTMLElement>('[data-run]')?.removeAttribute('hidden');
    this.#setState('locked');
    this.#say('Your prediction is locked. Now run it in the widget as described above: what happens appears here once it has run.', false);
    const widget = this.dataset.widget ?? '';
    const asked = parseAsked(this.dataset.when);
    const onRun = (event: Event): void => {
      const detail = (event as CustomEvent<WidgetRanDetail>).detail;
      if (!detail || detail.shareKey !== widget || !ranWith(detail.settings, asked)) return;
      document.removeEventListener(WIDGET_RAN_EVENT, onRun);
      this.#reveal(chosen.dataset.correct === 'true');
    };
    document.addEventListener(WIDGET_RAN_EVENT, onRun);
  }

  #reveal(correct: boolean): void {
    this.#record(correct);
    this.#showAnswer();
    this.#setState('revealed');
    this.#say(
      correct
        ? 'You ran it, and your prediction was right. Below: why, and why the other options do not happen.'
        : 'You ran it: your prediction is not what happened. Below: what happens and why.',
      !correct,
    );
  }

  #checkNumber(): void {
    const field = this.querySelector<HTMLInputElement>('[data-field]');
    const format = isFormat(this.dataset.format) ? this.dataset.format : 'number';
    const read = readAnswer(field?.value, format);
    if (!read.ok) {
      this.#say(read.message, true);
      field?.setAttribute('aria-invalid', 'true');
      return;
    }
    field?.removeAttribute('aria-invalid');
    const judged = judgeAnswer(read.value, Number(this.dataset.answerValue), Number(this.dataset.decimals ?? 2), Number(this.dataset.tolerance));
    this.#say(judged.message, !judged.correct);
    if (judged.correct && this.#answer) this.#answer.open = true;
    this.#setState(judged.correct ? 'solved' : 'wrong');
    this.#record(judged.correct);
  }
}

if (!customElements.get('np-exercise')) customElements.define('np-exercise', NpExercise);
