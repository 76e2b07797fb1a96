// A wrong pick in a multiple-choice question shows that option's explanation and a hint toward
// the reasoning (issue 13), so each wrong option of every <Choice> a student checks carries its
// own `hint`. A predict-then-run question (`run`) reveals everything once the widget has run, so
// it needs none. Read from the lessons' source: the options expression is parsed, not evaluated
// (its strings name facts that only the build computes).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseExpressionAt } from 'acorn';
import type { Expression, ObjectExpression, Property } from 'estree';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(__dirname, '../../../content/lessons');

interface ChoiceSource { lesson: string; id: string; predict: boolean; options: ObjectExpression[] }

function propertyNamed(option: ObjectExpression, name: string): Property | undefined {
  return option.properties.find(
    (p): p is Property => p.type === 'Property' && p.key.type === 'Identifier' && p.key.name === name,
  );
}

/** Every <Choice> of one lesson's source, with its options as written. */
export function choicesIn(lesson: string, source: string): ChoiceSource[] {
  return [...source.matchAll(/<Choice\b/g)].map((match) => {
    const start = match.index;
    const end = source.indexOf('\n/>', start);
    const block = source.slice(start, end);
    const id = /\bid="([^"]+)"/.exec(block)?.[1] ?? '?';
    const at = source.indexOf('options={', start);
    if (at < 0 || at > end) throw new Error(`${lesson} <Choice id="${id}">: no options={…}`);
    const expression = parseExpressionAt(source, at + 'options={'.length, { ecmaVersion: 'latest' }) as unknown as Expression;
    if (expression.type !== 'ArrayExpression') throw new Error(`${lesson} <Choice id="${id}">: options is not an array`);
    const options = expression.elements.filter((e): e is ObjectExpression => e?.type === 'ObjectExpression');
    return { lesson, id, predict: /^\s*run=/m.test(block), options };
  });
}

/** Wrong options (no `correct: true`) of checked questions that have no hint of their own. */
export function wrongOptionsWithoutHint(choices: readonly ChoiceSource[]): string[] {
  return choices
    .filter((choice) => !choice.predict)
    .flatMap((choice) =>
      choice.options.flatMap((option, i) => {
        const correct = propertyNamed(option, 'correct');
        const isCorrect = correct?.value.type === 'Literal' && correct.value.value === true;
        return isCorrect || propertyNamed(option, 'hint') ? [] : [`${choice.lesson} ${choice.id} option ${i + 1}`];
      }),
    );
}

const choices = readdirSync(dir)
  .filter((file) => file.endsWith('.mdx'))
  .flatMap((file) => choicesIn(file, readFileSync(path.join(dir, file), 'utf8')));

describe('hints for wrong picks', () => {
  it('finds the questions of the lessons, checked and predict-then-run', () => {
    expect(choices.filter((c) => !c.predict).length).toBeGreaterThan(30);
    expect(choices.filter((c) => c.predict).length).toBeGreaterThan(15);
  });

  it('flags a wrong option without a hint, and neither the right option nor a predict-then-run question', () => {
    const source = [
      '<Choice\n  id="a"\n  question="Q"\n  options={[\n    { text: `x`, why: `y` },\n    { correct: true, text: "r", why: "w" },\n    { text: "z", why: "w", hint: "h" },\n  ]}\n/>',
      '<Choice\n  id="b"\n  question="Q"\n  run="do it"\n  widget="w"\n  options={[{ text: "x", why: "y" }, { correct: true, text: "r", why: "w" }]}\n/>',
    ].join('\n\n');
    expect(wrongOptionsWithoutHint(choicesIn('test.mdx', source))).toEqual(['test.mdx a option 1']);
  });

  it('gives every wrong option of every checked question its own hint', () => {
    expect(wrongOptionsWithoutHint(choices)).toEqual([]);
  });
});
