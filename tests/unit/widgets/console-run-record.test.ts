import { describe, expect, it } from 'vitest';
import { trainingConsoleSettings } from '../../../src/experiments/training-console/settings';
import { runTo, lossHistory } from '../../../src/experiments/training-console/run';
import { consoleRunRecord } from '../../../src/widgets/training-console/runRecord';
import { lossCsv, parametersCsv, runJson } from '../../../src/widgets/kit/runFiles';

describe('consoleRunRecord', () => {
  it('records the run at the epoch reached: nine named parameters, epoch + 1 losses and rates', () => {
    const { config } = trainingConsoleSettings.parse({ epoch: '30', learningRate: '0.05', rateChanges: '10:0.02' });
    const run = runTo(config, 30);
    const record = consoleRunRecord(run, { ...config, epoch: 30 }, 'console', 'http://x/?console.epoch=30');
    expect(record.parameterNames).toEqual(['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3']);
    expect(Array.from(record.parameters)).toEqual(Array.from(run.trainer.params));
    expect(record.loss).toHaveLength(31);
    expect(Array.from(record.loss)).toEqual(Array.from(lossHistory(run)));
    expect(record.learningRate[9]).toBe(0.05);
    expect(record.learningRate[10]).toBe(0.02);
    expect(record.learningRate[30]).toBe(0.02);
    expect(record.prediction).toHaveLength(run.data.n);
  });

  it('gives a JSON whose settings rebuild exactly the same run', () => {
    const { config } = trainingConsoleSettings.parse({ epoch: '25', initSeed: '3', dataSeed: '2', n: '50' });
    const run = runTo(config, 25);
    const saved = JSON.parse(runJson(consoleRunRecord(run, { ...config, epoch: 25 }, 'console', 'link')));
    const again = runTo(saved.settings, saved.epoch);
    expect(Array.from(again.trainer.params)).toEqual(saved.parameters.now);
    expect(Array.from(lossHistory(again))).toEqual(saved.lossHistory.loss);
  });

  it('names the parameters of other widths as the trainer does', () => {
    const { config } = trainingConsoleSettings.parse({ hidden: '3', epoch: '2' });
    const record = consoleRunRecord(runTo(config, 2), config, 'console', 'link');
    expect(record.parameterNames).toHaveLength(13);
    expect(parametersCsv(record).split('\r\n')[1]).toMatch(/^w\(x1→h1\),/);
    expect(lossCsv(record).trimEnd().split('\r\n')).toHaveLength(4);
  });
});
