// The frame's "Save…" box (WidgetFrame.astro): hidden until the widget has something to save,
// then one button that folds the choices out and in (aria-expanded), so it costs one line.

/** Shows a group of save buttons, and the box around it with its fold-out button (wired once). */
export function showSaveGroup(group: HTMLElement): void {
  group.hidden = false;
  const box = group.closest<HTMLElement>('[data-save]');
  if (!box) return;
  box.hidden = false;
  if (box.dataset.wired !== undefined) return;
  box.dataset.wired = '';
  const toggle = box.querySelector<HTMLButtonElement>('[data-action="save-toggle"]');
  const buttons = box.querySelector<HTMLElement>('[data-save-buttons]');
  toggle?.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    if (buttons) buttons.hidden = !open;
  });
}
