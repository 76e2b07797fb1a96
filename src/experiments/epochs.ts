// Which epochs a table of a run lists: 0, 1, 2, 5, 10, 20, 50, … and the last, so a long run fits
// in a few rows and its first steps still show. Shared by every widget that tabulates a run.

/** 0, 1, 2, 5, 10, 20, 50, … up to `epoch`, then `epoch` itself. */
export function tableEpochs(epoch: number): number[] {
  const out: number[] = [];
  for (let p = 1; p <= epoch; p *= 10) for (const m of [1, 2, 5]) if (m * p <= epoch) out.push(m * p);
  if (out[out.length - 1] !== epoch && epoch > 0) out.push(epoch);
  return [0, ...out];
}
