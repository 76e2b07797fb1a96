// <np-training-console>: plays, steps and rewinds the server-drawn run. Every query is scoped
// to the element itself, so a page can hold several consoles.
//
// Frames. Training runs inside requestAnimationFrame: each frame runs as many epochs as fit in
// WORK_BUDGET_MS (measured as it goes, never more than the chosen speed), then redraws, so a
// frame's work stays well under 16 ms and the page never freezes, however fast the run.
// Stepping back replays the same seeds from epoch 0 (exact: the trainer is deterministic) in
// the same budgeted slices, on a second run that replaces the shown one when it arrives.
//
// Reduced motion. With prefers-reduced-motion: reduce, Play does not animate: training goes on
// in the same slices, but the figure is redrawn only once a second, in visible steps (and at
// once on pause, step and step back). The status line says so when Play is pressed.
import type { Dataset } from '../../trainer/data';
import { TrainerInputError } from '../../trainer/errors';
import type { TrainStatus } from '../../trainer/train';
import { unitActivity } from '../../trainer/units';
import { enableControls, statusLine, wireSelect, wireSlider, type NumberControl, type StatusLine } from '../kit/controls';
import { formatInteger, formatNumber } from '../../experiments/format';
import { networkDiagramScene } from '../kit/networkDiagram';
import { nameSavedFiles } from '../kit/download';
import { wireRunSaving } from '../kit/runExport';
import { shareUrl } from '../../experiments/link';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from '../kit/share';
import { patchInto } from '../kit/svg';
import { replaceRows, showNumbers } from '../kit/dom';
import {
  describeChanges,
  parseLearningRate,
  parseTrainingConsoleConfig,
  parseStart,
  serializeTrainingConsoleConfig,
  serializeValue,
  TRAINING_CONSOLE_KEYS,
  type TrainingConsoleConfig,
} from './config';
import { CONSOLE_CHANGE_EVENT } from './events';
import { advance, currentLoss, nextRate, rateDuring, rateMarks, startRun, type ConsoleRun } from './run';
import { consoleRunRecord } from './runRecord';
import { epochAtX, fitScene, gradientNow, lossScene, lossTableRows, parameterRows, parityScene, readout, unitSummary, type LossScene } from './scene';
import { formatLoss } from '../../experiments/format';

/** Epochs per frame get at most this much time; drawing comes on top. */
const WORK_BUDGET_MS = 6;
/** Replays up to this many sample-epochs (epochs · N · H) run at once rather than in frames. */
const QUICK_REPLAY = 1_500_000;
/** While playing, the fit, the diagram and the unit states are redrawn at most this often. */
const PANEL_INTERVAL_MS = 100;
/** Under reduced motion, a playing run is redrawn this often. */
const REDUCED_MOTION_STEP_MS = 1000;

/** The run a console shows, for other views on the page (the playground's gradient check and loss slice). */
export interface ConsoleSnapshot {
  config: TrainingConsoleConfig;
  /** The current parameters (a copy) and those at epoch 0. */
  params: Float64Array;
  start: Float64Array;
  data: Dataset;
  varY: number;
  /** The rate the next epoch will use. */
  rate: number;
  status: TrainStatus;
  playing: boolean;
  /** A replay is bringing the run to the epoch asked for; the numbers are not yet its. */
  replaying: boolean;
}

export { CONSOLE_CHANGE_EVENT };

interface Replay {
  run: ConsoleRun;
  target: number;
  /** What to say when it arrives. */
  done: (run: ConsoleRun) => void;
}

class NpTrainingConsole extends HTMLElement {
  #config!: TrainingConsoleConfig;
  #run!: ConsoleRun;
  #status!: StatusLine;
  #rate!: NumberControl;
  #numbers: Record<string, NumberControl> = {};
  #playing = false;
  #replay: Replay | null = null;
  #frame = 0;
  #lastDraw = 0;
  #lastPanels = 0;
  /** Running estimate of one epoch's cost, so a frame knows how many fit. */
  #msPerEpoch = 0.01;
  #cursor: number | null = null;
  #focused = false;
  /** Whether the reader has changed η since the run started (see #restart). */
  #rateEdited = false;
  #loss: LossScene | null = null;
  #reducedMotion: MediaQueryList | null = null;

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    // A shared link's settings override the lesson's; unknown or garbled ones are named and ignored.
    const { key, shared, config, notices } = readWidgetSettings(this, 'console', TRAINING_CONSOLE_KEYS, parseTrainingConsoleConfig);
    this.#config = config;
    this.#status = statusLine(this);
    this.#reducedMotion = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
    this.#wire();
    // The controls must show the run's settings: a link's, not the lesson's (nor values a browser restored on reload).
    this.#showSettings(config);
    enableControls(this);
    applyControlPolicy(this, shared);
    wireShareButton(this, key, () => serializeTrainingConsoleConfig(this.toConfig()), shared, (m) => this.#status.note(m));
    // Saved files name the epoch they show; a replay under way has not reached it yet.
    nameSavedFiles(this, () => `epoch-${this.toConfig().epoch}`);
    wireRunSaving(this, () => {
      if (!this.#run || this.#replay) return null;
      const config = this.toConfig();
      const link = shareUrl(this.ownerDocument.location.href, key, serializeTrainingConsoleConfig(config), shared, this.id || undefined);
      return consoleRunRecord(this.#run, config, key, link);
    }, (m) => this.#status.note(m));
    // On arrival the status line stays quiet unless something needs saying.
    this.#start(notices.length ? notices.join(' ') : null, config.epoch);
    this.setAttribute('data-ready', '');
  }

  disconnectedCallback(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /** The full state as a config: the setup, every rate change, and the epoch reached. */
  toConfig(): TrainingConsoleConfig {
    return { ...this.#config, rateChanges: [...this.#config.rateChanges], epoch: this.#run?.trainer.epoch ?? this.#config.epoch };
  }

  /**
   * Loads settings given by another widget on the page (e.g. a gallery card opening one seed),
   * as if they had come in a link: they replace those of the current run, the rate changes are
   * dropped unless given, and the run is rebuilt up to the given epoch. Returns the notices of
   * settings that could not be used (also shown in the status line).
   */
  load(settings: Record<string, string>, message = 'Loaded.'): string[] {
    const current = Object.fromEntries(serializeTrainingConsoleConfig(this.#config));
    const { config, notices } = parseTrainingConsoleConfig({ ...current, rateChanges: '', ...settings });
    this.#config = config;
    this.#showSettings(config);
    this.#start([message, ...notices].join(' '), config.epoch);
    return notices;
  }

  /** Sets every control to `config` (without acting on it: the caller starts the run). */
  #showSettings(config: TrainingConsoleConfig): void {
    for (const [name, control] of Object.entries(this.#numbers)) control.set(config[name as 'initSeed'] as number);
    for (const wrapper of this.querySelectorAll<HTMLElement>('[data-select]')) {
      const name = wrapper.dataset.name as keyof TrainingConsoleConfig;
      const select = wrapper.querySelector('select');
      if (select && name in config) select.value = serializeValue(name, config[name]);
    }
    this.#rate?.set(config.learningRate);
    const log = this.querySelector<HTMLInputElement>('[data-role="log-axis"]');
    if (log) log.checked = config.yScale === 'log';
    const newSeed = this.querySelector<HTMLElement>('[data-action="new-seed"]');
    if (newSeed) newSeed.hidden = config.start !== null && config.batchSize === 'full';
    const startField = this.#startField();
    if (startField) startField.value = serializeValue('start', config.start);
  }

  /** The run now, or null before the element has started. */
  snapshot(): ConsoleSnapshot | null {
    const run = this.#run;
    if (!run) return null;
    return {
      config: this.toConfig(),
      params: Float64Array.from(run.trainer.params),
      start: run.start,
      data: run.data,
      varY: run.varY,
      rate: this.#nextRate(),
      status: run.trainer.status,
      playing: this.#playing,
      replaying: this.#replay !== null,
    };
  }

  #notify(): void {
    this.dispatchEvent(new CustomEvent(CONSOLE_CHANGE_EVENT, { bubbles: true, detail: { playing: this.#playing } }));
  }

  // ---------- wiring ----------

  #wire(): void {
    const rateStatus: StatusLine = {
      // The kit's field messages are replaced by the console's own (negative η gets its own
      // explanation), and always say which rate training keeps using.
      problem: (source, message) => {
        if (message === null) return this.#status.problem(source, null);
        const field = this.querySelector<HTMLInputElement>('[data-name="learningRate"] [data-role="field"]');
        const parsed = parseLearningRate(field?.value);
        const why = parsed.ok ? message : parsed.message;
        this.#status.problem(source, `${why} Training keeps η = ${formatNumber(this.#nextRate())}.`);
      },
      note: (m) => this.#status.note(m),
      get hasProblems() {
        return false;
      },
    };
    for (const wrapper of this.querySelectorAll<HTMLElement>('[data-slider]')) {
      if (wrapper.dataset.name === 'learningRate') this.#rate = wireSlider(wrapper, rateStatus, (v) => this.#setRate(v));
      else {
        const control = wireSlider(wrapper, this.#status, () => this.#settingsChanged());
        this.#numbers[control.name] = control;
      }
    }
    for (const wrapper of this.querySelectorAll<HTMLElement>('[data-select]')) {
      wireSelect(wrapper, (value, name) => (name === 'speed' ? this.#setSpeed(value) : this.#settingsChanged(name)));
    }
    this.#wireStartField();
    this.querySelector<HTMLInputElement>('[data-role="log-axis"]')?.addEventListener('change', (e) => {
      this.#config.yScale = (e.target as HTMLInputElement).checked ? 'log' : 'linear';
      this.#drawLoss();
      this.#syncData();
    });
    const on = (action: string, handler: () => void) => this.querySelector(`[data-action="${action}"]`)?.addEventListener('click', handler);
    on('play', () => (this.#playing ? this.#pause() : this.#play()));
    on('step', () => this.#step());
    on('back', () => this.#stepBack());
    on('reset', () => this.#restart('Back to epoch 0 with the same seeds.'));
    on('new-seed', () => this.#newSeed());
    this.#wireScrub();
  }

  /** The exact starting values (playground): checked when the field is left or Enter pressed. */
  #wireStartField(): void {
    const field = this.#startField();
    field?.addEventListener('change', () => {
      const parsed = parseStart(field.value);
      if (!parsed.ok) {
        field.setAttribute('aria-invalid', 'true');
        this.#status.problem('start', `${parsed.message} The figure still shows the last valid run.`);
        return;
      }
      field.removeAttribute('aria-invalid');
      this.#status.problem('start', null);
      this.#settingsChanged('start');
    });
  }

  #startField(): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>('[data-text-setting][data-name="start"] input');
  }

  #wireScrub(): void {
    const scrub = this.querySelector<HTMLElement>('[data-scrub]');
    if (!scrub) return;
    scrub.hidden = false;
    scrub.tabIndex = 0;
    scrub.setAttribute('role', 'slider');
    scrub.setAttribute('aria-label', 'Epoch on the loss curve (arrow keys move one epoch, Page Up and Page Down a tenth of the run)');
    scrub.setAttribute('aria-valuemin', '0');
    const toEpoch = (event: PointerEvent) => {
      const box = scrub.getBoundingClientRect();
      const scene = this.#loss;
      if (!scene || box.width === 0) return null;
      return epochAtX(scene, ((event.clientX - box.left) / box.width) * scene.axis.width);
    };
    scrub.addEventListener('pointermove', (e) => this.#moveCursor(toEpoch(e)));
    scrub.addEventListener('pointerdown', (e) => this.#moveCursor(toEpoch(e)));
    scrub.addEventListener('pointerleave', () => {
      if (!this.#focused) this.#moveCursor(null);
    });
    scrub.addEventListener('focus', () => {
      this.#focused = true;
      this.#moveCursor(this.#cursor ?? this.#run.trainer.epoch);
    });
    scrub.addEventListener('blur', () => {
      this.#focused = false;
      this.#moveCursor(null);
    });
    scrub.addEventListener('keydown', (e) => {
      const last = this.#run.trainer.epoch;
      const now = this.#cursor ?? last;
      const page = Math.max(1, Math.round(last / 10));
      const moves: Record<string, number> = {
        ArrowLeft: now - 1, ArrowDown: now - 1, ArrowRight: now + 1, ArrowUp: now + 1,
        PageDown: now - page, PageUp: now + page, Home: 0, End: last,
      };
      if (!(e.key in moves)) return;
      e.preventDefault();
      this.#moveCursor(Math.min(last, Math.max(0, moves[e.key])));
    });
  }

  #moveCursor(epoch: number | null): void {
    if (epoch === this.#cursor) return;
    this.#cursor = epoch;
    this.#drawLoss();
  }

  // ---------- the run ----------

  /**
   * Builds the run for the current config and brings it to `epoch`: at once if that is quick,
   * otherwise as a replay in budgeted frames.
   */
  #start(message: string | null, epoch: number): void {
    this.#pause(false);
    let run: ConsoleRun;
    try {
      run = startRun(this.#config);
    } catch (error) {
      if (!(error instanceof TrainerInputError)) throw error;
      this.#status.problem('setup', `${error.message} The figure still shows the last valid run.`);
      return;
    }
    this.#status.problem('setup', null);
    this.#status.problem('run', null);
    this.#cursor = null;
    // About a frame's worth of work (H·N·epochs multiply-adds) is done at once.
    if (epoch * run.data.n * this.#config.hidden <= QUICK_REPLAY) {
      advance(run, epoch);
      this.#show(run, message);
      return;
    }
    if (!this.#run) this.#run = run; // until the replay arrives, the server's drawing stands for it
    this.#replay = { run, target: epoch, done: (arrived) => this.#show(arrived, message) };
    this.#syncControls();
    this.#schedule();
  }

  #show(run: ConsoleRun, message: string | null): void {
    this.#run = run;
    this.#draw();
    const trouble = run.trainer.status !== 'ok' || run.trainer.epoch >= this.#config.maxEpochs;
    if (message === null && !trouble) this.#syncData();
    else this.#announce(message ?? '');
  }

  /**
   * Back to epoch 0 with the same seeds. If the reader changed η during the run, the new run
   * uses the η now in the field from the start (that is what "try η = 0.75, then Reset" means);
   * otherwise it keeps the page's rate and schedule, and replays the identical run.
   */
  #restart(message: string): void {
    if (this.#rateEdited) {
      this.#config.learningRate = this.#nextRate();
      this.#config.rateChanges = [];
      this.#rateEdited = false;
      message += ` η = ${formatNumber(this.#config.learningRate)} from the first epoch.`;
    }
    this.#start(message, 0);
  }

  #newSeed(): void {
    const seed = this.#numbers.initSeed;
    const next = this.#config.initSeed >= 999_999_999 ? 0 : this.#config.initSeed + 1;
    this.#config.initSeed = next;
    seed?.set(next);
    this.#restart(`New starting seed ${next}: a different start on the same data.`);
  }

  /** A setting control changed (`control` names it). */
  #settingsChanged(control?: string): void {
    const values: Record<string, string> = {};
    for (const [name, control] of Object.entries(this.#numbers)) values[name] = String(control.value);
    for (const select of this.querySelectorAll<HTMLElement>('[data-select]')) {
      const name = select.dataset.name ?? '';
      if (name !== 'speed') values[name] = select.querySelector('select')?.value ?? '';
    }
    const startField = this.#startField();
    if (startField) {
      // Choosing a preset means starting from it: exact values typed earlier give way.
      if (control === 'init') startField.value = '';
      if (parseStart(startField.value).ok) values.start = startField.value;
    }
    const current = Object.fromEntries(serializeTrainingConsoleConfig(this.#config));
    const { config, notices } = parseTrainingConsoleConfig({ ...current, ...values, epoch: '0' });
    if (notices.length) {
      this.#status.problem('settings', `${notices[0]} The figure still shows the last valid run.`);
      return;
    }
    this.#status.problem('settings', null);
    const newSeedButton = this.querySelector<HTMLElement>('[data-action="new-seed"]');
    if (newSeedButton) newSeedButton.hidden = config.start !== null && config.batchSize === 'full';
    const changed = describeChanges(this.#config, config);
    this.#config = config;
    this.#restart(`${changed || 'New settings'}. Training starts again from epoch 0.`);
  }

  /** The rate the next epoch will use. */
  #nextRate(): number {
    return this.#run ? nextRate(this.#run) : this.#config.learningRate;
  }

  /**
   * A rate typed or slid while training applies from the next epoch on. The change is recorded
   * at that epoch (replacing any later ones), so stepping back replays it exactly.
   */
  #setRate(rate: number): void {
    this.#rateEdited = true;
    const epoch = this.#run.trainer.epoch;
    const config = this.#config;
    config.rateChanges = config.rateChanges.filter((c) => c.epoch < epoch);
    if (epoch === 0) config.learningRate = rate;
    // Without a change of the reader's at this epoch, the trainer holds the rate it would use (a schedule's cut included).
    else if (this.#run.trainer.learningRate !== rate) config.rateChanges.push({ epoch, rate });
    // A replay under way follows the new schedule too (its own config is this one).
    this.#drawNumbers();
    this.#syncData();
  }

  #setSpeed(value: string): void {
    const speed = Number(value);
    if (!Number.isInteger(speed) || speed < 1) return;
    this.#config.speed = speed;
    this.#status.note(
      speed >= 100_000
        ? 'Speed: as many epochs per frame as fit in a few milliseconds.'
        : `Speed: at most ${formatInteger(speed)} epoch${speed === 1 ? '' : 's'} per frame (about ${formatInteger(speed * 60)} a second).`,
    );
    this.#syncData();
  }

  #play(): void {
    const problem = this.#cannotTrain();
    if (problem) {
      this.#status.problem('run', `Cannot play on. ${problem}`);
      return;
    }
    this.#playing = true;
    this.#playButton();
    this.#status.note(
      this.#reducedMotion?.matches
        ? 'Training. Reduced motion is on, so the figure updates in steps, once a second.'
        : 'Training…',
    );
    this.#schedule();
  }

  #pause(announce = true): void {
    const was = this.#playing;
    this.#playing = false;
    this.#playButton();
    if (was && announce) {
      this.#draw();
      this.#announce('Paused.');
    }
  }

  #step(): void {
    this.#pause(false);
    if (this.#replay) return;
    const problem = this.#cannotTrain();
    if (problem) return this.#status.problem('run', `Cannot step on. ${problem}`);
    advance(this.#run, 1);
    this.#draw();
    this.#announce('');
  }

  #stepBack(): void {
    this.#pause(false);
    const epoch = (this.#replay?.target ?? this.#run.trainer.epoch) - 1;
    if (epoch < 0) return;
    this.#start('Stepped back by replaying the same seeds.', epoch);
  }

  /** Why training cannot go on from here, or null. */
  #cannotTrain(): string | null {
    const { trainer } = this.#run;
    if (trainer.status === 'diverged') return this.#divergence();
    if (trainer.epoch >= this.#config.maxEpochs) {
      return `This figure stops at epoch ${formatInteger(this.#config.maxEpochs)}. Step back or reset to train again.`;
    }
    return null;
  }

  #divergence(): string {
    const { trainer } = this.#run;
    const rate = formatNumber(trainer.learningRate);
    const what = Number.isFinite(currentLoss(this.#run))
      ? `At epoch ${formatInteger(trainer.divergedAt)} a step became too large to represent`
      : `The loss became too large to represent at epoch ${formatInteger(trainer.divergedAt)}`;
    return `${what}: each step overshot the minimum by more than the last, so the run diverged. Try a smaller learning rate than η = ${rate}, then Reset or Step back.`;
  }

  // ---------- frames ----------

  #schedule(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame((now) => this.#tick(now));
  }

  #tick(now: number): void {
    this.#frame = 0;
    const deadline = performance.now() + WORK_BUDGET_MS;
    if (this.#replay) {
      const replay = this.#replay;
      this.#work(replay.run, replay.target - replay.run.trainer.epoch, deadline);
      const { trainer } = replay.run;
      if (trainer.epoch >= replay.target || trainer.status !== 'ok') {
        this.#replay = null;
        replay.done(replay.run);
      } else {
        const share = Math.floor((100 * trainer.epoch) / replay.target);
        this.#status.note(`Replaying from the start to epoch ${formatInteger(replay.target)}: ${share}%…`);
      }
    } else if (this.#playing) {
      this.#work(this.#run, this.#config.speed, deadline);
      const problem = this.#cannotTrain();
      if (problem) {
        this.#pause(false);
        this.#draw();
        this.#announce('');
        return;
      }
      const calm = this.#reducedMotion?.matches && now - this.#lastDraw < REDUCED_MOTION_STEP_MS;
      if (!calm) {
        // The curve and the numbers follow every frame; the heavier panels a few times a second.
        const panels = now - this.#lastPanels >= PANEL_INTERVAL_MS;
        if (panels) this.#lastPanels = now;
        this.#lastDraw = now;
        this.#draw(false, panels);
      }
    }
    if (this.#replay || this.#playing) this.#schedule();
  }

  /** Runs up to `epochs` epochs of `run`, in chunks sized so the work ends by `deadline`. */
  #work(run: ConsoleRun, epochs: number, deadline: number): void {
    let left = epochs;
    while (left > 0) {
      const t0 = performance.now();
      const room = deadline - t0;
      if (room <= 0) break;
      const chunk = Math.max(1, Math.min(left, Math.floor((room * 0.8) / this.#msPerEpoch)));
      const done = advance(run, chunk);
      const spent = performance.now() - t0;
      if (done > 0 && spent > 0) this.#msPerEpoch = 0.7 * this.#msPerEpoch + 0.3 * (spent / done);
      left -= chunk;
      if (done < chunk) break; // diverged or reached the limit
    }
  }

  // ---------- drawing ----------

  #announce(prefix: string): void {
    const problem = this.#run.trainer.status === 'diverged' || this.#run.trainer.epoch >= this.#config.maxEpochs ? this.#cannotTrain() : null;
    this.#status.problem('run', problem);
    const n = readout(this.#run.trainer.epoch, currentLoss(this.#run), this.#run.varY, this.#nextRate());
    this.#status.note(`${prefix ? prefix + ' ' : ''}Epoch ${n.epoch}: loss ${n.loss}, R² ${n.r2}.`);
    this.#syncData();
  }

  #playButton(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-action="play"]');
    if (button) button.textContent = this.#playing ? 'Pause' : 'Play';
  }

  /** Redraws the figure; while playing, `full` (the table alternative) and `panels` may wait. */
  #draw(full = true, panels = true): void {
    const { trainer, data } = this.#run;
    const H = this.#config.hidden;
    this.#drawLoss();
    this.#drawNumbers(panels);
    if (panels) {
      const fit = this.querySelector('[data-panel="fit"] svg');
      if (fit) patchInto(fit, fitScene(data, trainer.params, H, trainer.epoch));
      const parity = this.querySelector('[data-panel="parity"] svg');
      if (parity) patchInto(parity, parityScene(data, trainer.params, H, trainer.epoch));
      const diagram = this.querySelector('[data-panel="diagram"] svg');
      if (diagram) {
        const states = unitActivity(trainer.params, data, H).states;
        patchInto(diagram, networkDiagramScene(trainer.params, { states, heading: 'The network now' }));
      }
      const units = this.querySelector('[data-units]');
      if (units) units.textContent = unitSummary(data, trainer.params, H);
    }
    if (full) this.#drawLossTable();
    this.#syncControls();
    this.#notify();
  }

  #drawLoss(): void {
    const svg = this.querySelector('[data-panel="loss"] svg');
    const { trainer, varY } = this.#run;
    const current = currentLoss(this.#run);
    const cursor = this.#cursor === null ? null : Math.min(this.#cursor, trainer.epoch);
    this.#loss = lossScene({
      past: trainer.losses,
      current,
      varY,
      yScale: this.#config.yScale,
      cursor,
      divergedAt: trainer.status === 'diverged' ? trainer.divergedAt : -1,
      rateChanges: rateMarks(this.#run),
    });
    if (svg) patchInto(svg, this.#loss.svg);
    const scrub = this.querySelector<HTMLElement>('[data-scrub]');
    const text = this.querySelector('[data-cursor-readout]');
    if (scrub) {
      scrub.setAttribute('aria-valuemax', String(trainer.epoch));
      const at = cursor ?? trainer.epoch;
      const loss = at < trainer.epoch ? trainer.losses[at] : current;
      const n = readout(at, loss, varY, rateDuring(this.#run, at));
      scrub.setAttribute('aria-valuenow', String(at));
      scrub.setAttribute('aria-valuetext', `epoch ${n.epoch}: loss ${n.loss}, R² ${n.r2}`);
      if (text && cursor !== null) text.textContent = `Epoch ${n.epoch}: loss ${n.loss}, R² ${n.r2}, trained with η = ${n.rate}.`;
    }
  }

  /** The readout, and (unless `table` is false) the parameter table. */
  #drawNumbers(table = true): void {
    const { trainer, data, varY } = this.#run;
    const rate = this.#nextRate();
    const loss = currentLoss(this.#run);
    const n = readout(trainer.epoch, loss, varY, rate);
    showNumbers(this, { ...n });
    const body = table ? this.querySelector('[data-parameters] tbody') : null;
    if (body) {
      const rows = parameterRows(this.#run.start, trainer.params, gradientNow(data, trainer.params, this.#config.hidden), rate, this.#config.hidden);
      const trs = body.querySelectorAll('tr');
      rows.forEach((r, i) => {
        const cells = trs[i]?.querySelectorAll('td');
        if (!cells || cells.length < 4) return;
        cells[0].textContent = r.start;
        cells[1].textContent = r.now;
        cells[2].textContent = r.gradient;
        cells[3].textContent = r.step;
      });
    }
    if (this.#rate && Math.abs(this.#rate.value - rate) > 1e-15 * rate && !this.#rateFieldInvalid()) this.#rate.set(rate);
  }

  #rateFieldInvalid(): boolean {
    return this.querySelector('[data-name="learningRate"] [data-role="field"]')?.getAttribute('aria-invalid') === 'true';
  }

  #drawLossTable(): void {
    const body = this.querySelector('[data-loss-table] tbody');
    replaceRows(body, lossTableRows({ past: this.#run.trainer.losses, current: currentLoss(this.#run), varY: this.#run.varY }));
  }

  /** Buttons that make sense only in some states. */
  #syncControls(): void {
    const back = this.querySelector<HTMLButtonElement>('[data-action="back"]');
    if (back) back.disabled = this.#run.trainer.epoch === 0 && !this.#replay;
  }

  /** The element's data-* attributes follow the state, so the page always holds the full config. */
  #syncData(): void {
    for (const [key, value] of serializeTrainingConsoleConfig(this.toConfig())) this.dataset[key] = value;
    this.#notify();
  }
}

if (!customElements.get('np-training-console')) customElements.define('np-training-console', NpTrainingConsole);
