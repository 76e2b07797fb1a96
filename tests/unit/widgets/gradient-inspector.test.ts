import { describe, expect, it } from 'vitest';
import { finiteDifferenceGradient, initParams, lossAndGradient, makeDataset, meanSquaredError, PARAMETER_NAMES, B1, W1, W3, W5 } from '../../../src/trainer';
import { INSPECTOR_PARAMETER_LIMIT } from '../../../src/experiments/gradient-inspector/settings';
import { inspect, proposeStep, stepProblem } from '../../../src/experiments/gradient-inspector/inspection';
import { inspectorView, PARTIALS, partialNumbers, phaseMessage, stepRows } from '../../../src/widgets/gradient-inspector/scene';
import { presetParameters } from '../../../src/trainer/presets';
import { slotKeys } from '../../../src/experiments/formulaTemplate';

const data = makeDataset();
const example = initParams({ preset: 'writeup-example' });

describe('inspection', () => {
  it('holds the trainer’s gradient and a finite-difference estimate that agrees with it', () => {
    const x = inspect(example, data);
    expect(x.gradient).toEqual(lossAndGradient(example, data).grad);
    expect(x.estimate).toEqual(finiteDifferenceGradient(example, data));
    x.gradient.forEach((g, j) => expect(Math.abs(g - x.estimate[j])).toBeLessThan(1e-5));
  });

  it('fills every slot of the nine formulas, and backprop and estimate print the same digits', () => {
    const numbers = partialNumbers(inspect(example, data), data.n);
    for (const name of PARAMETER_NAMES) {
      for (const key of [...slotKeys(PARTIALS[name].tex), ...slotKeys(PARTIALS[name].text), ...slotKeys(PARTIALS[name].over)]) expect(numbers[key], key).toBeDefined();
      expect(numbers[`fd_${name}`]).toBe(numbers[`g_${name}`]);
    }
    expect(numbers.N).toBe('300');
    expect(numbers.W5).toBe('−8.92');
  });

  it('shows a dead unit’s four partials and their estimates as exactly 0', () => {
    const numbers = partialNumbers(inspect(presetParameters('dead-unit'), data), data.n);
    for (const name of ['W1', 'W3', 'B1', 'W5']) {
      expect(numbers[`g_${name}`]).toBe('0');
      expect(numbers[`fd_${name}`]).toBe('0');
      expect(numbers[`n_${name}`]).toBe('0');
    }
  });
});

describe('one step', () => {
  it('moves every parameter by −η times its partial derivative', () => {
    const x = inspect(example, data);
    const step = proposeStep(x, 0.01);
    step.after.forEach((v, j) => expect(v).toBe(example[j] - 0.01 * x.gradient[j]));
    expect(stepProblem(step, INSPECTOR_PARAMETER_LIMIT)).toBeNull();
  });

  it('refuses a step that would leave the fields’ range, naming the parameter', () => {
    const problem = stepProblem(proposeStep(inspect(example, data), 1), INSPECTOR_PARAMETER_LIMIT);
    expect(problem).toMatch(/would move W3 to −377\.4, outside the −100 to 100/);
  });

  it('marks the dead unit’s parameters unchanged and the others changed, with direction', () => {
    const rows = stepRows(proposeStep(inspect(presetParameters('dead-unit'), data), 0.01));
    const unchanged = rows.filter((r) => !r.changed).map((r) => r.name);
    expect(unchanged.sort()).toEqual(['B1', 'W1', 'W3', 'W5']);
    expect(rows.find((r) => r.name === 'W1')!.cells[3]).toBe('0 (unchanged)');
    expect(rows.find((r) => r.changed)!.cells[3]).toMatch(/^[▲▼] /);
    expect([W1, W3, B1, W5]).toHaveLength(4);
  });

  it('previews the next step, or shows the step just taken with the loss before and after', () => {
    const x = inspect(example, data);
    const preview = inspectorView(x, data, 0.01, 'idle', null);
    expect(preview.numbers.stepCaption).toMatch(/^The next step, with η = 0\.01/);
    expect(preview.numbers.lossBefore).toBe(preview.numbers.loss);
    const step = proposeStep(x, 0.01);
    const after = inspect(step.after, data);
    const taken = inspectorView(after, data, 0.01, 'update', { step, before: x });
    expect(taken.numbers.stepCaption).toMatch(/^The step just taken/);
    expect(taken.numbers.lossBefore).toBe(preview.numbers.loss);
    expect(taken.numbers.lossAfter).toBe(preview.numbers.lossAfter);
    expect(taken.numbers.loss).toBe(taken.numbers.lossAfter);
    expect(meanSquaredError(step.after, data)).toBeLessThan(x.loss);
    expect(taken.message).toMatch(/^4 Update with η = 0\.01: the loss went from 1,467 to 556\.4/);
    expect(JSON.stringify([preview, taken])).not.toMatch(/NaN|undefined/);
  });

  it('describes each sub-step', () => {
    const x = inspect(presetParameters('dead-unit'), data);
    expect(phaseMessage('forward', x, 300)).toMatch(/Unit 1 is on for 0 of them/);
    expect(phaseMessage('loss', x, 300)).toMatch(/L = .* against Var\(y\) = 1, so R² = /);
    expect(phaseMessage('backward', x, 300)).toMatch(/Exactly zero: W1, W3, W5, B1\./);
  });
});
