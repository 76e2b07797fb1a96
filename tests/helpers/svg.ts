// Looking inside the plain-object SVG scenes the widget kit builds, for unit tests.
import type { SvgNode } from '../../src/widgets/kit/svg';

/** Every node of the tree (the root included, depth first) for which `predicate` holds. */
export function findNodes(node: SvgNode, predicate: (n: SvgNode) => boolean): SvgNode[] {
  const own = predicate(node) ? [node] : [];
  return [...own, ...(node.children ?? []).flatMap((c) => findNodes(c, predicate))];
}
