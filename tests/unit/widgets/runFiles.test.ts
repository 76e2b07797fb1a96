import { describe, expect, it } from 'vitest';
import { csvField, csvTable, dataCsv, dataFileLabel, lossCsv, parametersCsv, runJson, type RunRecord } from '../../../src/widgets/kit/runFiles';
import { datasetFromArrays, makeDataset } from '../../../src/trainer/data';

function record(overrides: Partial<RunRecord> = {}): RunRecord {
  const data = datasetFromArrays([1, 2], [3, 4], [5, 6]);
  return {
    widget: 'training-console',
    shareKey: 'console',
    link: 'http://localhost/lessons/07/?console.epoch=2#widget-console',
    settings: { learningRate: 0.05, initSeed: 1, panels: ['loss', 'fit'] },
    hidden: 2,
    epoch: 2,
    status: 'ok',
    data,
    prediction: [5.5, 5.75],
    parameterNames: ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'B1', 'B2', 'B3'],
    start: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0, 0, 0],
    parameters: [0.1 + 0.2, 1e-7, -3, 4, 5, 6, 7, 8, 9],
    loss: [3, 2, 1],
    learningRate: [0.05, 0.05, 0.025],
    ...overrides,
  };
}

describe('csvField', () => {
  it('writes numbers in full precision (String(x)), and non-finite numbers as empty fields', () => {
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(1e-7)).toBe('1e-7');
    expect(csvField(-2.5)).toBe('-2.5');
    expect(csvField(Infinity)).toBe('');
    expect(csvField(NaN)).toBe('');
    expect(csvField(null)).toBe('');
  });

  it('quotes text with commas, quotes, line breaks or edge spaces, doubling the quotes', () => {
    expect(csvField('W1')).toBe('W1');
    expect(csvField('w(x1→h1)')).toBe('w(x1→h1)');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('writes the header and each row on a line of its own, with CRLF line ends', () => {
    const text = csvTable(['a', 'b'], [['x,"y"', 1.5], ['plain', null]]);
    expect(text).toBe('a,b\r\n"x,""y""",1.5\r\nplain,\r\n');
  });
});

describe('the run as CSV', () => {
  it('has one data row per sample, raw and scaled columns, and the prediction', () => {
    const lines = dataCsv(record()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('sample,x1_raw,x2_raw,noise,y_raw,x1_scaled,x2_scaled,y_scaled,yhat_scaled');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('1,1,3,0,5,1,3,5,5.5');
  });

  it('names the scaling of the data file', () => {
    expect(dataFileLabel(record())).toBe('data-unscaled');
    expect(dataFileLabel({ data: makeDataset({ n: 5, scaling: 'zscore' }) })).toBe('data-zscore-scaled');
    const scaled = dataCsv(record({ data: makeDataset({ n: 5, scaling: 'minmax' }), prediction: [0, 0, 0, 0, 0] })).split('\r\n');
    expect(scaled).toHaveLength(7); // header, 5 rows, the final empty line
    for (const row of scaled.slice(1, 6)) {
      const [, , , , , x1] = row.split(',').map(Number);
      expect(x1).toBeGreaterThanOrEqual(0);
      expect(x1).toBeLessThanOrEqual(1);
    }
  });

  it('lists the parameters by name at the start and at the epoch reached', () => {
    const lines = parametersCsv(record()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('parameter,start,epoch_2');
    expect(lines[1]).toBe('W1,0.1,0.30000000000000004');
    expect(lines[2]).toBe('W2,0.2,1e-7');
    expect(lines[9]).toBe('B3,0,9');
    expect(lines).toHaveLength(10);
  });

  it('has epoch + 1 loss rows with the rate of each update; a diverged loss is an empty field', () => {
    expect(lossCsv(record()).trimEnd().split('\r\n')).toEqual(['epoch,loss,learning_rate', '0,3,0.05', '1,2,0.05', '2,1,0.025']);
    expect(lossCsv(record({ loss: [1, Infinity], learningRate: [2, 2] })).split('\r\n')[2]).toBe('1,,2');
  });
});

describe('the run as JSON', () => {
  it('holds the settings, the link, the parameters, the loss history and the data, exactly', () => {
    const run = JSON.parse(runJson(record()));
    expect(run).toMatchObject({
      format: 'nine-parameters-run',
      version: 1,
      widget: 'training-console',
      link: record().link,
      settings: { learningRate: 0.05, initSeed: 1, panels: ['loss', 'fit'] },
      epoch: 2,
      parameters: { names: record().parameterNames, start: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0, 0, 0], now: [0.30000000000000004, 1e-7, -3, 4, 5, 6, 7, 8, 9] },
      lossHistory: { loss: [3, 2, 1], learningRate: [0.05, 0.05, 0.025] },
      data: { n: 2, scaling: { method: 'none' }, raw: { x1: [1, 2], y: [5, 6] }, scaled: { x2: [3, 4] }, prediction: [5.5, 5.75] },
    });
  });

  it('writes a non-finite number as null, and each array of numbers on one line', () => {
    const text = runJson(record({ loss: [1, NaN, Infinity] }));
    expect(JSON.parse(text).lossHistory.loss).toEqual([1, null, null]);
    expect(text).toContain('"loss": [1, null, null]');
    expect(text).toContain('"panels": [\n');
  });
});
