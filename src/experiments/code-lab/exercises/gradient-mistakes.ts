// The mistakes of the gradient exercises (the three output partials, all nine), said once for both.
import type { GradientMistakes } from '../variants';

export interface GradientMistake {
  id: string;
  message: string;
  mistakes: GradientMistakes;
  /** Only the hidden layer's partials can show it. */
  hiddenOnly?: boolean;
}

export const GRADIENT_MISTAKES: readonly GradientMistake[] = [
  {
    id: 'relu-prime-at-zero',
    message: 'At z = 0 exactly your ReLU′ lets the error through: in this course ReLU′(0) = 0, so gate with z > 0, not z >= 0.',
    mistakes: { mask: 'reluPrimeAtZeroIsOne' },
    hiddenOnly: true,
  },
  {
    id: 'missing-mask',
    message: 'The error passes back through a unit that is off: multiply by ReLU′(z), which is 0 when z ≤ 0, so a dead unit’s parameters get exactly 0.',
    mistakes: { mask: 'none' },
    hiddenOnly: true,
  },
  {
    id: 'missing-mask-h1',
    message: 'Unit h1 passes the error back even when it is off: its factor ReLU′(z1) is missing (h2 has its own).',
    mistakes: { unmaskedUnit: 1 },
    hiddenOnly: true,
  },
  {
    id: 'missing-mask-h2',
    message: 'Unit h2 passes the error back even when it is off: its factor ReLU′(z2) is missing (h1 has its own).',
    mistakes: { unmaskedUnit: 2 },
    hiddenOnly: true,
  },
  {
    id: 'mask-with-relu',
    message: 'You multiplied by ReLU(z) where the slope ReLU′(z) belongs (1 or 0).',
    mistakes: { mask: 'relu' },
    hiddenOnly: true,
  },
  {
    id: 'swap-w2-w3',
    message: '∂L/∂W2 and ∂L/∂W3 are swapped: W2 connects x1 to h2 (so it collects ∂L/∂z2·x1) and W3 connects x2 to h1 (∂L/∂z1·x2).',
    mistakes: { swapW2W3: true },
    hiddenOnly: true,
  },
  {
    id: 'swap-inputs',
    message: 'x1 and x2 are swapped in the first layer’s partials: ∂L/∂W1 = Σ ∂L/∂z1·x1 and ∂L/∂W3 = Σ ∂L/∂z1·x2.',
    mistakes: { swapInputs: true },
    hiddenOnly: true,
  },
  {
    id: 'cross-output-weights',
    message: 'The error reaches h1 through W6 and h2 through W5: h1 feeds the output through W5, so ∂L/∂z1 = ∂L/∂ŷ·W5·ReLU′(z1).',
    mistakes: { crossOutputWeights: true },
    hiddenOnly: true,
  },
  {
    id: 'no-output-weight',
    message: 'The factor W5 (or W6) is missing where the error enters a hidden unit: ∂L/∂h1 = ∂L/∂ŷ·W5.',
    mistakes: { noOutputWeight: true },
    hiddenOnly: true,
  },
  {
    id: 'missing-2-over-n',
    message: 'The factor 2/N is missing: ∂L/∂ŷᵢ = (2/N)·(ŷᵢ − yᵢ).',
    mistakes: { factor: '1' },
  },
  {
    id: 'missing-2',
    message: 'The 2 from the derivative of the square is missing (or the loss was taken as (1/(2N))·Σe²): ∂L/∂ŷᵢ = (2/N)·eᵢ, not (1/N)·eᵢ.',
    mistakes: { factor: '1/N' },
  },
  {
    id: 'missing-1-over-n',
    message: 'You did not divide by N: the loss is a mean, so ∂L/∂ŷᵢ = (2/N)·eᵢ.',
    mistakes: { factor: '2' },
  },
  {
    id: 'flipped-sign',
    message: 'Every sign is flipped: the residual is e = ŷ − y, not y − ŷ.',
    mistakes: { flipSign: true },
  },
  {
    id: 'last-sample-only',
    message: 'Only the last sample’s term is left: a partial derivative sums over all samples, so add each term (+=) instead of overwriting it (=).',
    mistakes: { lastSampleOnly: true },
  },
  {
    id: 'output-from-z',
    message: '∂L/∂W5 uses z1 instead of h1 = ReLU(z1) (and ∂L/∂W6 uses z2): the output weights multiply the activations.',
    mistakes: { outputFromZ: true },
  },
];
