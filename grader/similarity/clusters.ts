import type { SimilarityCluster, SimilarityPair } from '../model/similarity.js';

/**
 * Groups students linked by flagged pairs (A~B and B~C put A, B and C together: code passed
 * along a chain), largest similarity first. A union-find over the names.
 */
export function clustersOf(flagged: readonly SimilarityPair[]): SimilarityCluster[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const p of flagged) {
    for (const name of [p.left, p.right]) if (!parent.has(name)) parent.set(name, name);
    const [a, b] = [find(p.left), find(p.right)];
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const groups = new Map<string, { members: string[]; similarity: number }>();
  for (const name of parent.keys()) {
    const root = find(name);
    const g = groups.get(root) ?? { members: [], similarity: 0 };
    g.members.push(name);
    groups.set(root, g);
  }
  for (const p of flagged) {
    const g = groups.get(find(p.left))!;
    g.similarity = Math.max(g.similarity, p.similarity);
  }
  return [...groups.values()]
    .map((g) => ({ members: g.members.sort(), similarity: g.similarity }))
    .sort((x, y) => y.similarity - x.similarity || y.members.length - x.members.length || (x.members[0]! < y.members[0]! ? -1 : 1));
}
