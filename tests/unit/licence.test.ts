// The licence files, CITATION.cff and the citation the licence page prints agree with each other
// and with package.json, so a version bump or a licence change cannot leave one of them behind.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import packageJson from '../../package.json';
import { bibtexCitation, CITATION, LICENCES, plainCitation } from '../../src/lib/citation';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('CITATION.cff', () => {
  const cff = parse(read('CITATION.cff')) as Record<string, unknown>;

  it('has every field the Citation File Format 1.2.0 requires, with the right types', () => {
    expect(cff['cff-version']).toBe('1.2.0');
    expect(typeof cff.message).toBe('string');
    expect(typeof cff.title).toBe('string');
    expect(Array.isArray(cff.authors)).toBe(true);
    const authors = cff.authors as Record<string, unknown>[];
    expect(authors.length).toBeGreaterThan(0);
    // CFF: a person has family-names or given-names, an entity has a name.
    for (const author of authors) expect(typeof author.name === 'string' || typeof author['family-names'] === 'string').toBe(true);
  });

  it('names the version package.json has and a real release date', () => {
    expect(cff.version).toBe(packageJson.version);
    expect(String(cff['date-released'])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lists both licences by their SPDX identifiers', () => {
    expect(cff.license).toEqual([LICENCES.code.spdx, LICENCES.content.spdx]);
  });

  it('carries the title and authors the licence page prints', () => {
    expect(cff.title).toBe(CITATION.title);
    expect((cff.authors as { name: string }[])[0].name).toBe(CITATION.authors);
  });
});

describe('licence files', () => {
  it('LICENSE is the MIT licence with a copyright line', () => {
    const text = read('LICENSE');
    expect(text).toMatch(/^MIT License/);
    expect(text).toMatch(/Copyright \(c\) \d{4} /);
    expect(text).toContain('Permission is hereby granted, free of charge');
  });

  it('LICENSE-content holds the full legal code of CC BY 4.0, not only a reference', () => {
    const text = read('LICENSE-content');
    expect(text).toContain('Creative Commons Attribution 4.0 International Public License');
    for (const section of ['Section 1 – Definitions', 'Section 3 – License Conditions', 'Section 8 – Interpretation']) expect(text).toContain(section);
  });
});

describe('the printed citation', () => {
  it('gives the version in plain text and BibTeX', () => {
    expect(plainCitation()).toContain(`version ${packageJson.version}`);
    expect(bibtexCitation()).toContain(`version = {${packageJson.version}}`);
  });

  it('adds the address where the course was found when one is given', () => {
    expect(plainCitation('https://school.example/ml/')).toContain('https://school.example/ml/');
    expect(bibtexCitation('https://school.example/ml/')).toContain('howpublished = {\\url{https://school.example/ml/}}');
  });

  it('is a BibTeX entry whose braces balance', () => {
    const entry = bibtexCitation('https://x.example/');
    let depth = 0;
    for (const c of entry) {
      depth += c === '{' ? 1 : c === '}' ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(entry).toMatch(/^@misc\{[a-z0-9]+,\n/);
  });
});
