// Small client-side helpers every widget's custom element needs to show a new scene: the
// numbers beside a figure and the rows of its table alternative. Text only (textContent),
// never markup, and scoped to the element passed in.

/** Sets the text of every [data-number="key"] inside `host` to numbers[key] (left alone if absent). */
export function showNumbers(host: Element, numbers: Record<string, string>): void {
  for (const cell of host.querySelectorAll<HTMLElement>('[data-number]')) {
    const text = numbers[cell.dataset.number ?? ''];
    if (text !== undefined) cell.textContent = text;
  }
}

/** Replaces the rows of a table body with `rows` of cell texts (cells get `cellClass`). */
export function replaceRows(body: Element | null, rows: readonly (readonly string[])[], cellClass = 'num'): void {
  if (!body) return;
  const doc = body.ownerDocument;
  body.replaceChildren(
    ...rows.map((cells) => {
      const tr = doc.createElement('tr');
      for (const text of cells) {
        const td = doc.createElement('td');
        if (cellClass) td.className = cellClass;
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    }),
  );
}
