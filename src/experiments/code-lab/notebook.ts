// Each exercise as a Jupyter notebook (nbformat 4): the same stub in Python with NumPy, the hints
// as markdown, and the same check cases with the trainer's expected values written in at build
// time, so a student can carry on in any notebook service with nothing to install but NumPy.
import type { Exercise } from './types';
import { exerciseById } from './exercises';

/** The cases in a notebook come from this seed (the page draws a new seed for every check). */
export const NOTEBOOK_SEED = 'notebook';

/** relu → relu, reluPrime → relu_prime, outputPartials → output_partials, forwardH → forward_h. */
export function pythonName(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

interface Cell {
  cell_type: 'markdown' | 'code';
  id: string;
  metadata: Record<string, never>;
  source: string[];
  execution_count?: null;
  outputs?: never[];
}

export interface Notebook {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: Record<string, unknown>;
  cells: Cell[];
}

/** Jupyter keeps a cell's text as lines, each but the last ending in a newline. */
function lines(text: string): string[] {
  const parts = text.replace(/\n+$/, '').split('\n');
  return parts.map((line, i) => (i < parts.length - 1 ? `${line}\n` : line));
}

const HARNESS = `def to_python(value):
    if isinstance(value, list):
        return np.array(value, dtype=float)
    if isinstance(value, dict):
        return {key: to_python(v) for key, v in value.items()}
    return value


def flatten(value, path=''):
    if isinstance(value, dict):
        out = []
        for key, v in value.items():
            out += flatten(v, f'{path}.{key}' if path else key)
        return out
    if isinstance(value, (list, tuple, np.ndarray)):
        out = []
        for i, v in enumerate(list(value)):
            out += flatten(v, f'{path}[{i}]')
        return out + [(f'{path}.length', len(value))]
    return [(path, value)]


def agrees(expected, received):
    try:
        received = float(received)
    except (TypeError, ValueError):
        return False
    if not (math.isfinite(expected) and math.isfinite(received)):
        return expected == received
    # The page's tolerance: 1e-9 of the larger of 1 and |expected|.
    return abs(received - expected) <= 1e-9 * max(1.0, abs(expected))


def run_checks():
    failed = 0
    for case in CASES:
        function = globals()[case['fn']]
        received = function(*[to_python(a) for a in case['args']])
        expected = dict(flatten(case['expected']))
        got = dict(flatten(received))
        wrong = [p for p, e in expected.items() if p not in got or not agrees(e, got[p])]
        if wrong:
            failed += 1
            print(f"✗ {case['fn']}: {case['label']}")
            for p in wrong[:5]:
                print(f"    {p or 'result'}: expected {expected[p]!r}, yours {got.get(p, 'missing')!r}")
    if failed:
        print(f'{failed} of {len(CASES)} cases differ from the trainer.')
    else:
        print(f'All {len(CASES)} cases pass.')


run_checks()
`;

/** The Python of the given functions: the solutions of the exercises that define them. */
function givenPython(exercise: Exercise): string {
  const sources: string[] = [];
  for (const name of exercise.given) {
    const owner = ['relu', 'forward', 'loss', 'backward', 'step']
      .map((id) => exerciseById(id))
      .find((e) => e?.defines.includes(name));
    if (owner && !sources.includes(owner.python.solution)) sources.push(owner.python.solution);
  }
  return sources.join('\n\n');
}

export function notebookFor(exercise: Exercise, options: { withSolution?: boolean } = {}): Notebook {
  let n = 0;
  const cell = (cell_type: Cell['cell_type'], text: string): Cell => {
    n += 1;
    const base = { cell_type, id: `${exercise.id}-${n}`, metadata: {}, source: lines(text) };
    return cell_type === 'code' ? { ...base, execution_count: null, outputs: [] } : base;
  };
  const cases = exercise.cases(NOTEBOOK_SEED).map((c) => ({ fn: pythonName(c.fn), label: c.label, args: c.args, expected: c.expected }));
  const given = givenPython(exercise);
  const cells: Cell[] = [
    cell('markdown', `# Nine Parameters — code lab: ${exercise.title}\n\n${exercise.goal}\n\nThe same exercise as in the course, in Python with NumPy. Write your code in the cell under **Your code**, then run every cell from the top. The last cell checks your functions on ${cases.length} cases whose expected values the course's trainer computed when this notebook was built (dead units, a pre-activation of exactly 0, all-zero parameters, huge values).\n\nDefine: ${exercise.python.defines.map((d) => `\`${d}\``).join(', ')}. Parameters are a dictionary \`{'W1': …, …, 'B3': …}\`; data is \`{'x1': array, 'x2': array, 'y': array}\`.`),
    cell('code', 'import json\nimport math\n\nimport numpy as np'),
  ];
  if (given) cells.push(cell('markdown', '## Given\n\nThe course\'s own versions of the functions this exercise builds on.'), cell('code', given));
  cells.push(
    cell('markdown', '## Your code'),
    cell('code', options.withSolution ? exercise.python.solution : exercise.python.stub),
    cell('markdown', `## Hints\n\nOpen one at a time.\n\n${exercise.hints.map((hint, i) => `<details><summary>Hint ${i + 1}</summary>\n\n${hint}\n\n</details>`).join('\n\n')}`),
    cell('markdown', '## Check'),
    cell('code', `CASES = json.loads(r'''${JSON.stringify(cases)}''')\n\n${HARNESS}`),
  );
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    cells,
  };
}

/** The notebook's code cells as one Python script (how the tests run it). */
export function notebookScript(notebook: Notebook): string {
  return notebook.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join('')).join('\n\n');
}
