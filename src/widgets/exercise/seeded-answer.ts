// <np-seeded-answer>: an assignment exercise for the student whose name is stored (or given by
// the page through setStudent): writes their question and link, and checks their answer with
// the answer function of src/experiments/assignment, computed here in their browser.
import { assignmentExercise, isCorrect } from '../../experiments/assignment/exercises';
import { exerciseHref } from '../../experiments/assignment/links';
import type { StudentSeeds } from '../../experiments/assignment/student';
import { parseNumberInput } from '../../experiments/settings/numberInput';

export interface SeededAnswerHost {
  /** Shows the exercise for this student. */
  setStudent(seeds: StudentSeeds): void;
}

/** What the page does with a checked answer (records it in the student's assignment record). */
export type AnswerRecorder = (exercise: string, value: number, correct: boolean) => void;

export class NpSeededAnswer extends HTMLElement implements SeededAnswerHost {
  #seeds: StudentSeeds | null = null;
  record: AnswerRecorder = () => {};

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    this.querySelector('[data-action="check"]')?.addEventListener('click', () => this.#check());
    this.querySelector<HTMLInputElement>('[data-field]')?.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.#check();
    });
    this.setAttribute('data-ready', '');
  }

  setStudent(seeds: StudentSeeds): void {
    const exercise = assignmentExercise(this.dataset.exerciseId ?? '');
    if (!exercise) return;
    this.#seeds = seeds;
    const question = this.querySelector('[data-question]');
    if (question) question.textContent = exercise.question(seeds);
    const link = this.querySelector<HTMLAnchorElement>('[data-link]');
    const target = exercise.link?.(seeds);
    if (link && target) link.href = exerciseHref(target, this.dataset.base ?? '/');
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLButtonElement>('[data-field], [data-action="check"]')) control.disabled = false;
    this.dataset.student = seeds.name;
  }

  #check(): void {
    const exercise = assignmentExercise(this.dataset.exerciseId ?? '');
    const field = this.querySelector<HTMLInputElement>('[data-field]');
    const feedback = this.querySelector<HTMLElement>('[data-feedback]');
    if (!exercise || !field || !feedback || !this.#seeds) return;
    const parsed = parseNumberInput(field.value, { min: -1e12, max: 1e12, label: 'Your answer' });
    if (!parsed.ok) {
      feedback.textContent = parsed.message;
      feedback.classList.add('error');
      field.setAttribute('aria-invalid', 'true');
      return;
    }
    field.removeAttribute('aria-invalid');
    const correct = isCorrect(exercise, this.#seeds, parsed.value);
    feedback.textContent = correct ? 'Right, for your numbers.' : 'Not quite. Check your settings match the question (your seeds), and read the value again.';
    feedback.classList.toggle('error', !correct);
    this.dataset.result = correct ? 'correct' : 'wrong';
    this.record(exercise.id, parsed.value, correct);
  }
}

if (!customElements.get('np-seeded-answer')) customElements.define('np-seeded-answer', NpSeededAnswer);
