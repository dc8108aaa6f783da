import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnoseModule, type CheckFinding } from './diagnosis-harness.js';

export const HELDBACK = join(import.meta.dirname, '..', 'fixtures', 'diagnosis-heldback');

interface Expectation {
  readonly right: readonly string[];
  readonly tolerated?: readonly string[];
}

/** How one held-back submission was diagnosed. */
export interface Scored {
  readonly name: string;
  /** right: some finding is one the expectations call right; wrong: a mistake named that is neither right nor tolerated. */
  readonly outcome: 'right' | 'wrong' | 'none';
  /** Whether it lost points at all. */
  readonly failed: boolean;
  readonly findings: readonly string[];
}

/** The findings of a check as "m:id", "r:id", "c:by", the vocabulary of expectations.json. */
function tokens(f: CheckFinding): string[] {
  return [...f.mistakes.map((m) => `m:${m}`), ...(f.relation ? [`r:${f.relation.id}`] : []), ...(f.cases ? [`c:${f.cases.by}`] : [])];
}

/** The expectations of a set of diagnosed submissions (its expectations.json; the held-back set by default). */
export function expectations(root = HELDBACK): Record<string, Expectation> {
  const all = JSON.parse(readFileSync(join(root, 'expectations.json'), 'utf8')) as Record<string, Expectation | string>;
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, Expectation] => typeof e[1] === 'object'));
}

/**
 * Grades one submission in-process and scores its diagnosis against its expectations. `name` is
 * its path under `root` without `.ts`, ending in `<exercise>/<file>` ("pooling/x", "dev/pooling/x").
 */
export async function scoreHeldback(name: string, expectation: Expectation, root = HELDBACK): Promise<Scored> {
  const exercise = name.split('/').at(-2)!;
  const module = (await import(join(root, `${name}.ts`))) as Record<string, unknown>;
  const found = (await diagnoseModule(exercise, module)).filter((f) => f.status === 'failed');
  const all = found.flatMap(tokens);
  const ok = new Set([...expectation.right, ...(expectation.tolerated ?? [])]);
  const wrong = all.some((t) => t.startsWith('m:') && !ok.has(t));
  const right = all.some((t) => expectation.right.includes(t));
  return { name, outcome: wrong ? 'wrong' : right ? 'right' : 'none', failed: found.length > 0, findings: [...new Set(all)] };
}
