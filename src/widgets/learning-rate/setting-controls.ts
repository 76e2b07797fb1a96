// The settings controls of a learning-rate widget as one object: every kit Slider, Select and
// the rate list inside the element, keyed by their data-name. It reads them back as the text of
// a link (so the widget's own parse…Config turns them into its config) and shows a config in
// them, so the three widgets need no per-field code of their own.
import { statusLine, wireSelect, wireSliders, type NumberControl, type StatusLine } from '../kit/controls';
import { finishStartup } from '../kit/lifecycle';
import { wireNewSeed } from '../kit/seed';
import { applyControlPolicy, readWidgetSettings, wireShareButton } from '../kit/share';
import { wireRateList, type RateListControl } from './rate-list';
import { formatRateList, parseRateList } from './settings';

export interface SettingControls {
  status: StatusLine;
  numbers: Record<string, NumberControl>;
  /** The current valid value of every control, as link text keyed by setting name. */
  values(): Record<string, string>;
  /** Shows a config's settings (link text keyed by name) in the controls. */
  show(settings: Iterable<[string, string]>): void;
}

/** Wires every control inside `host`; `onChange` runs after any valid change. `kept` as in wireRateList. */
export function wireSettingControls(host: HTMLElement, onChange: () => void, kept?: string): SettingControls {
  const status = statusLine(host);
  const numbers = wireSliders(host, status, onChange);
  const rates: RateListControl | null = host.querySelector('[data-rate-list]') ? wireRateList(host, status, onChange, kept) : null;
  const selects = new Map<string, () => string>();
  for (const wrapper of host.querySelectorAll<HTMLElement>('[data-select]')) selects.set(wrapper.dataset.name ?? '', wireSelect(wrapper, onChange));
  return {
    status,
    numbers,
    values() {
      const out: Record<string, string> = {};
      for (const [name, control] of Object.entries(numbers)) out[name] = String(control.value);
      for (const [name, read] of selects) out[name] = read();
      if (rates) out.rates = formatRateList(rates.value);
      return out;
    },
    show(settings) {
      for (const [name, text] of settings) {
        if (numbers[name]) numbers[name].set(Number(text));
        else if (name === 'rates' && rates) {
          const r = parseRateList(text);
          if (r.ok) rates.set(r.value);
        } else {
          const select = host.querySelector<HTMLSelectElement>(`[data-select][data-name="${name}"] select`);
          if (select) select.value = text;
        }
      }
    },
  };
}

export interface WidgetStart<C> {
  controls: SettingControls;
  /** The config the controls show now. */
  current(): C;
  /** Notices about a link's or the page's settings that could not be used (empty if none). */
  notices: string[];
  /** Whether a shared link set any of this widget's settings. */
  linked: boolean;
}

/**
 * The start-up every learning-rate widget shares: its settings from data-* attributes and a
 * link, shown in the controls; "New seed" (if there is one, with the seed's largest value);
 * a teacher's lock/hide; "Copy link"; then the controls come alive and data-ready is set.
 */
export function startWidget<C>(
  host: HTMLElement,
  spec: {
    key: string;
    keys: readonly string[];
    parse: (source: Record<string, string>) => { config: C; notices: string[] };
    serialize: (config: C) => URLSearchParams;
    onChange: () => void;
    kept?: string;
    seedMax?: number;
  },
): WidgetStart<C> {
  const { key, shared, config, notices } = readWidgetSettings(host, spec.key, spec.keys, spec.parse);
  const controls = wireSettingControls(host, spec.onChange, spec.kept);
  const current = () => spec.parse(controls.values()).config;
  // Browsers may restore typed values on reload; the figure shows `config`, so the controls must too.
  controls.show(spec.serialize(config));
  if (spec.seedMax !== undefined) wireNewSeed(host, controls.numbers.initSeed, spec.seedMax, spec.onChange);
  applyControlPolicy(host, shared);
  wireShareButton(host, key, () => spec.serialize(current()), shared, (m) => controls.status.note(m));
  finishStartup(host, controls.status, [], () => {});
  return { controls, current, notices, linked: shared.settings.size > 0 };
}
