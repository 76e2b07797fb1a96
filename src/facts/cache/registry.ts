// Every cached experiment, for scripts/facts-cache.ts (which writes them) and
// tests/unit/facts/cache.test.ts (which re-trains a sample of each).
import { DEEPER_RUNS } from './deeper';
import { GENERALISATION_RUNS } from './generalisation';
import { OPTIMISER_RUNS } from './optimisers';
import { PLATEAU_RUNS } from './plateau';
import { SEED_GAMBLE_RUNS, SEED_SPREAD_RUNS, SEEDS_AND_WIDTH_RUNS } from './seeds-and-width';
import { SYMMETRY_RUNS } from './symmetry';
import type { CachedRuns } from './runs';

export const CACHED_EXPERIMENTS: readonly CachedRuns[] = [PLATEAU_RUNS, SYMMETRY_RUNS, SEEDS_AND_WIDTH_RUNS, SEED_SPREAD_RUNS, SEED_GAMBLE_RUNS, GENERALISATION_RUNS, OPTIMISER_RUNS, DEEPER_RUNS];
