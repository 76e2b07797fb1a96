import { describe, expect, it } from 'vitest';
import { extremeStartsSettings } from '../../../src/experiments/extreme-starts/settings';
import { extremeRun } from '../../../src/experiments/extreme-starts/run';
import { extremeRunRecord } from '../../../src/widgets/extreme-starts/runRecord';
import { lossCsv, runJson } from '../../../src/widgets/kit/runFiles';

describe('extremeRunRecord', () => {
  it('records the run shown: epochs + 1 losses at the one rate, and the settings that rebuild it', () => {
    const { config, notices } = extremeStartsSettings.parse({ start: 'large-biases', epochs: '40', learningRate: '0.01' });
    expect(notices).toEqual([]);
    const run = extremeRun(config);
    const record = extremeRunRecord(run, 'extremes', 'link');
    expect(record.loss).toHaveLength(run.epochs + 1);
    expect(new Set(Array.from(record.learningRate))).toEqual(new Set([0.01]));
    expect(lossCsv(record).trimEnd().split('\r\n')).toHaveLength(run.epochs + 2);
    const saved = JSON.parse(runJson(record));
    const again = extremeRun(saved.settings);
    expect(Array.from(again.params)).toEqual(saved.parameters.now);
    expect(saved.parameters.names).toEqual(['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3']);
  });

  it('keeps a diverged run readable: the losses past the blow-up are null', () => {
    const { config, notices } = extremeStartsSettings.parse({ start: 'huge-weights', epochs: '200', learningRate: '0.05' });
    expect(notices).toEqual([]);
    const run = extremeRun(config);
    expect(run.status).toBe('diverged');
    const saved = JSON.parse(runJson(extremeRunRecord(run, 'extremes', 'link')));
    expect(saved.status).toBe('diverged');
    expect(saved.lossHistory.loss).toContain(null);
  });
});
