// The playground's link: the training console's settings under `play.`, the slice's under
// `slice.`. What a link carries that cannot be used is collected here, to be named once at the
// top of the page (each widget also says it in its own status line). Pure.
import { readSharedState } from '../link';
import { surfaceSliceSettings } from '../surface-slice/settings';
import { MAX_CONSOLE_EPOCHS, PANELS, trainingConsoleSettings, type TrainingConsoleConfig } from '../training-console/settings';

export const CONSOLE_KEY = 'play';
export const SLICE_KEY = 'slice';

/** Everything in the query string that the playground cannot use, as sentences (empty for a clean link). */
export function playgroundLinkNotices(search: string): string[] {
  const notices: string[] = [];
  const parts: [string, readonly string[], (s: URLSearchParams) => { notices: string[] }][] = [
    [CONSOLE_KEY, trainingConsoleSettings.keys, (s) => trainingConsoleSettings.parse(s)],
    [SLICE_KEY, surfaceSliceSettings.keys, (s) => surfaceSliceSettings.parse(s)],
  ];
  for (const [key, known, parse] of parts) {
    // Known names are matched without regard to case, as the widgets read them (kit/share.ts).
    const lower = known.map((k) => k.toLowerCase());
    const { settings } = readSharedState(search, key);
    const unknown = [...settings.keys()].filter((name) => !lower.includes(name.toLowerCase()));
    const usable = new URLSearchParams([...settings].filter(([name]) => lower.includes(name.toLowerCase())));
    notices.push(...parse(usable).notices);
    if (unknown.length) notices.push(`Ignored the unknown setting${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `${key}.${u}`).join(', ')}.`);
  }
  return notices;
}

/** The console's settings on the playground (the rest are the console's defaults): every panel and control group, a long run allowed. */
export const PLAYGROUND_CONSOLE = {
  panels: [...PANELS],
  maxEpochs: MAX_CONSOLE_EPOCHS,
} satisfies Partial<TrainingConsoleConfig>;
