// A remark plugin for the lessons: every <Choice> and <NumberAnswer> a lesson writes is also
// exported from its module as data, `export const exercises = () => [{ kind, props }, …]`, with
// the props' expressions exactly as the lesson wrote them (so `answer={f.exercise.r2}` reads the
// same facts module). The teachers' printable answer key imports the lessons and reads this:
// the key comes from the same source as the lessons, and cannot drift from them. A function,
// so a lesson page that never asks costs nothing.
import { parse } from 'acorn';
import type { Program } from 'estree';

interface JsxAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}
interface Node {
  type: string;
  name?: string | null;
  attributes?: JsxAttribute[];
  children?: Node[];
  value?: string;
  data?: { estree?: Program };
}

const EXERCISE_COMPONENTS: Record<string, string> = { Choice: 'choice', NumberAnswer: 'number' };

/** One prop as JavaScript source: a string literal, the written expression, or true for a bare name. */
function propSource(attribute: JsxAttribute): string | null {
  if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) return null;
  const value = attribute.value;
  if (value === null || value === undefined) return 'true';
  if (typeof value === 'string') return JSON.stringify(value);
  return `(${value.value})`;
}

function collect(node: Node, found: string[]): void {
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && node.name in EXERCISE_COMPONENTS) {
    const props = (node.attributes ?? []).flatMap((a) => {
      const source = propSource(a);
      return source === null ? [] : [`${JSON.stringify(a.name)}: ${source}`];
    });
    found.push(`{ kind: ${JSON.stringify(EXERCISE_COMPONENTS[node.name])}, props: { ${props.join(', ')} } }`);
  }
  for (const child of node.children ?? []) collect(child, found);
}

export default function exerciseExport() {
  return (tree: Node) => {
    const found: string[] = [];
    collect(tree, found);
    const code = `export const exercises = () => [${found.join(', ')}];`;
    const estree = parse(code, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as Program;
    tree.children = [...(tree.children ?? []), { type: 'mdxjsEsm', value: code, data: { estree } }];
  };
}
