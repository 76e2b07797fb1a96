// Which of KaTeX's font faces a built page's formulas use, read from the classes KaTeX writes
// (the rules in katex/dist/katex.css that set a font family, weight or style), and the preload
// links that fetch them with the stylesheet. A face the layout discovers late (KaTeX_Size1 for a
// big bracket, KaTeX_Size2 for a large Σ) arrives after the first layout, and each arrival lays
// the whole page out again: on lesson 6 (350 formulas) two such passes were 1 s of blocked main
// thread in Lighthouse's mobile profile (issue 17). BaseLayout preloads Main-Regular and
// Math-Italic on every page; this adds the others a page needs, and only those.

/** A face's file stem (KaTeX_<stem>.<hash>.woff2) and the classes that draw with it. */
const FACES: readonly { face: string; classes: RegExp }[] = [
  { face: 'Main-Bold', classes: /\b(?:mathbf|textbf)\b/ },
  { face: 'Main-Italic', classes: /\b(?:mathit|textit)\b/ },
  { face: 'Math-BoldItalic', classes: /\bboldsymbol\b/ },
  { face: 'AMS-Regular', classes: /\b(?:amsrm|mathbb|textbb)\b/ },
  { face: 'Caligraphic-Regular', classes: /\bmathcal\b/ },
  { face: 'Fraktur-Regular', classes: /\b(?:mathfrak|textfrak)\b/ },
  { face: 'SansSerif-Regular', classes: /\b(?:mathsf|textsf)\b/ },
  { face: 'Typewriter-Regular', classes: /\b(?:mathtt|texttt)\b/ },
  { face: 'Script-Regular', classes: /\b(?:mathscr|textscr)\b/ },
  { face: 'Size1-Regular', classes: /\b(?:delimsizing size1|delim-size1|small-op)\b/ },
  { face: 'Size2-Regular', classes: /\b(?:delimsizing size2|large-op)\b/ },
  { face: 'Size3-Regular', classes: /\bdelimsizing size3\b/ },
  { face: 'Size4-Regular', classes: /\b(?:delimsizing size4|delim-size4)\b/ },
];

/** The class attributes of KaTeX's own markup in a page (its formulas' spans), joined. */
function katexClasses(html: string): string {
  const found: string[] = [];
  for (const match of html.matchAll(/class="([^"]*)"/g)) found.push(match[1]);
  return found.join('\n');
}

/** The faces (file stems, e.g. 'Size1-Regular') a page's formulas draw with, beyond the two preloaded everywhere. */
export function facesUsed(html: string): string[] {
  if (!html.includes('class="katex"')) return [];
  const classes = katexClasses(html);
  return FACES.filter(({ classes: pattern }) => pattern.test(classes)).map(({ face }) => face);
}

/**
 * The page with a preload link for each face it uses and does not preload yet, placed after the
 * page's preload of KaTeX_Main-Regular (whose URL, relative or not, gives the folder). `files`
 * maps a face to its built file name (KaTeX_Size1-Regular.mCD8mA8B.woff2). A page without that
 * preload (no BaseLayout) is returned unchanged.
 */
export function withFacePreloads(html: string, files: ReadonlyMap<string, string>): string {
  const anchor = /<link rel="preload" href="([^"]*)KaTeX_Main-Regular\.[\w-]+\.woff2"[^>]*>/.exec(html);
  if (!anchor) return html;
  const folder = anchor[1];
  const links = facesUsed(html)
    .map((face) => files.get(face))
    .filter((file): file is string => file !== undefined && !html.includes(`${folder}${file}"`))
    .map((file) => `<link rel="preload" href="${folder}${file}" as="font" type="font/woff2" crossorigin>`);
  if (!links.length) return html;
  const at = anchor.index + anchor[0].length;
  return html.slice(0, at) + links.join('') + html.slice(at);
}

/** Font file names by face: 'Size1-Regular' → 'KaTeX_Size1-Regular.mCD8mA8B.woff2' (built, content-hashed) or 'KaTeX_Size1-Regular.woff2'. */
export function faceFiles(names: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of names) {
    const match = /^KaTeX_([A-Za-z0-9]+-[A-Za-z]+)(?:\.[\w-]+)?\.woff2$/.exec(name);
    if (match) files.set(match[1], name);
  }
  return files;
}
