// Early stopping: train while the held-out loss still improves, and keep the best parameters.
//
// Watching the held-out loss (split.ts) epoch by epoch, training stops once it has gone
// `patience` epochs in a row without improving on its best by more than `minDelta`; the run's
// answer is then the parameters of the best epoch, not the last (Keras' EarlyStopping with
// monitor = 'val_loss' and restore_best_weights; there min_delta is the same absolute margin).
// Past that epoch the training loss may still fall, but only by fitting the training samples'
// own noise, which the held-out loss pays for.
import { checkNumber, throwIfAny } from './errors';

export interface EarlyStoppingOptions {
  /** How many epochs in a row without improvement end training (1 or more; default 10). */
  patience?: number;
  /** An improvement must lower the best loss by more than this (default 0). */
  minDelta?: number;
}

export interface EarlyStop {
  /** The epoch whose held-out loss was lowest: the parameters to keep. */
  bestEpoch: number;
  bestLoss: number;
  /** The epoch at which training would stop (the last epoch if it never does). */
  stopEpoch: number;
  /** Whether patience ran out before the losses did. */
  stopped: boolean;
}

/** Where early stopping would stop a run whose held-out losses (one per epoch) are given. */
export function earlyStopping(heldOutLosses: ArrayLike<number>, options: EarlyStoppingOptions = {}): EarlyStop {
  const { patience = 10, minDelta = 0 } = options;
  throwIfAny([
    checkNumber('The patience', patience, 1, Number.MAX_SAFE_INTEGER, true),
    checkNumber('The smallest improvement', minDelta, 0, Number.MAX_VALUE),
  ]);
  let bestEpoch = -1, bestLoss = Infinity, epochsWithout = 0;
  for (let e = 0; e < heldOutLosses.length; e++) {
    if (heldOutLosses[e] < bestLoss - minDelta) {
      bestLoss = heldOutLosses[e];
      bestEpoch = e;
      epochsWithout = 0;
    } else if (++epochsWithout >= patience) {
      return { bestEpoch, bestLoss, stopEpoch: e, stopped: true };
    }
  }
  return { bestEpoch, bestLoss, stopEpoch: heldOutLosses.length - 1, stopped: false };
}
