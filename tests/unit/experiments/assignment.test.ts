import { describe, expect, it } from 'vitest';
import { assignmentParams, readAssignment } from '../../../src/experiments/assignment/assignment';
import { ASSIGNMENT_EXERCISES, isCorrect, toleranceOf } from '../../../src/experiments/assignment/exercises';
import { runGeneralisation } from '../../../src/experiments/generalisation/run';
import { generalisationSettings } from '../../../src/experiments/generalisation/settings';
import { runDeepNetwork } from '../../../src/experiments/deep-network/run';
import { deepNetworkSettings } from '../../../src/experiments/deep-network/settings';
import { defaultDataset } from '../../../src/experiments/data/defaultDataset';
import { exerciseHref } from '../../../src/experiments/assignment/links';
import { canonicalName, nameProblem, studentSeeds } from '../../../src/experiments/assignment/student';
import { readSharedState } from '../../../src/experiments/link';
import { trainingConsoleSettings } from '../../../src/experiments/training-console/settings';
import { linkOutcome } from '../../../src/facts/experiments';

describe('a student’s seeds', () => {
  it('are the same for the same name however it is spaced or capitalised', () => {
    expect(canonicalName('  Ada   LOVELACE ')).toBe('ada lovelace');
    expect(studentSeeds(' ada lovelace')).toEqual({ ...studentSeeds('Ada  Lovelace'), name: 'ada lovelace' });
  });

  it('differ between students, and the data seed and starting seed are unrelated', () => {
    const names = Array.from({ length: 200 }, (_, i) => `Student ${i + 1}`);
    const data = new Set(names.map((n) => studentSeeds(n).dataSeed));
    const init = new Set(names.map((n) => studentSeeds(n).initSeed));
    expect(data.size).toBeGreaterThan(195);
    expect(init.size).toBeGreaterThan(195);
    expect(names.filter((n) => studentSeeds(n).dataSeed === studentSeeds(n).initSeed)).toEqual([]);
    for (const n of names) expect(studentSeeds(n).dataSeed).toBeGreaterThanOrEqual(1);
  });

  it('refuses an empty name or one without a letter or digit, with a message', () => {
    expect(nameProblem('')).toMatch(/name/);
    expect(nameProblem('!!!')).toMatch(/letter or digit/);
    expect(nameProblem('17')).toBeNull();
  });
});

describe('assignment exercises', () => {
  const ada = studentSeeds('Ada');
  const bob = studentSeeds('Bob');

  it('give two students different numeric answers', () => {
    for (const exercise of ASSIGNMENT_EXERCISES.filter((e) => e.decimals > 0)) {
      const a = exercise.answer(ada);
      const b = exercise.answer(bob);
      expect(Number.isFinite(a), exercise.id).toBe(true);
      expect(Math.abs(a - b), exercise.id).toBeGreaterThan(toleranceOf(exercise, a));
      expect(isCorrect(exercise, ada, a)).toBe(true);
      expect(isCorrect(exercise, bob, a)).toBe(false);
    }
  });

  it('agree with what the training console shows when its link is opened', () => {
    for (const exercise of ASSIGNMENT_EXERCISES.filter((e) => e.link?.(ada).shareKey === 'console')) {
      const href = exerciseHref(exercise.link!(ada), '/');
      const { settings, locked } = readSharedState(new URL(href, 'http://x').search, 'console');
      expect(locked.has('dataSeed') && locked.has('initSeed')).toBe(true);
      const outcome = linkOutcome(Object.fromEntries([...settings].map(([k, v]) => [trainingConsoleSettings.aliases[k] ?? k, v])));
      if (exercise.id === 'start-loss' || exercise.id === 'trained-loss') expect(outcome.loss).toBe(exercise.answer(ada));
      if (exercise.id === 'start-r2') expect(outcome.r2).toBeCloseTo(exercise.answer(ada), 12);
      if (exercise.id === 'dead-units') expect(outcome.dead).toBe(exercise.answer(ada));
    }
  });

  it('agree with what lesson 19’s experiment shows when its link is opened, and differ between students', () => {
    const exercise = ASSIGNMENT_EXERCISES.find((e) => e.id === 'best-held-out')!;
    const link = exercise.link!(ada);
    const { settings, locked } = readSharedState(new URL(exerciseHref(link, '/'), 'http://x').search, 'split');
    expect(locked.has('dataSeed') && locked.has('initSeed')).toBe(true);
    const { config, notices } = generalisationSettings.parse(Object.fromEntries(settings));
    expect(notices).toEqual([]);
    expect(runGeneralisation(config).bestEpoch).toBe(exercise.answer(ada));
    expect(exercise.answer(bob)).not.toBe(exercise.answer(ada));
    expect(isCorrect(exercise, ada, exercise.answer(ada) + 1)).toBe(false);
  });

  it('agree with what lesson 18’s deeper network shows when its link is opened', () => {
    const exercise = ASSIGNMENT_EXERCISES.find((e) => e.id === 'deep-loss')!;
    const link = exercise.link!(ada);
    expect(link.lesson).toBe('18-second-layer');
    const { settings, locked } = readSharedState(new URL(exerciseHref(link, '/'), 'http://x').search, 'deep');
    expect(locked.has('initSeed')).toBe(true);
    const { config, notices } = deepNetworkSettings.parse(Object.fromEntries(settings));
    expect(notices).toEqual([]);
    expect(config.initSeed).toBe(ada.initSeed);
    expect(runDeepNetwork(config, defaultDataset()).runs[0].finalLoss).toBe(exercise.answer(ada));
  });

  it('explain each answer with the student’s own numbers', () => {
    for (const exercise of ASSIGNMENT_EXERCISES) {
      expect(exercise.question(ada)).toMatch(String(ada.initSeed));
      expect(exercise.explanation(ada).length).toBeGreaterThan(20);
    }
  });
});

describe('an assignment link', () => {
  const known = { lessons: ['05-the-loss', '07-gradient-descent'], experiments: ['seeds'] };
  const assignment = { title: 'Week 2: the loss', lessons: ['05-the-loss'], exercises: ['start-loss', 'trained-loss'], experiments: ['seeds'] };

  it('reads back what it was made from', () => {
    const read = readAssignment(`?${assignmentParams(assignment)}`, known);
    expect(read?.assignment).toEqual(assignment);
    expect(read?.problems).toEqual([]);
  });

  it('names a cut link and unknown parts, and keeps what it can', () => {
    const query = `?${assignmentParams(assignment)}`;
    const cut = readAssignment(query.slice(0, query.indexOf('trained') + 3), known)!;
    expect(cut.problems.join(' ')).toMatch(/incomplete/);
    expect(cut.assignment.exercises).toEqual(['start-loss']);
    const odd = readAssignment('?t=x&x=start-loss,nope&l=99-nothing', known)!;
    expect(odd.problems.join(' ')).toMatch(/nope/);
    expect(odd.problems.join(' ')).toMatch(/99-nothing/);
    expect(readAssignment('?other=1', known)).toBeNull();
  });
});
