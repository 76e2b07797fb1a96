// The named starting points widgets and lessons share: the write-up's printed example, the He
// start every page calls "He start (seed 1)", a start with a dead hidden unit, all zeros and
// lesson 3's hand-made V — and, apart, the He start after a long run. One function gives the
// named starts, so a widget's figure, its parameter fields and the lesson's prose start from the
// same numbers.
import { makeDataset, type Dataset } from './data';
import { initParams, roundTo } from './init';
import { B1, fromNamed, type ParameterName, type Parameters } from './parameters';
import { train } from './train';
import { TrainerInputError } from './errors';

export type StartingPreset = 'writeup-example' | 'he' | 'dead-unit' | 'zeros' | 'hand-v';

/** The He start's seed: the same start every widget and lesson calls "He start (seed 1)". */
export const HE_SEED = 1;

/**
 * B1 of the dead-unit start. With the He start's W1 and W3, z1 = W1·x1 + W3·x2 + B1 stays
 * below 0 on every sample of the default data (a unit test checks this), so h1 is dead.
 */
export const DEAD_UNIT_B1 = -5;

/**
 * The hand-made fit of lesson 3: two mirror-image hinges |x1| = ReLU(x1) + ReLU(−x1), scaled
 * by 1.6, both tilted by the same x2 weight 0.6, and the output bias −1.4. These are the
 * least-squares fit of y ≈ a·|x1| + b·x2 + c on the default data, rounded to one decimal;
 * the lesson's facts test checks that they still are.
 */
export const HAND_MADE_V: Readonly<Record<ParameterName, number>> = { W1: 1.6, W2: -1.6, W3: 0.6, W4: 0.6, W5: 1, W6: 1, B1: 0, B2: 0, B3: -1.4 };

/** The trained start (trainedParameters): the He start (seed 1) after this much full-batch gradient descent. */
export const TRAINED_RUN = { seed: HE_SEED, learningRate: 0.01, epochs: 20_000 } as const;

export interface PresetOptions {
  /** Seed of the He start ('he' and 'dead-unit'); HE_SEED unless given. */
  seed?: number;
  /** Round every value to this many decimals (the 4 a parameter field shows), −0 made 0. */
  decimals?: number;
}

/** The nine values of a named start (H = 2), in layout order W1…W6, B1…B3: a fresh array each call. */
export function presetParameters(preset: StartingPreset, options: PresetOptions = {}): Parameters {
  return rounded(exactPreset(preset, options.seed ?? HE_SEED), options.decimals);
}

/**
 * The He start (seed 1) after TRAINED_RUN's 20,000 epochs on `data`. A function of its own, not
 * a preset name: it trains, so it runs at build time, and widgets that load the named starts in
 * the browser do not carry the training loop with them.
 */
export function trainedParameters(data: Dataset = makeDataset(), options: Pick<PresetOptions, 'decimals'> = {}): Parameters {
  const start = initParams({ preset: 'he', seed: TRAINED_RUN.seed });
  const { params } = train({ data, params: start, learningRate: TRAINED_RUN.learningRate, epochs: TRAINED_RUN.epochs });
  return rounded(params, options.decimals);
}

function rounded(params: Parameters, decimals: number | undefined): Parameters {
  return decimals === undefined ? params : params.map((v) => roundTo(v, decimals) || 0);
}

function exactPreset(preset: StartingPreset, seed: number): Parameters {
  switch (preset) {
    case 'writeup-example':
    case 'zeros':
      return initParams({ preset });
    case 'he':
      return initParams({ preset: 'he', seed });
    case 'dead-unit': {
      const params = initParams({ preset: 'he', seed });
      params[B1] = DEAD_UNIT_B1;
      return params;
    }
    case 'hand-v':
      return fromNamed(HAND_MADE_V);
  }
  throw new TrainerInputError(`Unknown start “${String(preset)}”.`);
}
