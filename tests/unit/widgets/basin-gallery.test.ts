import { describe, expect, it } from 'vitest';
import { makeDataset, runSweep, variance, type SweepRun } from '../../../src/trainer';
import { basinGallerySettings, describeGallery, gallerySeeds, MAX_TOTAL_EPOCHS, totalWorkProblem } from '../../../src/experiments/basin-gallery/settings';
import { gallerySweep } from '../../../src/experiments/basin-gallery/run';
import { cardHref, cardHrefOnPage, consoleSettings } from '../../../src/widgets/basin-gallery/cardLink';
import { cardScene, pendingCardScene, runState, runSummary, tally } from '../../../src/widgets/basin-gallery/scene';
import { trainingConsoleSettings } from '../../../src/experiments/training-console/settings';
import { readSharedState, shareUrl } from '../../../src/experiments/link';
import { toSvgString } from '../../../src/widgets/kit/svg';
import { expectNotice } from '../../helpers/notice';

const BASIN_GALLERY_DEFAULTS = basinGallerySettings.defaults;
const parseBasinGalleryConfig = basinGallerySettings.parse;
const serializeBasinGalleryConfig = (config: typeof BASIN_GALLERY_DEFAULTS) => basinGallerySettings.serialise(config);

describe('parseBasinGalleryConfig', () => {
  it('gives the defaults for an empty source and round-trips a config', () => {
    expect(parseBasinGalleryConfig({})).toEqual({ config: BASIN_GALLERY_DEFAULTS, notices: [] });
    const config = { preset: 'writeup' as const, learningRate: 0.3, epochs: 2000, firstSeed: 50, runs: 20 };
    expect(parseBasinGalleryConfig(serializeBasinGalleryConfig(config))).toEqual({ config, notices: [] });
  });

  it('explains garbled settings and keeps the defaults', () => {
    const { config, notices } = parseBasinGalleryConfig({ preset: 'zeros', learningRate: '-1', epochs: 'NaN', firstSeed: '1.5', runs: '1e308', colour: 'red' });
    expect(config).toEqual(BASIN_GALLERY_DEFAULTS);
    expect(notices).toHaveLength(6);
  });

  it('refuses more work than a phone should do, and says so', () => {
    const { config, notices } = parseBasinGalleryConfig({ runs: '200', epochs: '50000' });
    expect(config.runs * config.epochs).toBeLessThanOrEqual(MAX_TOTAL_EPOCHS);
    expect(notices[0]).toMatch(/at most 2,000,000/);
    expect(totalWorkProblem(BASIN_GALLERY_DEFAULTS)).toBeNull();
  });

  it('describes the settings in words', () => {
    expectNotice(describeGallery(BASIN_GALLERY_DEFAULTS), { names: ['He', 'seeds', 'η'], uses: ['1–100', '0.05', '5,000'] });
    expect(describeGallery({ ...BASIN_GALLERY_DEFAULTS, runs: 1, firstSeed: 9 })).toMatch(/seed 9,/);
  });

  it('opens a link from before the schema as it did (the e2e tests’ and the lesson’s card links)', () => {
    const old = '?console.initSeed=12&gallery.preset=he&gallery.learningRate=0.05&gallery.epochs=5000&gallery.firstSeed=1&gallery.runs=100&minima.initSeed=3';
    expect(parseBasinGalleryConfig(readSharedState(old, 'gallery').settings)).toEqual({ config: BASIN_GALLERY_DEFAULTS, notices: [] });
    const small = parseBasinGalleryConfig(readSharedState('?gallery.runs=6&gallery.epochs=300&gallery.preset=writeup', 'gallery').settings);
    expect(small).toEqual({ config: { ...BASIN_GALLERY_DEFAULTS, runs: 6, epochs: 300, preset: 'writeup' }, notices: [] });
  });

  it('numbers the seeds from the first', () => {
    expect(gallerySeeds({ firstSeed: 7, runs: 3 })).toEqual([7, 8, 9]);
  });
});

describe('gallery cards and tally', () => {
  const data = makeDataset();
  const varY = variance(data.y);
  const config = { ...BASIN_GALLERY_DEFAULTS, runs: 6, epochs: 300 };
  const runs = runSweep({ data, preset: 'he', seeds: gallerySeeds(config), epochs: 300, learningRate: 0.05, details: true });

  it('draws each run as a card with its seed, end state, loss, R², gradient and loss curve', () => {
    const svg = toSvgString(cardScene(runs[0], varY));
    expect(svg).toContain(`seed ${runs[0].seed}`);
    expect(svg).toContain(String(runs[0].details!.state));
    expect(svg).toMatch(/L \d/);
    expect(svg).toMatch(/\|∇L\|/);
    expect(svg).toContain(`aria-label="Seed ${runs[0].seed}: ${runs[0].details!.state}`);
    expect(svg).toContain('role="img"');
    expect(svg).not.toMatch(/NaN|undefined/);
    expect(toSvgString(pendingCardScene(4, 'waiting…'))).toContain('waiting…');
  });

  it('says a diverged run diverged, with no numbers that are not numbers', () => {
    const [wild] = runSweep({ data, preset: 'he', seeds: [1], epochs: 50, learningRate: 10, details: true });
    expect(wild.status).toBe('diverged');
    expect(runState(wild)).toBe('diverged');
    expect(runSummary(wild)).toMatch(/diverged at epoch/);
    expect(toSvgString(cardScene(wild, varY))).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('tallies finished runs by end state, skipping unfinished ones', () => {
    const rows = tally([...runs, undefined], varY);
    expect(rows.reduce((n, r) => n + r.runs, 0)).toBe(runs.length);
    for (const r of rows) expect(r.medianLoss).not.toMatch(/NaN/);
  });

  it('links a card to the console with the run’s start, rate and length, and the gallery’s own settings', () => {
    const run: SweepRun = runs[2];
    const href = cardHref(config, run, 'minima', 'gallery');
    const query = href.slice(href.indexOf('?'), href.indexOf('#'));
    expect(href.endsWith('#widget-minima')).toBe(true);
    const console = readSharedState(query, 'minima');
    const parsed = trainingConsoleSettings.parse(Object.fromEntries(console.settings));
    expect(parsed.notices).toEqual([]);
    expect(parsed.config).toMatchObject({ init: 'he', initSeed: run.seed, learningRate: 0.05, epoch: run.epochs, start: null });
    expect(parseBasinGalleryConfig(readSharedState(query, 'gallery').settings).config).toEqual(config);
    expect(consoleSettings(config, run).initSeed).toBe(String(run.seed));
  });

  it('keeps a teacher’s locked seed, the lock and hide lists and other widgets’ settings in a card’s link on that page (issue 18)', () => {
    const run: SweepRun = runs[2];
    const teacher = shareUrl('https://school.example/lessons/09-local-minima/?data.n=50', 'minima', new URLSearchParams({ is: '42', lr: '0.01' }), { locked: ['initSeed'], hidden: ['speed'] });
    const href = cardHrefOnPage(teacher, config, run, 'minima', 'gallery');
    expect(href.endsWith('#widget-minima')).toBe(true);
    const query = href.slice(0, href.indexOf('#'));
    const console = readSharedState(query, 'minima');
    expect(console.integrity).toBe('whole');
    expect([...console.locked]).toEqual(['initSeed']);
    expect([...console.hidden]).toEqual(['speed']);
    const parsed = trainingConsoleSettings.parse(Object.fromEntries(console.settings));
    // The locked seed keeps the teacher's value; the card's rate replaces the page's (short name and all).
    expect(parsed.config).toMatchObject({ initSeed: 42, learningRate: 0.05, epoch: run.epochs, init: 'he' });
    expect(console.settings.has('lr')).toBe(false);
    expect(new URLSearchParams(query).get('data.n')).toBe('50');
    expect(readSharedState(query, 'gallery').integrity).toBe('whole');
    expect(parseBasinGalleryConfig(readSharedState(query, 'gallery').settings).config).toEqual(config);
  });

  it('writes the run’s own seed into a card’s link when the page locks nothing', () => {
    const run: SweepRun = runs[1];
    const href = cardHrefOnPage('https://school.example/lessons/09-local-minima/', config, run, 'minima', 'gallery');
    const console = readSharedState(href.slice(0, href.indexOf('#')), 'minima');
    expect(console.locked.size).toBe(0);
    expect(trainingConsoleSettings.parse(Object.fromEntries(console.settings)).config.initSeed).toBe(run.seed);
  });

  it('links to another page’s console without the gallery’s settings', () => {
    const href = cardHref(config, runs[0], 'console', 'gallery', '../07-gradient-descent/');
    expect(href.startsWith('../07-gradient-descent/?console.')).toBe(true);
    expect(href).not.toContain('gallery.');
  });
});

describe('gallerySweep', () => {
  it('runs a config once and hands every later caller the same runs', () => {
    const config = { ...BASIN_GALLERY_DEFAULTS, runs: 2, epochs: 20 };
    const a = gallerySweep(config);
    expect(gallerySweep({ ...config })).toBe(a);
    expect(a.every((r) => r.details !== undefined)).toBe(true);
  });
});
