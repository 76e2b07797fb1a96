// The layers, as the imports must show them (README, "How the code is laid out"):
//
//   content/lessons (MDX) → src/widgets/<name> (views) → src/widgets/kit (view kit)
//           ↓                        ↓
//      src/facts ──────→ src/experiments/<name> (DOM-free models) → src/trainer
//
// This test reads every import in src/ and content/ and fails on an import that points up or
// sideways, and on any import cycle. A widget that needs a piece another widget has moves the
// piece down a layer instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const SOURCE = /\.(ts|astro|mdx|mjs|js)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : SOURCE.test(name) ? [full] : [];
  });
}

/** Every module specifier a file imports: static imports, re-exports, dynamic import() and workers. */
export function importsOf(source: string): string[] {
  // Comments show imports as examples (kit/hydrate.ts); they are not imports.
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  const patterns = [/\bimport\s+(?:type\s+)?[^'"()]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bexport\s+(?:type\s+)?[^'"()]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\bimport\s+['"]([^'"]+)['"]/g, /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]);
  return found;
}

const EXTENSIONS = ['', '.ts', '.astro', '.mdx', '.js', '.mjs', '/index.ts'];

/** The project file a relative specifier names, or null for a package or a virtual module. */
function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const bare = specifier.replace(/\?.*$/, '');
  const base = path.resolve(path.dirname(from), bare);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this extension
    }
  }
  return null;
}

type Layer = 'content' | 'pages' | 'facts' | 'experiments' | 'trainer' | 'kit' | 'widget' | 'lib' | 'other';

function layerOf(file: string): { layer: Layer; widget?: string } {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] === 'content') return { layer: 'content' };
  if (rel[0] !== 'src') return { layer: 'other' };
  switch (rel[1]) {
    case 'facts':
      return { layer: 'facts' };
    case 'experiments':
      return { layer: 'experiments' };
    case 'trainer':
      return { layer: 'trainer' };
    case 'lib':
      return { layer: 'lib' };
    case 'pages':
    case 'layouts':
    case 'components':
    case 'styles':
      return { layer: 'pages' };
    case 'widgets':
      return rel[2] === 'kit' ? { layer: 'kit' } : { layer: 'widget', widget: rel[2] };
    default:
      return { layer: 'other' };
  }
}

/** What each layer may import (besides packages and itself). */
// src/lib is the site's own library (navigation, progress in the browser, KaTeX options, URLs):
// the shell and the views may use it; it uses only the models below it.
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  content: ['widget', 'kit', 'facts', 'experiments', 'trainer', 'lib', 'pages', 'content'],
  pages: ['widget', 'kit', 'facts', 'experiments', 'trainer', 'lib', 'pages', 'content'],
  widget: ['widget', 'kit', 'experiments', 'trainer', 'lib'],
  kit: ['kit', 'experiments', 'trainer', 'lib'],
  facts: ['facts', 'experiments', 'trainer'],
  lib: ['lib', 'experiments', 'trainer'],
  experiments: ['experiments', 'trainer'],
  trainer: ['trainer'],
  other: ['other', 'lib', 'experiments', 'trainer', 'kit', 'widget', 'facts', 'pages', 'content'],
};

/** A wrong import: what imports what, and which rule it breaks. */
export function ruleBroken(from: string, to: string): string | null {
  const a = layerOf(from), b = layerOf(to);
  if (!MAY_IMPORT[a.layer].includes(b.layer)) return `${a.layer} must not import ${b.layer}`;
  if (a.layer === 'widget' && b.layer === 'widget' && a.widget !== b.widget) return 'a widget must not import another widget’s folder';
  return null;
}

function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of [...filesUnder(path.join(root, 'src')), ...filesUnder(path.join(root, 'content'))]) {
    const targets = importsOf(readFileSync(file, 'utf8'))
      .map((s) => resolve(file, s))
      .filter((t): t is string => t !== null && SOURCE.test(t));
    edges.set(file, targets);
  }
  return edges;
}

/** Every import cycle, each as the list of files around it (one per cycle found by DFS). */
export function cyclesOf(edges: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push(stack.slice(stack.indexOf(next)).concat(next));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

const rel = (file: string) => path.relative(root, file);

describe('the import graph', () => {
  const edges = graph();

  it('points down the layers only: no import up or sideways', () => {
    const broken = [...edges].flatMap(([from, targets]) => targets.flatMap((to) => {
      const rule = ruleBroken(from, to);
      return rule ? [`${rel(from)} → ${rel(to)} (${rule})`] : [];
    }));
    expect(broken, 'imports that break the layers').toEqual([]);
  });

  it('has no cycles', () => {
    const cycles = cyclesOf(edges).map((cycle) => cycle.map(rel).join(' → '));
    expect(cycles, 'import cycles').toEqual([]);
  });

  it('finds the imports it checks (the reader is not blind)', () => {
    expect(importsOf(`import a from './a';\nimport type { B } from "../b";\nexport { c } from './c';\nconst d = import('./d');\nimport './e.css';`)).toEqual(['./a', '../b', './c', './d', './e.css']);
    const widget = path.join(root, 'src/widgets/one/x.ts');
    expect(ruleBroken(widget, path.join(root, 'src/widgets/two/y.ts'))).toMatch(/another widget/);
    expect(ruleBroken(path.join(root, 'src/facts/f.ts'), widget)).toMatch(/facts must not import widget/);
    expect(ruleBroken(path.join(root, 'src/experiments/e/m.ts'), path.join(root, 'src/widgets/kit/svg.ts'))).toMatch(/experiments must not import kit/);
    expect(ruleBroken(widget, path.join(root, 'src/widgets/kit/svg.ts'))).toBeNull();
    expect(cyclesOf(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('reads the real graph: a facts module’s imports of its models are found and resolved', () => {
    const facts = edges.get(path.join(root, 'src/facts/seeds-and-width.ts')) ?? [];
    expect(facts).toContain(path.join(root, 'src/experiments/seed-sweep/results.ts'));
    expect(edges.size).toBeGreaterThan(300);
  });
});
