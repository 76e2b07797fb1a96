// Assignment exercises: numeric questions whose answer depends on the student's own seeds
// (student.ts), computed by the trainer exactly as the training console computes them, so a
// student who opens the console with their seeds reads their answer there, and the teacher's
// page recomputes any student's key from the name alone. Each answer is a function here
// (DOM-free, fast: at most a few thousand epochs on 300 samples), evaluated in the student's
// browser and at build time alike.
import { formatInteger } from '../format';
import { lossAndGradient, unitActivity } from '../../trainer';
import { currentLoss, runTo } from '../training-console/run';
import { trainingConsoleSettings, type TrainingConsoleConfig } from '../training-console/settings';
import { runGeneralisation } from '../generalisation/run';
import { generalisationSettings } from '../generalisation/settings';
import { defaultDataset } from '../data/defaultDataset';
import { runDeepNetwork } from '../deep-network/run';
import { deepNetworkSettings } from '../deep-network/settings';
import { networkLabel } from '../../trainer/deepParameters';
import type { StudentSeeds } from './student';

/** Where an exercise's experiment opens: a lesson page, a widget's share key and its link settings. */
export interface ExerciseLink {
  lesson: string;
  shareKey: string;
  /** Settings under the widget's key, as a link writes them. */
  settings: Record<string, string>;
  /** Settings the link fixes, so the student's seeds stay theirs. */
  lock: readonly string[];
}

export interface AssignmentExercise {
  id: string;
  /** The lesson that teaches what the exercise asks. */
  lesson: string;
  title: string;
  /** The question for this student, in plain text (Unicode symbols, no TeX: it is written in the browser). */
  question(seeds: StudentSeeds): string;
  /** The answer for this student. */
  answer(seeds: StudentSeeds): number;
  /** Decimals the answer is asked to; a whole number when 0. */
  decimals: number;
  /** Accepted difference for this answer (default: half a unit in the last asked decimal). */
  tolerance?(answer: number): number;
  /** How the answer comes about, for the answer key. */
  explanation(seeds: StudentSeeds): string;
  /** The experiment that shows the answer, with the student's seeds locked in. */
  link?(seeds: StudentSeeds): ExerciseLink;
}

/** The console's settings for this student: their data and start, and what the exercise adds. */
function consoleConfig(seeds: StudentSeeds, extra: Partial<TrainingConsoleConfig> = {}): TrainingConsoleConfig {
  return { ...trainingConsoleSettings.defaults, dataSeed: seeds.dataSeed, initSeed: seeds.initSeed, ...extra };
}

/** Lesson 7's full console with the student's seeds (locked), opened at `epoch`. */
function consoleLink(seeds: StudentSeeds, epoch: number, extra: Record<string, string> = {}): ExerciseLink {
  return {
    lesson: '07-gradient-descent',
    shareKey: 'console',
    settings: { ds: String(seeds.dataSeed), is: String(seeds.initSeed), ...extra, e: String(epoch) },
    lock: ['dataSeed', 'initSeed', ...Object.keys(extra).map((k) => trainingConsoleSettings.aliases[k] ?? k)],
  };
}

/** Lesson 19's first experiment (its defaults) with the student's data and start. */
const G = generalisationSettings.defaults;
// The run takes a moment (20,000 epochs), and the answer and its explanation both need it: the
// last student's run is kept.
let lastHeldOut: { key: string; run: ReturnType<typeof runGeneralisation> } | null = null;
function heldOutRun(s: StudentSeeds) {
  const key = `${s.dataSeed}:${s.initSeed}`;
  if (lastHeldOut?.key !== key) lastHeldOut = { key, run: runGeneralisation({ ...G, dataSeed: s.dataSeed, initSeed: s.initSeed }) };
  return lastHeldOut.run;
}

/** Lesson 18's widget with the student's start: its 2-3-3-1 network alone (its defaults otherwise). */
const D = deepNetworkSettings.defaults;
let lastDeep: { seed: number; run: ReturnType<typeof runDeepNetwork> } | null = null;
function deepRun(s: StudentSeeds) {
  if (lastDeep?.seed !== s.initSeed) lastDeep = { seed: s.initSeed, run: runDeepNetwork({ ...D, against: null, initSeed: s.initSeed }, defaultDataset()) };
  return lastDeep.run;
}

const yourSetup = (s: StudentSeeds) => `your data seed ${s.dataSeed} and your starting seed ${s.initSeed} (He start, 300 samples, z-score scaling)`;
const relative = (share: number) => (answer: number) => Math.max(Math.abs(answer) * share, 1e-12);

export const ASSIGNMENT_EXERCISES: readonly AssignmentExercise[] = [
  {
    id: 'start-loss',
    lesson: '05-the-loss',
    title: 'The loss at your start',
    question: (s) => `With ${yourSetup(s)}, what is the loss L at epoch 0, before any training? (Four significant figures.)`,
    answer: (s) => currentLoss(runTo(consoleConfig(s), 0)),
    decimals: 4,
    tolerance: relative(0.002),
    explanation: (s) => {
      const run = runTo(consoleConfig(s), 0);
      return `The mean of the 300 squared residuals at the starting values: L = ${currentLoss(run).toPrecision(4)}, against Var(y) = ${run.varY.toPrecision(4)}.`;
    },
    link: (s) => consoleLink(s, 0),
  },
  {
    id: 'start-r2',
    lesson: '05-the-loss',
    title: 'R² at your start',
    question: (s) => `With ${yourSetup(s)}, what is R² at epoch 0? (Two decimals; it may be negative.)`,
    answer: (s) => {
      const run = runTo(consoleConfig(s), 0);
      return 1 - currentLoss(run) / run.varY;
    },
    decimals: 2,
    explanation: (s) => {
      const run = runTo(consoleConfig(s), 0);
      const loss = currentLoss(run);
      return `R² = 1 − L/Var(y) = 1 − ${loss.toPrecision(4)} / ${run.varY.toPrecision(4)} = ${(1 - loss / run.varY).toFixed(3)}.`;
    },
    link: (s) => consoleLink(s, 0),
  },
  {
    id: 'b3-slope',
    lesson: '06-backpropagation',
    title: 'The slope for B₃ at your start',
    question: (s) => `With ${yourSetup(s)}, what is ∂L/∂B₃ at epoch 0? (Three decimals.)`,
    answer: (s) => {
      const run = runTo(consoleConfig(s), 0);
      return lossAndGradient(run.start, run.data).grad[8];
    },
    decimals: 3,
    explanation: (s) => {
      const run = runTo(consoleConfig(s), 0);
      const g = lossAndGradient(run.start, run.data).grad[8];
      return `∂L/∂B₃ = (2/N)·Σ(ŷ − y) = twice the mean residual: ${g.toFixed(4)}. The playground’s table of partial derivatives shows it at epoch 0.`;
    },
    link: (s) => ({ ...consoleLink(s, 0), lesson: 'playground', shareKey: 'play' }),
  },
  {
    id: 'trained-loss',
    lesson: '07-gradient-descent',
    title: 'The loss after 1,000 epochs',
    question: (s) => `With ${yourSetup(s)} and η = 0.05, what is the loss after ${formatInteger(1000)} epochs of full-batch gradient descent? (Four significant figures.)`,
    answer: (s) => currentLoss(runTo(consoleConfig(s), 1000)),
    decimals: 4,
    tolerance: relative(0.002),
    explanation: (s) => {
      const run = runTo(consoleConfig(s), 1000);
      const loss = currentLoss(run);
      return `Replaying the run to epoch 1,000 gives L = ${loss.toPrecision(4)} (R² = ${(1 - loss / run.varY).toFixed(3)}).`;
    },
    link: (s) => consoleLink(s, 1000),
  },
  {
    id: 'dead-units',
    lesson: '13-dead-units',
    title: 'Dead units from the write-up’s start',
    question: (s) =>
      `Start from the write-up’s random scheme (weights in [−10, 10], biases in [−5, 5]) with your starting seed ${s.initSeed}, on your data (data seed ${s.dataSeed}), and train at η = 0.01 for ${formatInteger(3000)} epochs. How many of the two hidden units are dead (off for every sample) at the end?`,
    answer: (s) => {
      const run = runTo(consoleConfig(s, { init: 'writeup', learningRate: 0.01 }), 3000);
      if (run.trainer.status === 'diverged') return 2;
      return unitActivity(run.trainer.params, run.data).states.filter((state) => state === 'dead').length;
    },
    decimals: 0,
    tolerance: () => 0,
    explanation: (s) => {
      const run = runTo(consoleConfig(s, { init: 'writeup', learningRate: 0.01 }), 3000);
      const states = unitActivity(run.trainer.params, run.data).states;
      return `After 3,000 epochs the units are ${states.join(' and ')}; the console’s sentence under the parameter table says the same.`;
    },
    link: (s) => consoleLink(s, 3000, { in: 'writeup', lr: '0.01' }),
  },
  {
    id: 'deep-loss',
    lesson: '18-second-layer',
    title: 'Your second hidden layer, trained',
    question: (s) =>
      `Lesson 18’s deeper network, ${networkLabel(D.widths)} (a He start from your starting seed ${s.initSeed}, the course’s data, η = ${D.learningRate}, ${formatInteger(D.epochs)} epochs of full-batch gradient descent): what is its loss at the end? (Four significant figures.)`,
    answer: (s) => deepRun(s).runs[0].finalLoss,
    decimals: 4,
    tolerance: relative(0.002),
    explanation: (s) => {
      const { runs, varY } = deepRun(s);
      const run = runs[0];
      const dead = run.deadEnd.map((n, i) => `${n} in layer ${i + 1}`).join(', ');
      return `The ${run.label} network (${run.parameterCount} parameters) ends at L = ${run.finalLoss.toPrecision(4)} (R² = ${(1 - run.finalLoss / varY).toFixed(3)}), with dead units: ${dead}. Another start of the same network ends elsewhere: the loss depends on the start.`;
    },
    link: (s) => ({
      lesson: '18-second-layer',
      shareKey: 'deep',
      settings: { initSeed: String(s.initSeed), against: 'none' },
      lock: ['initSeed'],
    }),
  },
  {
    id: 'best-held-out',
    lesson: '19-generalisation',
    title: 'When your network starts to overfit',
    question: (s) =>
      `Lesson 19’s experiment with your data seed ${s.dataSeed} and your starting seed ${s.initSeed} (N = ${G.n}, a share of ${G.testFraction} held out, ${G.hidden} hidden units, η = ${G.learningRate}, ${formatInteger(G.epochs)} epochs): at which epoch is the held-out loss lowest?`,
    answer: (s) => heldOutRun(s).bestEpoch,
    decimals: 0,
    tolerance: () => 0,
    explanation: (s) => {
      const run = heldOutRun(s);
      return `The held-out loss is lowest at epoch ${formatInteger(run.bestEpoch)} (${run.bestTestLoss.toPrecision(4)}); after that the training loss keeps falling (to ${run.trainLosses[run.trainLosses.length - 1].toPrecision(4)}) while the held-out loss climbs to ${run.testLosses[run.testLosses.length - 1].toPrecision(4)}: the network fits the training samples’ noise.`;
    },
    link: (s) => ({
      lesson: '19-generalisation',
      shareKey: 'split',
      settings: { dataSeed: String(s.dataSeed), initSeed: String(s.initSeed) },
      lock: ['dataSeed', 'initSeed'],
    }),
  },
];

export function assignmentExercise(id: string): AssignmentExercise | undefined {
  return ASSIGNMENT_EXERCISES.find((e) => e.id === id);
}

/** The accepted difference for an answer. */
export function toleranceOf(exercise: AssignmentExercise, answer: number): number {
  return exercise.tolerance ? exercise.tolerance(answer) : 0.5 * 10 ** -exercise.decimals;
}

/** Whether a student's value is the answer for their seeds. */
export function isCorrect(exercise: AssignmentExercise, seeds: StudentSeeds, value: number): boolean {
  const answer = exercise.answer(seeds);
  return Math.abs(value - answer) <= toleranceOf(exercise, answer);
}

/** The answer as the key prints it. */
export function shownAnswer(exercise: AssignmentExercise, answer: number): string {
  if (exercise.decimals === 0) return formatInteger(answer);
  return exercise.tolerance ? answer.toPrecision(exercise.decimals) : answer.toFixed(exercise.decimals);
}
