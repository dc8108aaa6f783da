import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Finds `name`'s folder the way Node does: in `node_modules` of `from` or of any parent. */
function packageDir(name: string, from: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return realpathSync(dirname(candidate));
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * The folders of the given packages and of everything they may load (dependencies, optional and
 * peer dependencies, transitively), as real paths: what a child must be able to read to import
 * them, and no more. A grader installed as a dependency sits in the same node_modules; allowing
 * the whole folder would let the child read the grader's references and hidden checks.
 * @param from the folder whose node_modules resolve the names
 */
export function packageClosure(names: readonly string[], from: string): string[] {
  const seen = new Set<string>();
  const pending: string[] = [];
  for (const name of names) {
    const dir = packageDir(name, from);
    if (dir) pending.push(dir);
  }
  while (pending.length > 0) {
    const dir = pending.pop()!;
    if (seen.has(dir)) continue;
    seen.add(dir);
    let manifest: Record<string, Record<string, string> | undefined>;
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as typeof manifest;
    } catch {
      continue;
    }
    const deps = { ...manifest.dependencies, ...manifest.optionalDependencies, ...manifest.peerDependencies };
    for (const dep of Object.keys(deps)) {
      const found = packageDir(dep, dir);
      if (found) pending.push(found);
    }
  }
  return [...seen].sort();
}
