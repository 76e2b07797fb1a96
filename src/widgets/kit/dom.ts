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

/**
 * Replaces the rows of a table body with `rows` of cell texts (cells get `cellClass`). With
 * `rowHeader`, each row's first cell is a <th scope="row"> naming the row, without the class.
 */
export function replaceRows(body: Element | null, rows: readonly (readonly string[])[], cellClass = 'num', options: { rowHeader?: boolean } = {}): void {
  if (!body) return;
  const doc = body.ownerDocument;
  body.replaceChildren(
    ...rows.map((cells) => {
      const tr = doc.createElement('tr');
      cells.forEach((text, i) => {
        const header = options.rowHeader && i === 0;
        const cell = doc.createElement(header ? 'th' : 'td');
        if (header) cell.setAttribute('scope', 'row');
        else if (cellClass) cell.className = cellClass;
        cell.textContent = text;
        tr.append(cell);
      });
      return tr;
    }),
  );
}
