import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAst } from 'rolldown/parseAst';

export interface FunctionSpan {
  readonly file: string;
  readonly name: string;
  readonly line: number;
  readonly lines: number;
}

type Node = { type: string; start: number; end: number; [key: string]: unknown };

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

function* sources(root: string, dir: string): Generator<string> {
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = join(dir, e.name);
    if (e.isDirectory()) yield* sources(root, rel);
    else if (/\.ts$/.test(e.name) && !/\.(test|d)\.ts$/.test(e.name)) yield rel;
  }
}

function nameOf(node: Node, parent: Node | undefined): string {
  const id = node.id as { name?: string } | null | undefined;
  if (id?.name) return id.name;
  const key = parent?.key as { name?: string } | undefined;
  if (key?.name) return key.name;
  const target = parent?.id as { name?: string } | undefined;
  return target?.name ?? '(anonymous)';
}

/** Every function of a TypeScript source with its length in lines, from its first line to its last. */
export function functionSpans(file: string, text: string): FunctionSpan[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const out: FunctionSpan[] = [];
  // A nested function is named after the ones around it (`encodeValue/walk`), so two inner
  // functions of the same name in one file stay apart.
  const visit = (node: unknown, parent: Node | undefined, scope: string): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n, parent, scope);
      return;
    }
    if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
    const n = node as Node;
    let inner = scope;
    if (FUNCTIONS.has(n.type)) {
      const line = lineOf(n.start);
      inner = scope ? `${scope}/${nameOf(n, parent)}` : nameOf(n, parent);
      out.push({ file, name: inner, line, lines: lineOf(n.end - 1) - line + 1 });
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'type' && v && typeof v === 'object') visit(v, n, inner);
  };
  visit(parseAst(text, { lang: 'ts' }, file), undefined, '');
  return out;
}

/** The functions of every non-test source under `dir` (relative to `root`). */
export function functionsUnder(root: string, dir: string): FunctionSpan[] {
  return [...sources(root, dir)].flatMap((f) => functionSpans(f, readFileSync(join(root, f), 'utf8')));
}
