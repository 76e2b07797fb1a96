// Saving a file the page made (a figure, a run's numbers): its name, and the download itself.
// Everything is made in the page; nothing is sent anywhere.

/** Widgets that name their state in file names (the console: "epoch-200"), by element. */
const labels = new WeakMap<Element, () => string>();

/** Lets a widget add its state to the names of the files it saves (e.g. `epoch-${epoch}`). */
export function nameSavedFiles(host: Element, label: () => string): void {
  labels.set(host, label);
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/**
 * `nine-parameters-<widget>[-<state>][-<what>].<ext>`, e.g. nine-parameters-console-epoch-200.svg
 * or nine-parameters-console-epoch-200-loss.csv: a name that says what the file is, made only of
 * characters every file system accepts.
 */
export function savedFileName(widget: string, state: string, what: string, extension: string): string {
  const parts = ['nine-parameters', slug(widget) || 'widget', slug(state), slug(what)].filter(Boolean);
  return `${parts.join('-')}.${slug(extension)}`;
}

/** The name of a file saved from `host` (its share key, or its element name, plus its label). */
export function fileNameFor(host: HTMLElement, what: string, extension: string): string {
  const widget = host.dataset.shareKey ?? host.localName.replace(/^np-/, '');
  return savedFileName(widget, labels.get(host)?.() ?? '', what, extension);
}

/** Downloads `blob` as `name` (a temporary object URL on an <a download>). */
export function saveBlob(host: Element, blob: Blob, name: string): void {
  const doc = host.ownerDocument;
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts; a minute covers a slow disk.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
