// Advice that asks the reader to change a setting ("Try a smaller learning rate.") must not be
// given when a teacher's link has fixed that setting: the reader cannot follow it, and the
// teacher fixed it on purpose. Every such message goes through this one check (widgets call it
// through WidgetElement.suggest), so a new message cannot forget it.

/** `advice`, or '' when any of `settings` is fixed; `locked` says whether a setting is. */
export function adviceUnlessLocked(locked: (name: string) => boolean, settings: string | readonly string[], advice: string): string {
  const names = typeof settings === 'string' ? [settings] : settings;
  return names.some(locked) ? '' : advice;
}
