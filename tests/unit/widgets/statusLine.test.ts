import { describe, expect, it } from 'vitest';
import { statusLine } from '../../../src/widgets/kit/controls';

/** A stand-in for the widget: one [data-status] element with text and an error class. */
function fakeHost() {
  const classes = new Set<string>();
  const el = { textContent: '', classList: { toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name)) } };
  return { host: { querySelector: () => el } as unknown as Element, el, classes };
}

describe('statusLine', () => {
  it('shows the newest problem, marked as an error, and the note again once problems clear', () => {
    const { host, el, classes } = fakeHost();
    const status = statusLine(host);
    status.note('Done.');
    expect(el.textContent).toBe('Done.');
    status.problem('rate', 'The rate must be positive.');
    expect(el.textContent).toBe('The rate must be positive.');
    expect(classes.has('error')).toBe(true);
    status.problem('seed', 'The seed must be a whole number.');
    expect(el.textContent).toBe('The seed must be a whole number.');
    status.problem('seed', null);
    status.problem('rate', null);
    expect(el.textContent).toBe('Done.');
    expect(classes.has('error')).toBe(false);
    expect(status.hasProblems).toBe(false);
  });

  it('shows a note given after a problem beside it, not hidden behind it', () => {
    const { host, el } = fakeHost();
    const status = statusLine(host);
    status.problem('run', 'The run diverged at epoch 3.');
    status.note('Link copied.');
    expect(el.textContent).toBe('The run diverged at epoch 3. Link copied.');
    // The same problem said again keeps its age, so the newer note stays visible.
    status.problem('run', 'The run diverged at epoch 3.');
    expect(el.textContent).toBe('The run diverged at epoch 3. Link copied.');
    status.problem('run', 'The run diverged at epoch 2.');
    expect(el.textContent).toBe('The run diverged at epoch 2.');
  });

  it('is one status line per element, so kit parts (Save the figure) speak through the widget’s own', () => {
    const { host, el } = fakeHost();
    const widget = statusLine(host);
    widget.problem('run', 'The run diverged at epoch 3.');
    statusLine(host).note('Saved the figure as nine-parameters-console.svg.');
    expect(statusLine(host)).toBe(widget);
    expect(el.textContent).toBe('The run diverged at epoch 3. Saved the figure as nine-parameters-console.svg.');
  });
});
