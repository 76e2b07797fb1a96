import { describe, expect, it } from 'vitest';
import { makeSchedule } from '../../../src/trainer/schedule';
import {
  describeSchedule,
  parseFactor,
  PLATEAU_FIELDS,
  PLATEAU_SETTING_KEYS,
  plateauOptions,
  plateauRules,
  plateauSpec,
  type PlateauSettings,
} from '../../../src/experiments/plateau/settings';
import { defineSettings } from '../../../src/experiments/settings/schema';

// The group as a widget or the console uses it: its fields spread into a schema with its rules.
const schedule = defineSettings(PLATEAU_FIELDS, plateauRules<PlateauSettings>());
const defaults = schedule.defaults;

describe('the reduce-on-plateau settings group', () => {
  it('starts from lesson 10’s schedule, with the libraries’ option names', () => {
    expect(defaults).toEqual({ factor: 0.5, patience: 200, threshold: 1e-4, thresholdMode: 'rel', cooldown: 0, minLr: 0, flavour: 'pytorch' });
    expect(PLATEAU_SETTING_KEYS).toEqual(['factor', 'patience', 'threshold', 'thresholdMode', 'cooldown', 'minLr', 'flavour']);
  });

  it('reads every setting back from the link it writes', () => {
    const config: PlateauSettings = { factor: 0.25, patience: 7, threshold: 0.001, thresholdMode: 'abs', cooldown: 3, minLr: 0.0001, flavour: 'keras' };
    expect(schedule.parse(schedule.serialise(config))).toEqual({ config, notices: [] });
  });

  it('accepts the libraries’ spellings of the flavour and the mode', () => {
    expect(schedule.parse({ flavour: 'torch', thresholdMode: 'absolute' }).config).toMatchObject({ flavour: 'pytorch', thresholdMode: 'abs' });
    expect(schedule.parse({ flavour: 'tf.keras', thresholdMode: 'abs' }).config.flavour).toBe('keras');
    expect(schedule.parse({ flavour: 'Py Torch', thresholdMode: 'Relative' }).config).toMatchObject({ flavour: 'pytorch', thresholdMode: 'rel' });
  });

  it('explains a factor outside (0, 1) — 0, 1, 1.5, −1, text, huge, empty — and keeps the one in force', () => {
    for (const text of ['0', '1', '1.5', '-1', 'abc', '1e308', '', 'NaN', 'Infinity', '1e309']) {
      const { config, notices } = schedule.parse({ factor: text });
      expect(config.factor, text).toBe(0.5);
      expect(notices, text).toHaveLength(1);
      expect(notices[0], text).toMatch(/factor/i);
      expect(notices[0], text).not.toMatch(/NaN|undefined|e\+308|1\.79/);
    }
    expect(parseFactor('0')).toMatchObject({ ok: false, message: expect.stringMatching(/above 0.*stop training/) });
    expect(parseFactor('1.5')).toMatchObject({ ok: false, message: expect.stringMatching(/below 1.*would not reduce/) });
    expect(parseFactor('0.5')).toEqual({ ok: true, value: 0.5 });
    // The control reads typed text with the same field, so it refuses what a link would.
    expect(PLATEAU_FIELDS.factor.read('1')).toEqual(parseFactor('1'));
  });

  it('refuses garbled numbers with the field’s own message', () => {
    const { config, notices } = schedule.parse({ patience: '2.5', cooldown: '-1', minLr: 'lots', threshold: '1e308' });
    expect(config).toEqual(defaults);
    expect(notices).toHaveLength(4);
    expect(notices[0]).toMatch(/Patience must be a whole number/);
    expect(notices[1]).toMatch(/Cooldown must be at least 0/);
  });

  it('uses Keras’s own absolute test, without a word, when a link picks Keras and no mode', () => {
    expect(schedule.parse({ flavour: 'keras' })).toEqual({ config: { ...defaults, flavour: 'keras', thresholdMode: 'abs' }, notices: [] });
  });

  it('falls back to Keras’s absolute test, and says so, when Keras is asked for a relative one', () => {
    const { config, notices } = schedule.parse({ flavour: 'keras', thresholdMode: 'rel' });
    expect(config.thresholdMode).toBe('abs');
    expect(notices).toEqual([expect.stringMatching(/Keras compares losses only absolutely.*absolute mode\.$/)]);
    expect(schedule.problems({ ...defaults, flavour: 'keras' })).toEqual([{ keys: ['thresholdMode'], message: expect.stringMatching(/Keras/) }]);
  });

  it('refuses a relative threshold of 1 or more (no loss could count as better), not an absolute one', () => {
    const { config, notices } = schedule.parse({ threshold: '2' });
    expect(config.threshold).toBe(1e-4);
    expect(notices).toEqual([expect.stringMatching(/relative threshold of 1 or more/)]);
    expect(schedule.parse({ threshold: '2', thresholdMode: 'abs' }).notices).toEqual([]);
  });

  it('keeps a widget’s own defaults when it spreads the group into a larger schema', () => {
    const widget = defineSettings({ ...PLATEAU_FIELDS }, plateauRules()).withDefaults({ patience: 50, flavour: 'keras', thresholdMode: 'abs' });
    expect(widget.parse({ threshold: '3', thresholdMode: 'rel', flavour: 'pytorch' }).config).toMatchObject({ patience: 50, threshold: 1e-4 });
  });

  it('hands the trainer options with the libraries’ names, and plain data for workers', () => {
    expect(plateauOptions(defaults)).toEqual({ factor: 0.5, patience: 200, threshold: 1e-4, thresholdMode: 'rel', cooldown: 0, minLr: 0, flavour: 'pytorch' });
    expect(plateauSpec(defaults)).toEqual({ kind: 'plateau', ...plateauOptions(defaults) });
    expect(structuredClone(plateauSpec(defaults))).toEqual(plateauSpec(defaults));
    expect(() => makeSchedule(plateauSpec({ ...defaults, flavour: 'keras', thresholdMode: 'abs' }))).not.toThrow();
  });

  it('describes the schedule as the libraries name it (Keras’s threshold is min_delta)', () => {
    expect(describeSchedule(defaults)).toMatch(/factor 0\.5, patience 200, threshold 0\.0001 \(relative\).*PyTorch/);
    expect(describeSchedule({ ...defaults, flavour: 'keras', thresholdMode: 'abs' })).toMatch(/min_delta 0\.0001.*Keras/);
  });
});
