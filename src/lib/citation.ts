// How to cite the course, in one place: the licence page prints it, CITATION.cff carries the
// same facts for citation tools, and a unit test keeps the two (and package.json's version) in step.
import packageJson from '../../package.json';

export const CITATION = {
  title: 'Nine Parameters: backpropagation worked through by hand on a 2-2-1 ReLU network',
  authors: 'The Nine Parameters authors',
  year: 2026,
  version: packageJson.version,
} as const;

/** The two licences: code and content (SPDX identifiers, as CITATION.cff lists them). */
export const LICENCES = {
  code: { spdx: 'MIT', name: 'MIT licence', file: 'LICENSE', url: 'https://opensource.org/license/mit' },
  content: { spdx: 'CC-BY-4.0', name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)', file: 'LICENSE-content', url: 'https://creativecommons.org/licenses/by/4.0/' },
} as const;

/** "Authors (year). Title (version x). Licence. [Address]": the citation in plain text. */
export function plainCitation(address?: string): string {
  const where = address ? ` ${address}` : '';
  return `${CITATION.authors} (${CITATION.year}). ${CITATION.title} (version ${CITATION.version}). Interactive course; code MIT, lessons and figures CC BY 4.0.${where}`;
}

/** The same as a BibTeX @misc entry (the authors in double braces: a group, not a person). */
export function bibtexCitation(address?: string): string {
  const fields = [
    ['author', `{${CITATION.authors}}`],
    ['title', CITATION.title],
    ['year', String(CITATION.year)],
    ['version', CITATION.version],
    ['note', 'Interactive course. Code: MIT licence; lessons, text and figures: CC BY 4.0'],
    ...(address ? [['howpublished', `\\url{${address}}`]] : []),
  ];
  return `@misc{nineparameters${CITATION.year},\n${fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n')}\n}`;
}
