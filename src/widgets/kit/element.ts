// The base of every widget's custom element. A widget declares its settings (a schema from
// src/experiments) and how to draw a config; this class does the rest the same way for all:
//
//   start-up   settings from the element's data-* attributes with a shared link's on top, shown
//              in the controls; a teacher's lock/hide; "Copy link"; "New seed"; the controls
//              come alive and data-ready is set (tests wait for it)
//   changes    any control's change redraws once per animation frame; settings that break a rule
//              (lowest above highest) are named in the status line and the figure keeps the last
//              valid ones
//   drawing    a scene's panels, numbers and tables go into [data-panel], [data-number] and
//              [data-table] by name (drawScene), and the data-* attributes follow the settings
//   long work  runSliced(): a run in slices on the page's thread (one scheduler per element, a
//              newer run drops the older), the element aria-busy and data-working meanwhile
//
//   class NpFoo extends WidgetElement<FooConfig> {
//     protected readonly settings = fooSettings;
//     protected update(config: FooConfig) { this.drawScene(fooScene(runFoo(config))); }
//   }
//   customElements.define('np-foo', NpFoo);
import type { Schema } from '../../experiments/settings/schema';
import { TrainerInputError } from '../../trainer/errors';
import { enableControls, type StatusLine } from './controls';
import { replaceRows, showNumbers } from './dom';
import { oncePerFrame } from './frame';
import { nextSeed } from './seed';
import { ownControls, ownedBy, wireSettingControls, type SettingControls, type TextControl } from './settingControls';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from './share';
import { askBeforeHeavyWork, dismissHeavyWork } from './heavyWork';
import { adviceUnlessLocked } from '../../experiments/settings/advice';
import { HEAVY_WORK_SECONDS, type WorkEstimate } from '../../experiments/work';
import type { Field } from '../../experiments/settings/fields';
import { sliceScheduler } from './slices';
import { renderInto, type SvgNode } from './svg';
import type { SharedState } from '../../experiments/link';
import { reportWidgetRun } from './events';

/** What a widget draws: SVG panels, numbers and table rows, each found in the element by name. */
export interface WidgetScene {
  /** Each into the <svg> inside [data-panel="name"]. */
  panels?: Readonly<Record<string, SvgNode>>;
  /** Each into [data-number="key"] as text. */
  numbers?: Readonly<Record<string, string>>;
  /** Each as the rows of the <tbody> inside [data-table="name"] (a first cell that names the row: data-row-headers). */
  tables?: Readonly<Record<string, readonly (readonly string[])[]>>;
}

export abstract class WidgetElement<C extends object> extends HTMLElement {
  /** The widget's settings. */
  protected abstract readonly settings: Schema<C>;
  /** The link prefix when the page gives none (data-share-key). */
  protected readonly defaultShareKey: string = 'widget';
  /**
   * Whether the widget says itself when it has run (reportRun), e.g. a console whose run is its
   * training, not a redraw. Otherwise the kit reports after each redraw and each finished long run.
   */
  protected readonly reportsOwnRuns: boolean = false;

  protected status!: StatusLine;
  protected controls!: SettingControls;
  /** The link's settings and the teacher's lock/hide lists. */
  protected shared!: SharedState;
  /** What the page's settings or the link asked for that could not be used (a sweep does not run a garbled link). */
  protected startNotices: readonly string[] = [];
  /** The settings drawn last (also holds the settings that have no control). */
  #drawn!: C;
  /** The page's own settings (without a link's): what "Copy link" leaves out. */
  #page!: C;
  /** What the page's settings or a link asked for that could not be used, said before the widget's news. */
  #lead = '';
  readonly #redraw = oncePerFrame(() => this.refresh());
  readonly #slices = sliceScheduler();

  connectedCallback(): void {
    if (this.hasAttribute('data-ready')) return;
    const settings = this.settings;
    const { key, shared, config, notices, page } = readWidgetSettings(this, this.defaultShareKey, settings.keys, (source) => settings.parse(source), settings.aliases);
    this.shared = shared;
    this.startNotices = notices;
    this.#page = page;
    this.controls = wireSettingControls(this, settings, (name) => this.#changedByReader(name), this.ownControls());
    this.status = this.controls.status;
    this.#drawn = config;
    // Browsers may restore typed values on reload; the figure shows `config`, so the controls must too.
    this.controls.show(settings.serialise(config));
    this.#wireNewSeed();
    applyControlPolicy(this, shared);
    const labels = Object.fromEntries(Object.entries<Field>(settings.fields as Record<string, Field>).map(([name, field]) => [name, field.label]));
    wireShareButton(this, key, () => this.link(), shared, (message) => this.status.note(message), { labels, owned: (el) => ownedBy(this, el) });
    this.setup(config);
    enableControls(this);
    this.setAttribute('data-ready', '');
    this.#lead = notices.join(' ');
    if (notices.length) this.status.note(this.#lead);
    const fromLink = notices.length > 0 || shared.settings.size > 0;
    // A link may ask for hours of work (a sweep of many seeds): it waits until the reader agrees.
    const cost = shared.settings.size ? this.workOf(config) : null;
    if (cost && cost.seconds > HEAVY_WORK_SECONDS) askBeforeHeavyWork(this, cost, () => this.begin(config, true));
    else this.begin(config, fromLink);
  }

  /**
   * Starts the widget's first work (after setup): by default the server-drawn figure stands
   * unless a link or a notice changed the settings, then they are drawn. A widget that always
   * works at start-up (the console replays to its epoch) starts here, so a link's heavy work
   * can wait for the reader.
   */
  protected begin(_config: C, fromLink: boolean): void {
    if (fromLink) this.refresh();
  }

  /** The settings the controls show now (settings without a control keep their last value). */
  current(): C {
    return this.settings.apply(this.controls.values(), this.#drawn);
  }

  /**
   * Shows `config` in the controls and draws it in the next frame (a drag asks many times a
   * frame). Settings a teacher's link fixes keep their values, whoever asks.
   */
  show(config: C): void {
    const held = this.#holdLocks(config);
    this.controls.show(this.settings.serialise(held));
    this.#drawn = held;
    this.#redraw();
  }

  /** Changes some settings (a preset, a card clicked) and draws the result. Locked settings stay. */
  change(changes: Partial<C>): void {
    this.#lead = '';
    const allowed = Object.fromEntries(Object.entries(changes).filter(([name]) => !this.isLocked(name))) as Partial<C>;
    this.show({ ...this.current(), ...allowed });
  }

  /** Whether a teacher's link fixes (or hides) this setting. */
  isLocked(name: string): boolean {
    return this.shared.locked.has(name) || this.shared.hidden.has(name);
  }

  /**
   * Advice that asks the reader to change settings ("Try a smaller learning rate."), or '' when
   * a teacher's link fixes any of them: no message suggests changing what cannot be changed.
   */
  suggest(settings: string | readonly string[], advice: string): string {
    return adviceUnlessLocked((name) => this.isLocked(name), settings, advice);
  }

  /**
   * How much work the settings start (a sweep: seeds × epochs × samples), so a link asking for
   * a lot waits for the reader's word; null (the default) for widgets whose work is always small.
   */
  protected workOf(_config: C): WorkEstimate | null {
    return null;
  }

  /** Draws the current settings now, or names what is wrong with them. */
  refresh(): void {
    dismissHeavyWork(this);
    let config = this.current();
    let problems = this.settings.problems(config);
    const followed = problems.length ? this.#follow(config) : null;
    if (followed) {
      // The reader's change stands; the settings tied to it moved with it, in the controls too.
      config = followed.config;
      problems = [];
      this.controls.show(this.settings.serialise(config));
      this.#lead = followed.note;
      this.status.note(followed.note);
    }
    this.status.problem('settings', problems.length ? `${problems[0].message} The figure still shows the last valid settings.` : null);
    if (problems.length) return;
    this.#drawn = config;
    this.update(config);
    for (const [name, value] of this.settings.serialise(config)) this.dataset[name] = value;
    // Long work started by update() reports when it is done (runSliced).
    if (!this.reportsOwnRuns && !('working' in this.dataset)) this.reportRun(config);
  }

  /** Tells the page the widget has run with `config` (WIDGET_RAN_EVENT). */
  protected reportRun(config: C): void {
    reportWidgetRun(this, this.dataset.shareKey ?? this.defaultShareKey, this.settings.serialise(config));
  }

  /**
   * Says the widget's news in the status line ("Training…", "After 5,000 epochs: …"). What the
   * page or a link asked for that could not be used stays in front of it until the reader
   * changes a setting, so a run that finishes later does not hide why it runs with other values.
   */
  protected say(message: string): void {
    this.status.note([this.#lead, message].filter(Boolean).join(' '));
  }

  /** The settings as "Copy link" writes them. */
  protected link(): URLSearchParams {
    return this.linkOf(this.current());
  }

  /** A config as a link writes it: only what differs from the page's own settings, under short names. */
  protected linkOf(config: C): URLSearchParams {
    return this.settings.serialise(config, this.#page, { short: true });
  }

  /**
   * Settings that break a rule mended the way the rule says the others follow (rules without
   * `follow`, or a follower a teacher's link fixes, leave the problem to be named), with a note
   * naming what moved; null when they cannot all be mended.
   */
  #follow(config: C): { config: C; note: string } | null {
    let next = config;
    const notes: string[] = [];
    for (const rule of this.settings.rules) {
      const message = rule.problem(next);
      if (message === null) continue;
      const changes = rule.follow?.(next, this.#drawn);
      const moved = Object.keys(changes ?? {}) as (keyof C & string)[];
      if (!changes || !moved.length || moved.some((name) => this.isLocked(name))) return null;
      next = { ...next, ...changes };
      notes.push(`${message} So ${this.settings.describe(next, moved)} now.`);
    }
    return this.settings.problems(next).length ? null : { config: next, note: notes.join(' ') };
  }

  /** `config` with every setting a teacher's link fixes put back to its value now. */
  #holdLocks(config: C): C {
    const names = [...this.shared.locked, ...this.shared.hidden].filter((name) => name in config);
    if (!names.length || !this.#drawn) return config;
    const now = this.current() as Record<string, unknown>;
    return { ...config, ...Object.fromEntries(names.map((name) => [name, now[name]])) };
  }

  /** Draws the settings (called at most once per frame, with valid settings only). */
  protected abstract update(config: C): void;

  /** A control changed; by default the figure is redrawn in the next frame. */
  protected changed(_name: string): void {
    this.#redraw();
  }

  /** Wiring of the widget's own (toolbar buttons, drag layers), after the settings are shown. */
  protected setup(_config: C): void {}

  /** Controls the kit does not know, by setting name (a rate list, a parameter editor). */
  protected ownControls(): Record<string, TextControl> {
    return {};
  }

  /** Puts a scene's panels, numbers and tables into the element. */
  protected drawScene(scene: WidgetScene): void {
    for (const [name, node] of Object.entries(scene.panels ?? {})) {
      const svg = ownControls(this, `[data-panel="${name}"] svg`)[0];
      if (svg) renderInto(svg, node);
    }
    if (scene.numbers) showNumbers(this, scene.numbers);
    for (const [name, rows] of Object.entries(scene.tables ?? {})) {
      // A table marked data-row-headers names each row in its first cell (<th scope="row">).
      const table = ownControls(this, `[data-table="${name}"]`)[0];
      replaceRows(table?.querySelector('tbody') ?? null, rows, 'num', { rowHeader: table?.hasAttribute('data-row-headers') });
    }
  }

  /**
   * Runs long work (a generator that yields its progress) in slices, so the page keeps answering.
   * A newer call drops the older run, whose result would only be drawn over. Meanwhile the element
   * is aria-busy and data-working, and `progress` (if given) is called after each slice: the
   * words it returns are said in the status line (it may draw the partial result instead).
   * Resolves with the result, or null when a newer run took over or the trainer refused the
   * settings (said in the status line; the figure keeps the last run).
   */
  protected async runSliced<R, P>(work: Iterator<P, R>, progress?: (p: P) => string | void): Promise<R | null> {
    this.setAttribute('aria-busy', 'true');
    this.dataset.working = '';
    let said = false;
    try {
      const result = await this.#slices.run(work, {
        onProgress: progress && ((p: P) => {
          const words = progress(p);
          if (typeof words !== 'string') return;
          said = true;
          this.say(words);
        }),
      });
      if (!result.done) return null;
      this.status.problem('run', null);
      if (said) this.say('');
      if (!this.reportsOwnRuns && !this.#slices.busy) this.reportRun(this.#drawn);
      return result.value;
    } catch (error) {
      if (!(error instanceof TrainerInputError)) throw error;
      this.status.problem('run', `${error.message} The figure still shows the last run.`);
      return null;
    } finally {
      if (!this.#slices.busy) {
        this.removeAttribute('aria-busy');
        delete this.dataset.working;
      }
    }
  }

  #changedByReader(name: string): void {
    this.#lead = '';
    this.changed(name);
  }

  /** "New seed" buttons (data-action="new-seed", data-sets="<setting>") step their seed by one. */
  #wireNewSeed(): void {
    for (const button of ownControls<HTMLButtonElement>(this, 'button[data-action="new-seed"]')) {
      const name = button.dataset.sets ?? '';
      const control = this.controls.numbers[name];
      const field = this.settings.fields[name as keyof C];
      if (!control || field?.kind !== 'number') continue;
      button.addEventListener('click', () => {
        control.set(nextSeed(control.value, field.max));
        this.#changedByReader(name);
      });
    }
  }
}
