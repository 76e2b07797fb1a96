// <np-training-console>: the wiring. The kit's WidgetElement reads the settings (page, link,
// lock/hide), wires the setting controls, Copy link and New seed; the run controller
// (controller.ts) plays, steps and replays; the view (view.ts) draws. Here: the toolbar, the
// controls that act on the run rather than restart it (η, speed, the log axis), the loss curve's
// cursor, saving the run, and the public methods other widgets call (kit/events.ts).
import { formatNumber } from '../../experiments/format';
import { estimateWork, type WorkEstimate } from '../../experiments/work';
import { shareUrl } from '../../experiments/link';
import { SEED_MAX } from '../../experiments/training/settings';
import type { ConsoleSnapshot } from '../../experiments/training-console/run';
import { changedSetup, describeChanges, trainingConsoleSettings, type TrainingConsoleConfig } from '../../experiments/training-console/settings';
import { nameSavedFiles } from '../kit/download';
import { WidgetElement } from '../kit/element';
import { CONSOLE_CHANGE_EVENT, type ConsoleChangeDetail, type ConsoleElement } from '../kit/events';
import { wireRunSaving } from '../kit/runExport';
import { nextSeed } from '../kit/seed';
import type { TextControl } from '../kit/settingControls';
import { RunController } from './controller';
import { logAxisControl, startValuesControl } from './ownControls';
import { consoleRunRecord } from './runRecord';
import { wireScrub } from './scrub';
import { speedNote } from './status';
import { ConsoleView } from './view';

class NpTrainingConsole extends WidgetElement<TrainingConsoleConfig> implements ConsoleElement {
  protected readonly settings = trainingConsoleSettings;
  protected readonly defaultShareKey = 'console';
  // Its run is the training: it has run when a step, a pause or a replay has been drawn.
  protected readonly reportsOwnRuns = true;
  #controller: RunController | null = null;
  #view = new ConsoleView(this);
  #start: TextControl | null = null;

  disconnectedCallback(): void {
    this.#controller?.stop();
  }

  /** The full state as a config: the setup, every rate change, and the epoch reached. */
  toConfig(): TrainingConsoleConfig {
    return this.#controller?.toConfig() ?? this.current();
  }

  /** The run now, or null before the element has started. */
  snapshot(): ConsoleSnapshot | null {
    const controller = this.#controller;
    const run = controller?.run;
    if (!controller || !run) return null;
    const { trainer } = run;
    return {
      config: controller.toConfig(),
      params: Float64Array.from(trainer.params),
      start: run.start,
      data: run.data,
      varY: run.varY,
      rate: controller.nextRate(),
      status: trainer.status,
      playing: controller.playing,
      replaying: controller.replaying,
    };
  }

  /**
   * Loads settings given by another widget on the page (a gallery card opening one seed) as if
   * they had come in a link: they replace those of the current run (a teacher's locked settings
   * stay), the rate changes are dropped unless given, and the run is rebuilt up to the given epoch.
   * Returns the notices of settings that could not be used (also shown in the status line).
   */
  load(settings: Record<string, string>, message = 'Loaded.'): string[] {
    const controller = this.#controller;
    if (!controller) return [];
    const allowed = Object.fromEntries(Object.entries(settings).filter(([name]) => !this.isLocked(name)));
    const current = Object.fromEntries(this.settings.serialise(this.toConfig()));
    const { config, notices } = this.settings.parse({ ...current, rateChanges: '', ...allowed });
    controller.config = config;
    this.change(config);
    controller.start([message, ...notices].join(' '), config.epoch);
    return notices;
  }

  refresh(): void {
    super.refresh();
    // The kit wrote the settings' data-* attributes; the run's own state (epoch, η changes) is the controller's.
    if (this.#controller) this.#sync();
  }

  protected link(): URLSearchParams {
    return this.linkOf(this.toConfig());
  }

  protected setup(config: TrainingConsoleConfig): void {
    const reducedMotion = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
    // The run's news goes through the kit's say(), so settings the page or link could not use stay in front of it.
    const status = { problem: this.status.problem.bind(this.status), note: (message: string) => this.say(message) };
    const controller = new RunController({ ...config }, status, {
      draw: (run, full, panels, drawn) => {
        if (drawn) this.#view.adopt(run);
        else this.#view.draw(run, controller.nextRate(), full, panels);
        this.#showRate(controller.nextRate());
        this.#view.buttons(controller.playing, this.#atStart());
        this.#notify();
        if (!controller.playing && !controller.replaying) this.reportRun(controller.toConfig());
      },
      sync: () => this.#sync(),
      playing: (playing) => this.#view.buttons(playing, this.#atStart()),
      suggest: (settings, advice) => this.suggest(settings, advice),
    }, reducedMotion);
    this.#controller = controller;
    const on = (action: string, handler: () => void) => this.querySelector(`[data-action="${action}"]`)?.addEventListener('click', handler);
    on('play', () => (controller.playing ? controller.pause() : controller.play()));
    on('step', () => controller.step());
    on('back', () => controller.stepBack());
    on('reset', () => controller.restart('Back to epoch 0 with the same seeds.'));
    // With a seed control the kit steps it; without one (a lesson's small console) the seed changes here.
    if (!this.controls.numbers.initSeed) on('new-seed', () => this.change({ initSeed: nextSeed(controller.config.initSeed, SEED_MAX) }));
    this.#explainRate();
    wireScrub(this.querySelector('[data-scrub]'), {
      scene: () => this.#view.loss,
      last: () => controller.run?.trainer.epoch ?? 0,
      cursor: () => this.#view.cursor,
      moveCursor: (epoch) => {
        if (epoch === this.#view.cursor || !controller.run) return;
        this.#view.cursor = epoch;
        this.#view.drawLoss(controller.run);
      },
    });
    const key = this.dataset.shareKey ?? this.defaultShareKey;
    // Saved files name the epoch they show; a replay under way has not reached it yet.
    nameSavedFiles(this, () => `epoch-${this.toConfig().epoch}`);
    wireRunSaving(this, () => {
      if (!controller.run || controller.replaying) return null;
      const state = this.toConfig();
      const link = shareUrl(this.ownerDocument.location.href, key, this.settings.serialise(state), this.shared, this.id || undefined);
      return consoleRunRecord(controller.run, state, key, link);
    }, (message) => this.status.note(message));
  }

  /**
   * Replays to the page's or the link's epoch; on arrival the status line stays quiet unless
   * something needs saying, and on the page's own settings the server's drawing stands.
   */
  protected begin(config: TrainingConsoleConfig, fromLink: boolean): void {
    this.#controller?.start(null, config.epoch, !fromLink);
  }

  /** Replaying a link's epoch: one run of that many epochs. */
  protected workOf(config: TrainingConsoleConfig): WorkEstimate {
    return estimateWork({ runs: 1, epochs: config.epoch, samples: config.n, hidden: config.hidden });
  }

  /** A setting that makes another run changed (the kit calls this once per frame, with valid settings). */
  protected update(config: TrainingConsoleConfig): void {
    const controller = this.#controller;
    if (!controller) return;
    const before = controller.config;
    const changed = changedSetup(before, config);
    if (!changed.length) return;
    // η, its changes, the speed and the view are the run's own; the setup comes from the controls.
    const { learningRate, rateChanges, speed, yScale, panels, maxEpochs } = before;
    controller.config = { ...config, learningRate, rateChanges, speed, yScale, panels, maxEpochs, epoch: 0 };
    const newSeed = this.querySelector<HTMLElement>('[data-action="new-seed"]');
    if (newSeed) newSeed.hidden = config.start !== null && config.batchSize === 'full';
    controller.restart(
      changed.length === 1 && changed[0] === 'initSeed'
        ? `New starting seed ${config.initSeed}: a different start on the same data.`
        : `${describeChanges(before, config)}. Training starts again from epoch 0.`,
    );
  }

  protected changed(name: string): void {
    const controller = this.#controller;
    if (!controller) return;
    const value = this.controls.values()[name];
    if (name === 'learningRate') return controller.setRate(Number(value));
    if (name === 'speed') return this.#setSpeed(Number(value));
    if (name === 'yScale') {
      controller.config.yScale = value === 'linear' ? 'linear' : 'log';
      if (controller.run) this.#view.drawLoss(controller.run);
      return this.#sync();
    }
    // Choosing a preset means starting from it: exact values typed earlier give way.
    if (name === 'init') this.#start?.set('');
    super.changed(name);
  }

  /** The exact starting values (the playground) and the log-axis box: controls the kit has no kind for. */
  protected ownControls(): Record<string, TextControl> {
    const own: Record<string, TextControl> = {};
    const axis = logAxisControl(this, () => this.changed('yScale'));
    if (axis) own.yScale = axis;
    this.#start = startValuesControl(this, (text) => {
      const parsed = this.settings.fields.start.read(text);
      this.status.problem('start', parsed.ok ? null : `${parsed.message} The figure still shows the last valid run.`);
      return parsed.ok;
    }, () => this.changed('start'));
    if (this.#start) own.start = this.#start;
    return own;
  }

  /** A bad η in the field is explained by the kit; the console adds which η training keeps. */
  #explainRate(): void {
    const field = this.#rateField();
    field?.addEventListener('input', () => {
      const parsed = this.settings.fields.learningRate.read(field.value);
      if (!parsed.ok) this.status.problem('learningRate', `${parsed.message} Training keeps η = ${formatNumber(this.#controller?.nextRate() ?? NaN)}.`);
    });
  }

  #rateField(): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>('[data-name="learningRate"] [data-role="field"]');
  }

  /** The rate control follows the rate in force (a schedule's cut, a replayed change), unless the reader is mid-correction. */
  #showRate(rate: number): void {
    const control = this.controls.numbers.learningRate;
    if (control && Math.abs(control.value - rate) > 1e-15 * rate && this.#rateField()?.getAttribute('aria-invalid') !== 'true') control.set(rate);
  }

  #setSpeed(speed: number): void {
    if (!this.#controller || !Number.isInteger(speed) || speed < 1) return;
    this.#controller.config.speed = speed;
    this.status.note(speedNote(speed));
    this.#sync();
  }

  #atStart(): boolean {
    return (this.#controller?.epoch ?? 0) === 0;
  }

  /** The element's data-* attributes follow the state, so the page always holds the full config. */
  #sync(): void {
    for (const [key, value] of this.settings.serialise(this.toConfig())) this.dataset[key] = value;
    this.#view.buttons(this.#controller?.playing ?? false, this.#atStart());
    this.#notify();
  }

  #notify(): void {
    const detail: ConsoleChangeDetail = { playing: this.#controller?.playing ?? false };
    this.dispatchEvent(new CustomEvent(CONSOLE_CHANGE_EVENT, { bubbles: true, detail }));
  }
}

if (!customElements.get('np-training-console')) customElements.define('np-training-console', NpTrainingConsole);
