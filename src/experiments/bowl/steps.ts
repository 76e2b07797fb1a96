// How many steps a descent takes to get close: the first step after which the loss stays below
// 1% of the start's. Shared by the bowl widget's readout and lesson 21's facts.

/** The first step t after which every loss is below 1% of losses[0], or −1 if that never happens. */
export function stepsToOnePercent(losses: ArrayLike<number>): number {
  const target = 0.01 * losses[0];
  let first = -1;
  for (let t = losses.length - 1; t >= 0; t--) {
    if (losses[t] < target) first = t;
    else break;
  }
  return first;
}
