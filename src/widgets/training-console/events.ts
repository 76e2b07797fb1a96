// The console's change event on its own, so a page can listen for it without loading the
// console's script (which starts only when the console nears the screen: kit/hydrate.ts).

/** Fired (bubbling) whenever the console redraws or its settings change; `detail.playing` says whether it is training. */
export const CONSOLE_CHANGE_EVENT = 'np-console-change';
