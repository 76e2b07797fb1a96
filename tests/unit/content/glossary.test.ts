// The glossary is content (content/glossary.yaml). Its ids are anchors: a repeated id would be
// dropped by the collection's loader, and a lesson linking to a missing one would lead nowhere.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
interface Term { id: string; name: string; text: string[]; table?: { rows: { id: string }[] } }
const terms = parse(readFileSync(path.join(root, 'content/glossary.yaml'), 'utf8')) as Term[];
const anchors = terms.flatMap((term) => [term.id, ...(term.table?.rows.map((row) => row.id) ?? [])]);

describe('the glossary', () => {
  it('has terms, each with a name and a paragraph', () => {
    expect(terms.length).toBeGreaterThan(20);
    for (const term of terms) {
      expect(term.name, term.id).toBeTruthy();
      expect(term.text.length, term.id).toBeGreaterThan(0);
    }
  });

  it('uses every anchor once', () => {
    expect(anchors.filter((id, i) => anchors.indexOf(id) !== i)).toEqual([]);
  });

  it('has every anchor the lessons link to', () => {
    const dir = path.join(root, 'content/lessons');
    const missing = readdirSync(dir).flatMap((file) =>
      [...readFileSync(path.join(dir, file), 'utf8').matchAll(/glossary\/#([a-z0-9-]+)/g)]
        .map((m) => m[1]!)
        .filter((id) => !anchors.includes(id))
        .map((id) => `${file}: #${id}`),
    );
    expect(missing).toEqual([]);
  });
});
