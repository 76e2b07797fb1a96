// What the console's status line says about its run, in words: why training cannot go on (a
// divergence, the epoch limit) and where the run stands after a step, a pause or an arrival.
import { formatInteger, formatNumber } from '../../experiments/format';
import { currentLoss, type ConsoleRun } from '../../experiments/training-console/run';
import { readout } from './scene';

/** Why training cannot go on from here, or null; `suggest` leaves out advice a teacher's lock forbids. */
export function whyStopped(run: ConsoleRun, maxEpochs: number, suggest: (settings: string, advice: string) => string = (_, advice) => advice): string | null {
  const { trainer } = run;
  if (trainer.status === 'diverged') {
    const what = Number.isFinite(currentLoss(run))
      ? `At epoch ${formatInteger(trainer.divergedAt)} a step became too large to represent`
      : `The loss became too large to represent at epoch ${formatInteger(trainer.divergedAt)}`;
    const advice = suggest('learningRate', ` Try a smaller learning rate than η = ${formatNumber(trainer.learningRate)}, then Reset or Step back.`);
    return `${what}: each step overshot the minimum by more than the last, so the run diverged.${advice}`;
  }
  if (trainer.epoch >= maxEpochs) return `This figure stops at epoch ${formatInteger(maxEpochs)}. Step back or reset to train again.`;
  return null;
}

/** "Paused. Epoch 1,200: loss 0.0123, R² 0.987." */
export function whereItStands(prefix: string, run: ConsoleRun, rate: number): string {
  const n = readout(run.trainer.epoch, currentLoss(run), run.varY, rate);
  return `${prefix ? prefix + ' ' : ''}Epoch ${n.epoch}: loss ${n.loss}, R² ${n.r2}.`;
}

/** What the speed setting means, for the status line. */
export function speedNote(speed: number): string {
  return speed >= 100_000
    ? 'Speed: as many epochs per frame as fit in a few milliseconds.'
    : `Speed: at most ${formatInteger(speed)} epoch${speed === 1 ? '' : 's'} per frame (about ${formatInteger(speed * 60)} a second).`;
}
