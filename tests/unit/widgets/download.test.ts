import { describe, expect, it } from 'vitest';
import { savedFileName } from '../../../src/widgets/kit/download';

describe('savedFileName', () => {
  it('says what the file is: site, widget, state, part', () => {
    expect(savedFileName('console', 'epoch-200', '', 'svg')).toBe('nine-parameters-console-epoch-200.svg');
    expect(savedFileName('console', 'epoch-200', 'loss-history', 'csv')).toBe('nine-parameters-console-epoch-200-loss-history.csv');
    expect(savedFileName('relu-unit', '', '', 'png')).toBe('nine-parameters-relu-unit.png');
  });

  it('keeps only characters every file system accepts', () => {
    expect(savedFileName('My Widget/..', 'η = 0.5', 'a:b', 'CSV')).toBe('nine-parameters-my-widget-0-5-a-b.csv');
    expect(savedFileName('', '', '', 'svg')).toBe('nine-parameters-widget.svg');
  });
});
