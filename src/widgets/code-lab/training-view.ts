// "Train the network on my code": runs the student's own loop (with their backward, step, and
// forward and loss where they wrote them) in the sandbox, streams the losses into the chart,
// and says how far their run is from the trainer's — or that it is bit-identical.
import { formatNumber } from '../../experiments/code-lab/compare';
import type { TrainingOutcome } from '../../experiments/code-lab/protocol';
import { loadWork } from '../../lib/lab-store';
import { renderInto } from '../kit/svg';
import { runInSandbox } from './sandbox';
import { trainingChart } from './training-scene';

const NEEDED = ['backward', 'step', 'train'] as const;
const OPTIONAL = ['relu', 'forward', 'loss'] as const;

/** The passed code of each exercise the run uses, or the names of those still missing. */
export function studentCodes(): { codes: Record<string, string>; missing: string[] } {
  const codes: Record<string, string> = {};
  const missing: string[] = [];
  for (const id of [...OPTIONAL, ...NEEDED]) {
    const code = loadWork(id).passedCode;
    if (code !== null) codes[id] = code;
    else if ((NEEDED as readonly string[]).includes(id)) missing.push(id);
  }
  return { codes, missing };
}

export function wireTraining(host: HTMLElement): { refresh(): void } {
  const panel = host.querySelector<HTMLElement>('[data-training]');
  const button = panel?.querySelector<HTMLButtonElement>('[data-action="train"]');
  const status = panel?.querySelector<HTMLElement>('[data-training-status]');
  const svg = panel?.querySelector<SVGSVGElement>('svg');
  if (!panel || !button || !status || !svg) return { refresh() {} };
  const reference = JSON.parse(panel.dataset.reference ?? '[]') as number[];
  const varianceOfY = Number(panel.dataset.variance);

  const refresh = () => {
    const { missing } = studentCodes();
    button.disabled = missing.length > 0 || panel.dataset.state === 'running';
    if (panel.dataset.state !== 'running' && panel.dataset.state !== 'done') {
      status.textContent = missing.length
        ? `Pass the checks of ${missing.join(', ')} first; then your own code can train the network.`
        : 'Your backward, step and train pass: press the button to train the network on your own code.';
    }
  };

  button.addEventListener('click', async () => {
    const { codes, missing } = studentCodes();
    if (missing.length) return refresh();
    panel.dataset.state = 'running';
    button.disabled = true;
    status.textContent = 'Training on your code…';
    const losses: (number | null)[] = [];
    const job = runInSandbox({ type: 'train', codes }, (progress) => {
      losses.push(...progress.losses);
      renderInto(svg, trainingChart(reference, losses, varianceOfY));
      status.textContent = `Training on your code: epoch ${progress.epoch} of ${reference.length}.`;
    });
    const result = await job.result;
    panel.dataset.state = 'done';
    let outcome: TrainingOutcome | null = null;
    if (result.kind === 'trained') outcome = result.outcome;
    if (outcome?.ok && outcome.comparison) {
      renderInto(svg, trainingChart(reference, outcome.losses, varianceOfY));
      const last = outcome.losses[outcome.losses.length - 1];
      status.textContent = `${outcome.comparison.summary} Your last loss: ${last === null ? 'not a number' : formatNumber(last)} (Var(y) = ${formatNumber(varianceOfY)}).`;
      panel.dataset.result = outcome.comparison.bitIdentical ? 'bit-identical' : 'trained';
      panel.dataset.largestDifference = String(outcome.comparison.largestDifference);
    } else {
      status.textContent = outcome
        ? outcome.message
        : result.kind === 'stopped' && result.reason === 'timeout'
          ? 'Your code did not finish an epoch in time — is there a loop that never ends? It was stopped.'
          : 'The run stopped unexpectedly (perhaps too much memory). The page is fine.';
      panel.dataset.result = 'failed';
    }
    button.disabled = false;
  });
  refresh();
  return { refresh };
}
