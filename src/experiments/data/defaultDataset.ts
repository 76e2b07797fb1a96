// The course's default data set (N = 300, seed 1, z-scored), made once per page: widgets that
// show the network on "the training data" share it instead of drawing it again each.
import { makeDataset, type Dataset } from '../../trainer/data';

let shared: Dataset | null = null;

export function defaultDataset(): Dataset {
  shared ??= makeDataset();
  return shared;
}
