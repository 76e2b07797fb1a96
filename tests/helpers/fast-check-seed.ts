// Property tests draw their random cases from one fixed seed, so `npm test` gives the same result
// on every run (a suite that cannot flake): a case that fails fails every time, on every machine.
// To search new cases, run with another seed — FC_SEED=123 npx vitest run --project unit — and
// keep any counterexample it finds as an ordinary test beside the property.
import fc from 'fast-check';

const seed = Number(process.env.FC_SEED ?? 20261207);
fc.configureGlobal({ seed: Number.isInteger(seed) ? seed : 20261207 });
