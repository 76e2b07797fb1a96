// <np-exercise>: checks an answer in the page and records it in the student's own browser.
import { parseNumberInput } from '../../experiments/settings/numberInput';
import { recordAnswer } from '../../lib/progress';
import { loadProgress, saveProgress } from '../../lib/progress-store';

class NpExercise extends HTMLElement {
  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const check = this.querySelector<HTMLButtonElement>('[data-action="check"]');
    const feedback = this.querySelector<HTMLElement>('[data-feedback]');
    const answer = this.querySelector<HTMLDetailsElement>('[data-answer]');
    for (const input of this.querySelectorAll<HTMLInputElement>('input')) input.disabled = false;
    if (!check || !feedback) return;
    check.disabled = false;
    if (loadProgress().exercises[this.dataset.exercise ?? ''] === 'correct') feedback.textContent = 'You have solved this one before.';
    check.addEventListener('click', () => {
      const result = this.dataset.kind === 'number' ? this.#checkNumber() : this.#checkChoice();
      if (result === null) return;
      feedback.textContent = result.message;
      feedback.classList.toggle('error', !result.correct);
      if (answer && (result.correct || this.dataset.kind === 'choice')) answer.open = true;
      saveProgress(recordAnswer(loadProgress(), this.dataset.exercise ?? '', result.correct));
      this.dispatchEvent(new CustomEvent('np-progress', { bubbles: true }));
    });
    this.setAttribute('data-ready', '');
  }

  #checkChoice(): { correct: boolean; message: string } | null {
    const chosen = this.querySelector<HTMLInputElement>('input[type=radio]:checked');
    const feedback = this.querySelector<HTMLElement>('[data-feedback]')!;
    if (!chosen) {
      feedback.textContent = 'Choose one of the options first.';
      feedback.classList.add('error');
      return null;
    }
    const correct = chosen.dataset.correct === 'true';
    const predict = this.querySelector('.exercise-run') !== null;
    const message = predict
      ? `Prediction locked in (${correct ? 'and it is right' : 'but it is not what happens'}). Now run it in the widget and read why below.`
      : correct
        ? 'Right. The explanations below say why each option is right or wrong.'
        : 'Not quite. Read why below, then try another option.';
    return { correct, message };
  }

  #checkNumber(): { correct: boolean; message: string } | null {
    const field = this.querySelector<HTMLInputElement>('[data-field]');
    const feedback = this.querySelector<HTMLElement>('[data-feedback]')!;
    const parsed = parseNumberInput(field?.value, { min: -1e12, max: 1e12, label: 'Your answer' });
    if (!parsed.ok) {
      feedback.textContent = parsed.message;
      feedback.classList.add('error');
      field?.setAttribute('aria-invalid', 'true');
      return null;
    }
    field?.removeAttribute('aria-invalid');
    const target = Number(this.dataset.answerValue);
    const tolerance = Number(this.dataset.tolerance);
    const correct = Math.abs(parsed.value - target) <= tolerance;
    const message = correct
      ? 'Right.'
      : `Not quite: ${parsed.value > target ? 'too high' : 'too low'}. Check each step, or open the answer below.`;
    return { correct, message };
  }
}

if (!customElements.get('np-exercise')) customElements.define('np-exercise', NpExercise);
