// A run in words and in rows, the same in every widget that trains: which hidden units are on
// (the console's "h1 on for 160 of 300 samples"), and the epochs a loss table lists. Pure.
import type { Dataset } from '../../trainer/data';
import { unitActivity } from '../../trainer/units';
import { formatInteger } from '../format';

/** "h1 on for 160 of 300 (a hinge) · h2 dead (on for no sample)". */
export function unitSummary(data: Dataset, params: Float64Array, hidden: number): string {
  const { activeCounts, states } = unitActivity(params, data, hidden);
  return states
    .map((state, k) => {
      const on = activeCounts[k];
      if (state === 'dead') return `h${k + 1} dead (on for no sample)`;
      if (state === 'linear') return `h${k + 1} on for every sample (no bend)`;
      return `h${k + 1} on for ${formatInteger(on)} of ${formatInteger(data.n)} (a hinge)`;
    })
    .join(' · ');
}

/** Epochs for a loss table (a figure's text alternative): 0, 1, 2, 5, 10, 20, 50, … up to E, and E itself. */
export function tableEpochs(epoch: number): number[] {
  const out: number[] = [];
  for (let p = 1; p <= epoch; p *= 10) for (const m of [1, 2, 5]) if (m * p <= epoch) out.push(m * p);
  if (out[out.length - 1] !== epoch && epoch > 0) out.push(epoch);
  return [0, ...out];
}
