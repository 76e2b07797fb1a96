// The hidden units' non-linearity, with its derivative right beside it.

/** ReLU(z) = max(0, z): the unit passes positive inputs through and outputs 0 otherwise. */
export function relu(z: number): number {
  return z > 0 ? z : 0;
}

/**
 * ReLU'(z): 1 where the unit is on, 0 where it is off.
 * At the kink z = 0 the derivative does not exist; like most libraries we choose 0,
 * so a unit sitting exactly on its kink passes no gradient back.
 */
export function reluPrime(z: number): number {
  return z > 0 ? 1 : 0;
}
