// <np-link-builder>: an experiment's link (as its card on the teacher's page has it) with the
// lock and hide lists the radio buttons choose; copied, or opened. A new experiment starts from
// its card's own lists. Every query is scoped to the element.
import { readSharedState, shareUrl } from '../experiments/link';

class NpLinkBuilder extends HTMLElement {
  connectedCallback(): void {
    const section = this.querySelector<HTMLElement>('[data-link-builder]');
    const select = this.querySelector<HTMLSelectElement>('[data-role="experiment"]');
    const output = this.querySelector<HTMLInputElement>('[data-role="link"]');
    const open = this.querySelector<HTMLAnchorElement>('[data-role="open"]');
    const status = this.querySelector<HTMLElement>('[data-role="status"]');
    if (!section || !select || !output || !open || !status || section.hasAttribute('data-ready')) return;
    const controls = [...this.querySelectorAll<HTMLFieldSetElement>('[data-control]')];
    const chosen = () => {
      const option = select.selectedOptions[0];
      return { url: new URL(option.value, location.href), key: option.dataset.shareKey ?? 'console' };
    };
    const stateOf = (box: HTMLFieldSetElement) => box.querySelector<HTMLInputElement>('input:checked')?.value ?? 'free';
    const names = (state: string) => controls.filter((c) => stateOf(c) === state).map((c) => c.dataset.control ?? '');

    const show = () => {
      const { url, key } = chosen();
      const link = shareUrl(url.href, key, readSharedState(url.search, key).settings, { locked: names('lock'), hidden: names('hide') }, url.hash.slice(1));
      output.value = link;
      open.href = link;
      status.textContent = '';
    };
    const loadPolicy = () => {
      const { url, key } = chosen();
      const { locked, hidden } = readSharedState(url.search, key);
      for (const box of controls) {
        const name = box.dataset.control ?? '';
        const radio = box.querySelector<HTMLInputElement>(`input[value="${hidden.has(name) ? 'hide' : locked.has(name) ? 'lock' : 'free'}"]`);
        if (radio) radio.checked = true;
      }
      show();
    };

    select.addEventListener('change', loadPolicy);
    for (const box of controls) box.addEventListener('change', show);
    this.querySelector('[data-action="copy"]')?.addEventListener('click', async () => {
      output.select();
      try {
        await navigator.clipboard.writeText(output.value);
        status.textContent = 'Link copied.';
      } catch {
        status.textContent = 'Copy the link from the field above (it is selected).';
      }
    });
    section.hidden = false;
    section.setAttribute('data-ready', '');
    loadPolicy();
  }
}

if (!customElements.get('np-link-builder')) customElements.define('np-link-builder', NpLinkBuilder);
