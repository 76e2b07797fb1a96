// Every piece of text in the sources that KaTeX will see, exactly as it will arrive there: the
// formulas of a lesson's prose, the string attributes of its components, and the strings of its
// JavaScript expressions and of our TypeScript after the language has processed their escapes
// (so '\mu' here is "mu", as KaTeX would get it). Template literals are joined with 0 in place of
// each ${…}, which is what a number would look like. Used by tests/unit/tex-source.test.ts.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import ts from 'typescript';

export interface SourceText {
  /** File and line, for the failure message. */
  where: string;
  /** The text as it reaches renderInlineMath (with $…$) or KaTeX directly (`math: true`). */
  text: string;
  /** The whole text is one formula (a $$…$$ display or an inline $…$ node of the prose). */
  math?: boolean;
}

interface EstreeNode {
  type: string;
  value?: unknown;
  quasis?: { value: { cooked: string | null; raw: string } }[];
  loc?: { start: { line: number } };
  [key: string]: unknown;
}

function estreeStrings(node: unknown, file: string, out: SourceText[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) estreeStrings(child, file, out);
    return;
  }
  const n = node as EstreeNode;
  const where = `${file}:${n.loc?.start.line ?? '?'}`;
  if (n.type === 'Literal' && typeof n.value === 'string') out.push({ where, text: n.value });
  if (n.type === 'TemplateLiteral' && n.quasis) out.push({ where, text: n.quasis.map((q) => q.value.cooked ?? q.value.raw).join('0') });
  for (const [key, child] of Object.entries(n)) {
    if (key !== 'loc' && key !== 'range' && key !== 'start' && key !== 'end') estreeStrings(child, file, out);
  }
}

interface MdastNode {
  type: string;
  value?: unknown;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdastNode[];
  data?: { estree?: unknown };
  position?: { start: { line: number } };
}

/** The texts of one MDX lesson that can reach KaTeX. */
export function mdxTexts(file: string, source: string = readFileSync(file, 'utf8')): SourceText[] {
  const processor = createProcessor({ remarkPlugins: [remarkMath] });
  const tree = processor.parse(source) as unknown as MdastNode;
  const out: SourceText[] = [];
  const visit = (node: MdastNode) => {
    const where = `${file}:${node.position?.start.line ?? '?'}`;
    if ((node.type === 'inlineMath' || node.type === 'math') && typeof node.value === 'string') out.push({ where, text: node.value, math: true });
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') estreeStrings(node.data?.estree, file, out);
    for (const attribute of node.attributes ?? []) {
      // A JSX attribute in quotes is raw text: no escapes are processed, '\eta' stays \eta.
      if (typeof attribute.value === 'string') out.push({ where, text: attribute.value });
      else if (attribute.value && typeof attribute.value === 'object') estreeStrings((attribute.value as MdastNode).data?.estree, file, out);
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return out;
}

/** The string literals and template literals of TypeScript code, after escapes. */
export function typescriptTexts(file: string, code: string, lineOffset = 0): SourceText[] {
  const sourceFile = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const out: SourceText[] = [];
  const where = (node: ts.Node) => `${file}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1 + lineOffset}`;
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push({ where: where(node), text: node.text });
    else if (ts.isTemplateExpression(node)) {
      out.push({ where: where(node), text: [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('0') });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return out;
}

/** The texts of an .astro file's frontmatter (the TypeScript between the --- fences). */
export function astroTexts(file: string, source: string = readFileSync(file, 'utf8')): SourceText[] {
  const match = /^---\n([\s\S]*?)\n---/.exec(source);
  return match ? typescriptTexts(file, match[1], 1) : [];
}

export function filesUnder(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, extensions);
    return extensions.some((e) => name.endsWith(e)) ? [full] : [];
  });
}
