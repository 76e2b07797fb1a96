// Sets the independent re-computation (scripts/oracle/oracle.py) beside the numbers the lessons
// print (src/facts), and lists every one that disagrees beyond its printed precision.
//   python3 scripts/oracle/oracle.py /tmp/oracle.json && npx tsx scripts/oracle/compare.ts /tmp/oracle.json
// The oracle shares no code with src/trainer: its random generator, data, starts, gradient,
// Hessian and training loops are written again in NumPy. It sums in a different order, so a
// value agrees to rounding; a count over random runs may differ by a run sitting on a knife edge.
import { readFileSync } from 'node:fs';
import { theData } from '../../src/facts/the-data';
import { theNetwork } from '../../src/facts/the-network';
import { forwardPass } from '../../src/facts/forward-pass';
import { theLoss } from '../../src/facts/the-loss';
import { backpropagation } from '../../src/facts/backpropagation';
import { gradientDescent } from '../../src/facts/gradient-descent';
import { theLearningRate } from '../../src/facts/the-learning-rate';
import { symmetry } from '../../src/facts/symmetry';
import { extremeStarts } from '../../src/facts/extreme-starts';
import { deadUnits } from '../../src/facts/dead-units';
import { reduceOnPlateauFacts } from '../../src/facts/reduce-on-plateau';
import { seedsAndWidth } from '../../src/facts/seeds-and-width';

type Json = Record<string, unknown>;
const oracle: Json = JSON.parse(readFileSync(process.argv[2] ?? '/tmp/oracle.json', 'utf8'));
const o = (key: string) => oracle[key] as never;

const SUPERSCRIPT: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-' };
/** A printed number back to a number: "−1.2", "1,000", "3.6 × 10²⁶", "10⁻¹⁴", "24%". */
function num(text: string | number): number {
  if (typeof text === 'number') return text;
  const t = text.replace(/−/g, '-').replace(/,/g, '').replace(/%$/, '').trim();
  const power = /^(?:(-?[\d.]+) × )?10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(t);
  if (power) return Number(power[1] ?? 1) * 10 ** Number([...power[2]].map((c) => SUPERSCRIPT[c]).join(''));
  return Number(t);
}

interface Row {
  name: string;
  oracle: number;
  printed: number;
  /** The difference allowed: the printed value's own rounding, or a relative tolerance. */
  ok: boolean;
  note: string;
}
const rows: Row[] = [];
/** Printed with `decimals` decimals: agree if the oracle rounds to the same. */
function decimals(name: string, oracleValue: number, printed: string | number, places: number) {
  const p = num(printed);
  rows.push({ name, oracle: oracleValue, printed: p, ok: Math.abs(oracleValue - p) <= 0.5 * 10 ** -places + 1e-12, note: `${places} decimals` });
}
/** Printed to `figures` significant figures. */
function figures(name: string, oracleValue: number, printed: string | number, figs: number) {
  const p = num(printed);
  const ok = Number(oracleValue.toPrecision(figs)) === Number(p.toPrecision(figs)) || Math.abs(oracleValue - p) <= 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(p))) - figs + 1) * 1.0001;
  rows.push({ name, oracle: oracleValue, printed: p, ok, note: `${figs} figures` });
}
/** A value both compute unrounded: agree to a relative tolerance. */
function close(name: string, oracleValue: number, value: number, rel = 1e-9) {
  rows.push({ name, oracle: oracleValue, printed: value, ok: Math.abs(oracleValue - value) <= rel * Math.max(1, Math.abs(value)), note: `relative ${rel}` });
}
/** A count over random runs: equal, or within `slack` runs (a run on a knife edge). */
function count(name: string, oracleValue: number, printed: string | number, slack = 0) {
  const p = num(printed);
  rows.push({ name, oracle: oracleValue, printed: p, ok: Math.abs(oracleValue - p) <= slack, note: slack ? `±${slack} run` : 'exact count' });
}

// Lesson 1
const first = o('l1.first') as number[];
decimals('L1 first sample x1', first[0], theData.first.x1, 2);
decimals('L1 first sample x2', first[1], theData.first.x2, 2);
count('L1 first sample noise', first[2], theData.first.noise);
close('L1 linear-fit loss', o('l1.linearLoss'), theData.exact.linearLoss, 1e-12);
close('L1 slope x1', o('l1.slopeX1'), theData.exact.slopeX1, 1e-9);
close('L1 slope x2', o('l1.slopeX2'), theData.exact.slopeX2, 1e-12);
close('L1 min–max Var(y)', o('l1.minmaxVarY'), theData.exact.minmaxVarY, 1e-12);
close('L1 share of Var(y) from x1²', o('l1.share.x1Squared'), theData.exact.shareX1Squared, 1e-12);
// Lesson 3
const vFit = o('l3.vFit') as number[];
close('L3 V fit a', vFit[0], theNetwork.exact.vFit.a, 1e-10);
close('L3 V fit loss', vFit[3], theNetwork.exact.vFit.loss, 1e-10);
// Lessons 4–6
close('L4 loss at the write-up’s printed start', o('l4.writeupLoss'), forwardPass.exact.loss, 1e-12);
(o('l6.gradient') as number[]).forEach((g, j) => close(`L6 ∂L/∂θ${j + 1} at the printed start`, g, backpropagation.exact.grad[j], 1e-10));
figures('L6 loss after one step at η = 0.01', o('l6.lossAfterStep'), backpropagation.update.lossAfter, 3);
// Lesson 5
// The lesson's He start is the one its widget's fields hold: rounded to 4 decimals, so agreement is to the printed figures.
figures('L5 loss of the He start (seed 1)', o('l5.heLoss'), theLoss.he.loss, 3);
// Lesson 7
const run7 = o('l7.run') as number[];
['loss0', 'loss1', 'loss10', 'loss100', 'loss1000'].forEach((k, i) => figures(`L7 default run ${k}`, run7[i], (gradientDescent.run as Record<string, string>)[k], 3));
figures('L7 default run final', o('l7.runFinal'), gradientDescent.run.lossFinal, 3);
// A knife edge: B3 = ±2^512 overflows when squared, one unit in its last place less does not.
count('L7 B3 alone at η = 1.5 diverges at epoch', o('l7.divergedAt15'), gradientDescent.one.divergedAt15, 1);
figures('L7 limit 2/λmax at the console’s start', o('l7.limitConsoleStart'), gradientDescent.limit.consoleStart, 2);
figures('L7 median limit, He starts', o('l7.heLimitMedian'), gradientDescent.limit.heMedian, 2);
figures('L7 median limit, write-up starts', o('l7.writeupLimitMedian'), gradientDescent.limit.writeupMedian, 2);
// Lesson 8
const s8 = o('l8.start') as number[];
figures('L8 Gauss–Newton λmax at seed 97', s8[0], theLearningRate.start.lambdaMax, 3);
figures('L8 Hessian λmax at seed 97', s8[1], theLearningRate.start.hessianLambdaMax, 3);
figures('L8 Hessian λmin at seed 97', s8[2], theLearningRate.start.hessianLambdaMin, 3);
count('L8 starts above their exact limit at η = 0.01', o('l8.belowHessian'), theLearningRate.scheme.belowUsualHessian);
count('L8 starts above their Gauss–Newton limit', o('l8.belowGaussNewton'), theLearningRate.scheme.belowUsual);
decimals('L8 median Hessian/Gauss–Newton ratio', o('l8.ratioMedian'), theLearningRate.scheme.ratioMedian, 2);
count('L8 starts with a negative eigenvalue', o('l8.withNegative'), theLearningRate.scheme.withNegative);
const sweep8 = o('l8.sweep') as Record<string, { diverged: number; withDead: number; median: number }>;
for (const rate of ['0.001', '0.01', '0.03', '0.1']) {
  const printed = theLearningRate.sweep[rate];
  count(`L8 sweep η = ${rate}: diverged`, sweep8[rate].diverged, printed.diverged, 1);
  count(`L8 sweep η = ${rate}: runs with a dead unit`, sweep8[rate].withDead, printed.withDeadFact.split(' ')[0], 1);
  decimals(`L8 sweep η = ${rate}: median final loss`, sweep8[rate].median, printed.median, 2);
}
// Lesson 10
const he01 = o('l10.he01') as Record<string, number>;
count('L10 He η₀ = 0.1: schedule better', he01.better, reduceOnPlateauFacts.he01.better, 1);
count('L10 He η₀ = 0.1: schedule worse', he01.worse, reduceOnPlateauFacts.he01.worse, 1);
figures('L10 He η₀ = 0.1: median fixed', he01.medianFixed, reduceOnPlateauFacts.he01.medianFixed, 3);
figures('L10 He η₀ = 0.1: median schedule', he01.medianPlateau, reduceOnPlateauFacts.he01.medianPlateau, 3);
// Lesson 11
count('L11 He starts below 0.1', o('l11.below01'), symmetry.he.good, 1);
count('L11 every bias 2: at the plane', o('l11.biasesTwoAtPlane'), symmetry.biasesTwo.atPlane, 1);
// Lesson 12
const huge = o('l12.hugeLosses') as number[];
figures('L12 huge weights loss at epoch 0', huge[0], extremeStarts.huge.one.loss0, 2);
figures('L12 huge weights loss at epoch 1', huge[1], extremeStarts.huge.one.loss1, 2);
figures('L12 huge weights loss at epoch 2', huge[2], extremeStarts.huge.one.loss2, 2);
figures('L12 huge weights λmax (Gauss–Newton)', o('l12.hugeLambda'), extremeStarts.huge.one.lambdaMax, 2);
count('L12 huge weights: runs that diverge', o('l12.hugeDiverged'), extremeStarts.huge.z.diverged);
// Lesson 13
const zeroed = o('l13.zeroed') as number[];
deadUnits.squeezed.rows.forEach((row, j) => decimals(`L13 loss with ${row.name} set to 0`, zeroed[j], row.zeroed, 4));
for (const key of ['zscore', 'minmax', 'squeezed'] as const) {
  const [most, exact] = o(`l13.close.${key}`) as number[];
  count(`L13 ${key}: runs keeping most parameters close`, most, deadUnits.closeness[key].mostClose, 1);
  count(`L13 ${key}: parameters exactly unchanged`, exact, deadUnits.closeness[key].exactlyUnchanged, 2);
}
// Lesson 15
for (const H of [2, 16]) {
  const r = o(`l15.he${H}`) as Record<string, number>;
  const printed = seedsAndWidth.widths.table[`he${H}`];
  figures(`L15 He ${H} units: median`, r.median, printed.median, 3);
  figures(`L15 He ${H} units: 10th percentile`, r.p10, printed.p10, 3);
  figures(`L15 He ${H} units: 90th percentile`, r.p90, printed.p90, 3);
}

// The oracle's own Hessian against central differences of its own gradient (a self-check).
const selfCheck = o('selfcheck.hessianVsDifferences') as number;
rows.push({ name: 'oracle self-check: Hessian vs differences', oracle: selfCheck, printed: 0, ok: selfCheck < 1e-7, note: 'relative, below 1e-7' });

const bad = rows.filter((r) => !r.ok);
for (const r of rows) console.log(`${r.ok ? 'ok  ' : 'DIFF'} ${r.name.padEnd(52)} oracle ${String(Number(r.oracle.toPrecision(8))).padStart(14)}   printed ${String(r.printed).padStart(14)}   (${r.note})`);
console.log(`\n${rows.length} numbers compared, ${bad.length} differ.`);
process.exitCode = bad.length ? 1 : 0;
