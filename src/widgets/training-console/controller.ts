// The console's run controller: play, pause, step, step back, reset, and η changed while
// training. It owns the run and its full config (the setup, every rate change, the epoch) and
// tells the element when to draw; it draws nothing itself.
//
// Frames. Playing trains inside requestAnimationFrame: each frame runs as many epochs as fit in
// WORK_BUDGET_MS (kit/frameBudget.ts, never more than the chosen speed), then redraws, so the
// page never freezes however fast the run. Stepping back replays the same seeds from epoch 0
// (exact: the trainer is deterministic) in slices (kit/slices.ts) on a second run that replaces
// the shown one when it arrives; a newer replay drops an older one.
//
// Reduced motion. With prefers-reduced-motion: reduce, Play trains in the same frames but the
// figure is redrawn only once a second, in visible steps (and at once on pause and step).
import { TrainerInputError } from '../../trainer/errors';
import { formatInteger, formatNumber } from '../../experiments/format';
import { advance, nextRate, replayTo, startRun, type ConsoleRun } from '../../experiments/training-console/run';
import type { TrainingConsoleConfig } from '../../experiments/training-console/settings';
import type { StatusLine } from '../kit/controls';
import { drawPacer } from '../kit/frame';
import { frameBudget } from '../kit/frameBudget';
import { sliceScheduler } from '../kit/slices';
import { whereItStands, whyStopped } from './status';

/** Epochs per frame get at most this much time; drawing comes on top. */
const WORK_BUDGET_MS = 6;
/** Runs up to this many sample-epochs (epochs · N · H) are replayed at once rather than in slices. */
const QUICK_REPLAY = 1_500_000;
/** While playing, the fit, the diagram and the unit states are redrawn at most this often. */
const PANEL_INTERVAL_MS = 100;
/** Under reduced motion, a playing run is redrawn this often. */
const REDUCED_MOTION_STEP_MS = 1000;

export interface ControllerHooks {
  /**
   * Redraws the run; while playing the loss table (`full`) and the heavier `panels` may wait.
   * `drawn`: the server already drew this very state (the first start, on the page's settings).
   */
  draw(run: ConsoleRun, full: boolean, panels: boolean, drawn?: boolean): void;
  /** The state changed: the element's data-* attributes and its listeners follow. */
  sync(): void;
  /** Play turned into Pause or back. */
  playing(playing: boolean): void;
  /** Advice to change settings, or '' when a teacher's link fixes them (WidgetElement.suggest). */
  suggest?(settings: string | readonly string[], advice: string): string;
}

export class RunController {
  #run: ConsoleRun | null = null;
  #replaying: { run: ConsoleRun; target: number } | null = null;
  #playing = false;
  /** Whether the reader has changed η since the run started (see restart). */
  #rateEdited = false;
  #frame = 0;
  #lastDraw = 0;
  #lastPanels = 0;
  readonly #budget = frameBudget();
  /** While playing, a redraw that took d ms waits 2·d before the next (a slow laptop trains on in between). */
  readonly #pacer = drawPacer();
  #pausedDraw = 0;
  readonly #slices = sliceScheduler();

  /** `config` is the full state; a run started from it keeps this same object, so η changes reach a replay under way. */
  constructor(
    public config: TrainingConsoleConfig,
    private readonly status: Pick<StatusLine, 'problem' | 'note'>,
    private readonly hooks: ControllerHooks,
    private readonly reducedMotion: MediaQueryList | null,
  ) {}

  get run(): ConsoleRun | null {
    return this.#run;
  }
  get playing(): boolean {
    return this.#playing;
  }
  get replaying(): boolean {
    return this.#replaying !== null;
  }
  /** The epoch shown or being replayed to. */
  get epoch(): number {
    return this.#replaying?.target ?? this.#run?.trainer.epoch ?? this.config.epoch;
  }

  /** The full state as a config: the setup, every rate change, and the epoch reached. */
  toConfig(): TrainingConsoleConfig {
    return { ...this.config, rateChanges: [...this.config.rateChanges], epoch: this.#run?.trainer.epoch ?? this.config.epoch };
  }

  /** The rate the next epoch will use. */
  nextRate(): number {
    return this.#run ? nextRate(this.#run) : this.config.learningRate;
  }

  /**
   * Builds the run for the config and brings it to `epoch`: at once if that is quick, else as a
   * replay in slices. `drawn`: the server drew this state, so it is not drawn again on arrival.
   */
  start(message: string | null, epoch: number, drawn = false): void {
    this.pause(false);
    let run: ConsoleRun;
    try {
      run = startRun(this.config);
    } catch (error) {
      if (!(error instanceof TrainerInputError)) throw error;
      this.status.problem('setup', `${error.message} The figure still shows the last valid run.`);
      return;
    }
    this.status.problem('setup', null);
    this.status.problem('run', null);
    if (epoch * run.data.n * this.config.hidden <= QUICK_REPLAY) {
      this.#slices.cancel();
      this.#replaying = null;
      advance(run, epoch);
      this.#show(run, message, drawn);
      return;
    }
    // Until the replay arrives, the server's drawing stands for it.
    this.#run ??= run;
    this.#replaying = { run, target: epoch };
    this.hooks.sync();
    void this.#slices
      .run(replayTo(run, epoch), {
        onProgress: (reached: number) => this.status.note(`Replaying from the start to epoch ${formatInteger(epoch)}: ${Math.floor((100 * reached) / epoch)}%…`),
      })
      .then((result) => {
        if (!result.done) return;
        this.#replaying = null;
        this.#show(run, message ?? '', drawn);
        if (this.#playing) this.#schedule();
      });
  }

  /**
   * Back to epoch 0 with the same seeds. If the reader changed η during the run, the new run
   * uses the η now in force from the start (that is what "try η = 0.75, then Reset" means);
   * otherwise it keeps the page's rate and schedule, and replays the identical run.
   */
  restart(message: string): void {
    if (this.#rateEdited) {
      this.config.learningRate = this.nextRate();
      this.config.rateChanges = [];
      this.#rateEdited = false;
      message += ` η = ${formatNumber(this.config.learningRate)} from the first epoch.`;
    }
    this.start(message, 0);
  }

  /** A rate typed or slid while training applies from the next epoch on, recorded there so stepping back replays it. */
  setRate(rate: number): void {
    const run = this.#run;
    if (!run) return;
    this.#rateEdited = true;
    const epoch = run.trainer.epoch;
    this.config.rateChanges = this.config.rateChanges.filter((c) => c.epoch < epoch);
    if (epoch === 0) this.config.learningRate = rate;
    // Without a change of the reader's at this epoch, the trainer holds the rate it would use (a schedule's cut included).
    else if (run.trainer.learningRate !== rate) this.config.rateChanges.push({ epoch, rate });
    this.hooks.draw(run, false, false);
    this.hooks.sync();
  }

  play(): void {
    const problem = this.cannotTrain();
    if (problem) return this.status.problem('run', `Cannot play on. ${problem}`);
    this.#playing = true;
    this.hooks.playing(true);
    this.status.note(this.reducedMotion?.matches ? 'Training. Reduced motion is on, so the figure updates in steps, once a second.' : 'Training…');
    this.#schedule();
  }

  pause(announce = true): void {
    const was = this.#playing;
    this.#playing = false;
    this.hooks.playing(false);
    if (was && announce && this.#run) {
      // Pause shows at once; the full redraw (tables, panels) follows in the next frame.
      this.announce('Paused.');
      const run = this.#run;
      cancelAnimationFrame(this.#pausedDraw);
      this.#pausedDraw = requestAnimationFrame(() => {
        if (!this.#playing && this.#run === run) this.hooks.draw(run, true, true);
      });
    }
  }

  step(): void {
    this.pause(false);
    if (this.#replaying || !this.#run) return;
    const problem = this.cannotTrain();
    if (problem) return this.status.problem('run', `Cannot step on. ${problem}`);
    advance(this.#run, 1);
    this.hooks.draw(this.#run, true, true);
    this.announce('');
  }

  stepBack(): void {
    this.pause(false);
    if (this.epoch > 0) this.start('Stepped back by replaying the same seeds.', this.epoch - 1);
  }

  /** Why training cannot go on from here, or null. */
  cannotTrain(): string | null {
    return this.#run && whyStopped(this.#run, this.config.maxEpochs, this.hooks.suggest);
  }

  /** The status line after a step, a pause or an arrival: where the run stands, and any reason training stopped. */
  announce(prefix: string): void {
    if (!this.#run) return;
    this.status.problem('run', this.cannotTrain());
    this.status.note(whereItStands(prefix, this.#run, this.nextRate()));
    this.hooks.sync();
  }

  /** Stops the frames (the element left the page). */
  stop(): void {
    cancelAnimationFrame(this.#frame);
    cancelAnimationFrame(this.#pausedDraw);
    this.#frame = 0;
    this.#slices.cancel();
  }

  #show(run: ConsoleRun, message: string | null, drawn = false): void {
    this.#run = run;
    this.hooks.draw(run, true, true, drawn);
    const trouble = run.trainer.status !== 'ok' || run.trainer.epoch >= this.config.maxEpochs;
    if (message === null && !trouble) this.hooks.sync();
    else this.announce(message ?? '');
  }

  #schedule(): void {
    if (!this.#frame) this.#frame = requestAnimationFrame((now) => this.#tick(now));
  }

  #tick(now: number): void {
    this.#frame = 0;
    if (!this.#playing) return;
    // A replay under way comes first; playing goes on from where it arrives.
    if (this.#replaying) return;
    const run = this.#run;
    if (!run) return;
    this.#budget.run(this.config.speed, performance.now() + WORK_BUDGET_MS, (chunk) => advance(run, chunk));
    if (this.cannotTrain()) {
      this.pause(false);
      this.hooks.draw(run, true, true);
      this.announce('');
      return;
    }
    if (!(this.reducedMotion?.matches && now - this.#lastDraw < REDUCED_MOTION_STEP_MS) && this.#pacer.due(performance.now())) {
      // The curve and the numbers follow every frame the machine affords; the heavier panels a few times a second.
      const panels = now - this.#lastPanels >= PANEL_INTERVAL_MS;
      if (panels) this.#lastPanels = now;
      this.#lastDraw = now;
      this.#pacer.draw(() => this.hooks.draw(run, false, panels));
    }
    this.#schedule();
  }
}
