// Ids for label/for pairs. A page may hold the same widget twice, so every id is made unique
// here; the counter only grows, which keeps builds deterministic (same page → same ids).
let counter = 0;

export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix.replace(/[^A-Za-z0-9_-]/g, '-')}-${counter}`;
}
