// Starting values for the nine (or 4H + 1, or a deeper network's) parameters. Seeded separately from the data:
// the same data can be trained from many starts, and one start on many data sets.
import { gaussian, makeRandom, uniform } from './random';
import { DEFAULT_HIDDEN, MAX_HIDDEN, fromNamed, parameterCount, type Parameters } from './parameters';
import { checkNumber, throwIfAny, TrainerInputError } from './errors';
import { DEFAULT_DEEP_WIDTHS, deepLayout, type HiddenWidths } from './deepParameters';

export type InitPreset =
  | 'he'
  | 'writeup'
  | 'writeup-example'
  | 'zeros'
  | 'weights0-biases2'
  | 'weights2-biases0'
  | 'huge-weights'
  | 'large-biases';

export const INIT_PRESETS: Record<InitPreset, { label: string; description: string }> = {
  he: {
    label: 'He (recommended for ReLU)',
    description: 'Weights drawn from a normal distribution with variance 2/(inputs per unit), biases 0.',
  },
  writeup: {
    label: "The write-up's random scheme",
    description: 'Weights uniform in [−10, 10], biases uniform in [−5, 5], rounded to 2 decimals.',
  },
  'writeup-example': {
    label: "The write-up's printed example",
    description: 'The exact starting values of the before/after table in the write-up (H = 2 only).',
  },
  zeros: { label: 'All zeros', description: 'Every weight and bias 0.' },
  'weights0-biases2': { label: 'Weights 0, biases 2', description: 'Every weight 0, every bias 2.' },
  'weights2-biases0': { label: 'Weights 2, biases 0', description: 'Every weight 2, every bias 0.' },
  'huge-weights': {
    label: 'Weights in the millions',
    description: "The write-up's scheme with every weight multiplied by a million; biases unchanged.",
  },
  'large-biases': {
    label: 'Very large biases',
    description: "The write-up's weights with biases uniform in [−500, 500].",
  },
};

export const INIT_PRESET_NAMES = Object.keys(INIT_PRESETS) as InitPreset[];

/**
 * Rounds to a number of decimals the way the write-up's round(x, 2) does: its random starts
 * are rounded to 2 decimals, and the starts a parameter field shows to 4.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The starting values printed in the write-up's before/after table. */
export const WRITEUP_EXAMPLE = {
  W1: -0.46, W2: -6.59, W3: 8.47, W4: -9.91, W5: -8.92, W6: 2.06, B1: -4.44, B2: 4.01, B3: -2.5,
} as const;

export interface InitOptions {
  preset?: InitPreset;
  /** Seed of the initialisation (separate from the data seed). */
  seed?: number | string;
  hidden?: number;
}

/** Fresh starting parameters. Weights are drawn first, in layout order, then biases. */
export function initParams(options: InitOptions = {}): Parameters {
  const { preset = 'he', seed = 1, hidden = DEFAULT_HIDDEN } = options;
  throwIfAny([checkNumber('The hidden width', hidden, 1, MAX_HIDDEN, true)]);
  const H = hidden;
  // Hidden units have 2 inputs, the output has H.
  return drawStart(preset, seed, { count: parameterCount(H), weights: 3 * H, fanIn: (i) => (i < 2 * H ? 2 : H), isCourseNetwork: H === 2 });
}

export interface DeepInitOptions {
  preset?: InitPreset;
  /** Seed of the initialisation (separate from the data seed). */
  seed?: number | string;
  /** Widths of the hidden layers, input side first. */
  hidden?: HiddenWidths;
}

/**
 * Fresh starting parameters for a network with one or more hidden layers (deepParameters.ts's
 * layout), drawn the same way as initParams: weights in layout order, then biases; He scales each
 * layer's weights by its own fan-in (2 for the first layer, H1 for the second, …). With one hidden
 * layer the layouts coincide, and so do the numbers: initDeepParams({ hidden: [H] }) = initParams({ hidden: H }).
 */
export function initDeepParams(options: DeepInitOptions = {}): Parameters {
  const { preset = 'he', seed = 1, hidden = DEFAULT_DEEP_WIDTHS } = options;
  const layout = deepLayout(hidden);
  const fanIn = (i: number) => {
    let l = layout.layers;
    while (i < layout.weightOffset[l]) l--;
    return layout.sizes[l - 1];
  };
  const isCourseNetwork = hidden.length === 1 && hidden[0] === 2;
  return drawStart(preset, seed, { count: layout.parameterCount, weights: layout.biasOffset[1], fanIn, isCourseNetwork });
}

interface StartShape {
  count: number;
  /** Parameters 0 … weights − 1 are weights, the rest biases. */
  weights: number;
  /** Inputs per unit of the layer weight i belongs to. */
  fanIn: (i: number) => number;
  /** The course's 2-2-1 network, the only one the write-up's printed example fits. */
  isCourseNetwork: boolean;
}

function drawStart(preset: InitPreset, seed: number | string, shape: StartShape): Parameters {
  if (!(preset in INIT_PRESETS)) {
    throw new TrainerInputError(`Unknown starting preset "${String(preset)}".`);
  }
  const { weights } = shape;
  const params = new Float64Array(shape.count);
  const random = makeRandom(`init:${seed}`);
  const fill = (weight: (i: number) => number, bias: (i: number) => number) => {
    for (let i = 0; i < weights; i++) params[i] = weight(i);
    for (let i = weights; i < params.length; i++) params[i] = bias(i);
  };
  const writeupWeight = () => roundTo(uniform(random, -10, 10), 2);
  const writeupBias = () => roundTo(uniform(random, -5, 5), 2);
  switch (preset) {
    case 'he':
      // Variance 2 / fan-in keeps signals O(1) from layer to layer.
      fill((i) => gaussian(random) * Math.sqrt(2 / shape.fanIn(i)), () => 0);
      break;
    case 'writeup':
      fill(writeupWeight, writeupBias);
      break;
    case 'writeup-example':
      if (!shape.isCourseNetwork) throw new TrainerInputError("The write-up's example exists only for 2 hidden units (the 2-2-1 network).");
      return fromNamed(WRITEUP_EXAMPLE);
    case 'zeros':
      fill(() => 0, () => 0);
      break;
    case 'weights0-biases2':
      fill(() => 0, () => 2);
      break;
    case 'weights2-biases0':
      fill(() => 2, () => 0);
      break;
    case 'huge-weights':
      fill(() => writeupWeight() * 1e6, writeupBias);
      break;
    case 'large-biases':
      fill(writeupWeight, () => roundTo(uniform(random, -500, 500), 2));
      break;
  }
  return params;
}
