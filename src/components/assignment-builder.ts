// <np-assignment-builder>: the assignment's link from the ticked boxes (assignmentParams), and a
// student's answer key from their name — the same answer functions the assignment page checks
// with, run here in the teacher's browser. Every query is scoped to the element.
import { assignmentParams } from '../experiments/assignment/assignment';
import { ASSIGNMENT_EXERCISES, assignmentExercise, shownAnswer } from '../experiments/assignment/exercises';
import { nameProblem, studentSeeds } from '../experiments/assignment/student';

class NpAssignmentBuilder extends HTMLElement {
  connectedCallback(): void {
    const section = this.querySelector<HTMLElement>('[data-assignment-builder]');
    const title = this.querySelector<HTMLInputElement>('[data-role="title"]');
    const output = this.querySelector<HTMLInputElement>('[data-role="link"]');
    const open = this.querySelector<HTMLAnchorElement>('[data-role="open"]');
    const status = this.querySelector<HTMLElement>('[data-role="status"]');
    const student = this.querySelector<HTMLInputElement>('[data-role="student"]');
    const keyStatus = this.querySelector<HTMLElement>('[data-role="key-status"]');
    const key = this.querySelector<HTMLTableElement>('[data-role="key"]');
    if (!section || !title || !output || !open || !status || !student || !keyStatus || !key || section.hasAttribute('data-ready')) return;
    const ticked = (attribute: string) => [...this.querySelectorAll<HTMLInputElement>(`input[${attribute}]:checked`)].map((box) => box.getAttribute(attribute) ?? '');

    const show = () => {
      const params = assignmentParams({ title: title.value.trim() || 'Assignment', lessons: ticked('data-lesson'), exercises: ticked('data-exercise'), experiments: ticked('data-experiment') });
      const base = this.dataset.base ?? '/';
      const link = new URL(`${base.endsWith('/') ? base : `${base}/`}assignment/?${params}`, location.href).href;
      output.value = link;
      open.href = link;
      status.textContent = '';
    };
    this.querySelector('[data-assignment-form]')?.addEventListener('input', show);
    this.querySelector('[data-assignment-form]')?.addEventListener('submit', (event) => event.preventDefault());
    this.querySelector('[data-action="copy-assignment"]')?.addEventListener('click', async () => {
      output.select();
      try {
        await navigator.clipboard.writeText(output.value);
        status.textContent = 'Link copied.';
      } catch {
        status.textContent = 'Copy the link from the field above (it is selected).';
      }
    });

    this.querySelector('[data-key-form]')?.addEventListener('submit', (event) => {
      event.preventDefault();
      const problem = nameProblem(student.value);
      const body = key.tBodies[0];
      if (problem) {
        keyStatus.textContent = problem;
        student.setAttribute('aria-invalid', 'true');
        key.hidden = true;
        return;
      }
      student.removeAttribute('aria-invalid');
      const seeds = studentSeeds(student.value);
      const chosen = ticked('data-exercise');
      const exercises = chosen.length ? chosen.flatMap((id) => assignmentExercise(id) ?? []) : ASSIGNMENT_EXERCISES;
      body.replaceChildren();
      for (const exercise of exercises) {
        const row = body.insertRow();
        row.dataset.exercise = exercise.id;
        const answer = exercise.answer(seeds);
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = exercise.title;
        row.append(th);
        for (const [text, role] of [[exercise.question(seeds), 'question'], [shownAnswer(exercise, answer), 'answer'], [exercise.explanation(seeds), 'explanation']] as const) {
          const cell = row.insertCell();
          cell.textContent = text;
          cell.dataset.role = role;
        }
      }
      const caption = key.querySelector('[data-role="key-caption"]');
      if (caption) caption.textContent = `Answer key for ${seeds.name} (data seed ${seeds.dataSeed}, starting seed ${seeds.initSeed})`;
      keyStatus.textContent = `The answers for ${seeds.name}: ${exercises.length} ${exercises.length === 1 ? 'exercise' : 'exercises'}.`;
      key.hidden = false;
      key.dataset.student = seeds.name;
    });

    section.hidden = false;
    section.setAttribute('data-ready', '');
    show();
  }
}

if (!customElements.get('np-assignment-builder')) customElements.define('np-assignment-builder', NpAssignmentBuilder);
